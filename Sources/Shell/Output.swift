import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Where commands write: standard output on a terminal or pipe, or a buffer in tests.
/// It knows the width to wrap to and whether to colour.
public final class Output: @unchecked Sendable {
    // @unchecked Sendable: the styler and the sink change and are used only under `lock`.
    /// Colour on or off, and the theme; the `theme` command changes it while the shell runs.
    public var styler: Styler {
        get { lock.withLock { currentStyler } }
        set { lock.withLock { currentStyler = newValue } }
    }
    private var currentStyler: Styler
    private let measureWidth: @Sendable () -> Int
    private var sink: (String) -> Void
    private let lock = NSLock()

    /// Columns to wrap to, read anew at each use: a resized window (SIGWINCH) is followed from
    /// the next line on, and libedit reads the size again at every prompt.
    public var width: Int { measureWidth() }

    public convenience init(styler: Styler, width: Int, sink: @escaping (String) -> Void) {
        self.init(styler: styler, measuringWidth: { width }, sink: sink)
    }

    public init(styler: Styler, measuringWidth: @escaping @Sendable () -> Int, sink: @escaping (String) -> Void) {
        self.currentStyler = styler
        self.measureWidth = measuringWidth
        self.sink = sink
    }

    /// Standard output, following the terminal's colour and its width as the window changes.
    public static func standard(terminal: Terminal) -> Output {
        Output(styler: Styler(enabled: terminal.usesColour, theme: terminal.theme), measuringWidth: Self.following(terminal, STDOUT_FILENO))
        { text in
            StandardStream.write(text, to: STDOUT_FILENO)
        }
    }

    /// Standard error, for messages about failures.
    public static func standardError(terminal: Terminal) -> Output {
        Output(styler: Styler(enabled: terminal.usesColour, theme: terminal.theme), measuringWidth: Self.following(terminal, STDERR_FILENO))
        { text in
            StandardStream.write(text, to: STDERR_FILENO)
        }
    }

    /// The window's width while `descriptor` is a terminal; the width found at start otherwise.
    private static func following(_ terminal: Terminal, _ descriptor: Int32) -> @Sendable () -> Int {
        guard isatty(descriptor) == 1 else { return { terminal.width } }
        return { Terminal.windowWidth(of: descriptor) ?? terminal.width }
    }

    /// Collects everything written, plain (no colour), at a fixed width.
    public static func buffer(width: Int = 80) -> (Output, () -> String) {
        let box = CollectedText()
        let output = Output(styler: Styler(enabled: false), width: width) { box.append($0) }
        return (output, { box.text })
    }

    /// Writes a line as it is.
    public func line(_ text: String = "") {
        lock.withLock { sink(text + "\n") }
    }

    /// Writes a paragraph wrapped to the width; each line of a text with line breaks wraps on its own.
    public func paragraph(_ text: String, indent: String = "", hanging: String? = nil) {
        let width = self.width
        for (index, piece) in text.components(separatedBy: "\n").enumerated() {
            // A line's own indentation (a compiler's excerpt, say) is kept on every line it wraps to.
            if piece.isEmpty {
                line()
                continue
            }
            let own = String(piece.prefix { $0 == " " })
            let first = (index == 0 ? indent : (hanging ?? indent)) + own
            let rest = (hanging ?? indent) + own
            for line in TextWrapper.wrap(piece, width: width, firstPrefix: first, restPrefix: rest) { self.line(line) }
        }
    }

    public func styled(_ text: String, _ styles: Style...) -> String { styler.apply(text, styles) }

    /// Sends what is written to `replacement` from now on; returns the sink it replaced.
    func swapSink(_ replacement: @escaping (String) -> Void) -> (String) -> Void {
        lock.withLock {
            let previous = sink
            sink = replacement
            return previous
        }
    }

    /// Writes text as it is, with no newline added.
    public func write(_ text: String) {
        lock.withLock { sink(text) }
    }
}

/// Text written from any thread, collected in order: a buffer's output, a pager's capture.
final class CollectedText: Sendable {
    private let storage = Mutex("")
    func append(_ text: String) { storage.withLock { $0 += text } }
    var text: String { storage.withLock { $0 } }
}

/// Writes to a standard stream, retrying when Ctrl-C interrupts the write (the shell's SIGINT
/// handler does not restart system calls, and Foundation's writers stop the program on EINTR).
public enum StandardStream {
    public static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return  // the reader went away (a closed pipe): nothing more to do
            }
        }
    }
}
