/// The page the window serves: plain HTML, CSS and a little JavaScript, compiled into the binary
/// so it works offline and needs no build step. Every address but `/api/…` and the two assets
/// serves the same page, which reads its own location: a pasted link opens what it names.
public enum WindowPage {
    public struct Asset: Sendable {
        public var contentType: String
        public var body: String
    }

    /// The stylesheet and the script, by the path the page loads them from.
    public static let assets: [(String, Asset)] = [
        ("/window.css", Asset(contentType: "text/css; charset=utf-8", body: style)),
        ("/window.js", Asset(contentType: "text/javascript; charset=utf-8", body: script)),
    ]

    public static let html = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>workshop · your event store</title>
        <link rel="stylesheet" href="/window.css">
        </head>
        <body>
        <header>
          <strong class="brand">workshop</strong>
          <nav>
            <a href="/streams" data-nav>Streams</a>
            <a href="/all" data-nav>All-stream</a>
            <a href="/read-models" data-nav>Read models</a>
            <a href="/progress" data-nav>Progress</a>
          </nav>
          <span id="connection" class="connection" data-state="connecting">connecting…</span>
        </header>
        <main id="main"></main>
        <script src="/window.js"></script>
        </body>
        </html>
        """#
}
