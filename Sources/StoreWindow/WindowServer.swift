import EventSourcing
import FlyingFox
import Foundation

/// The web window on the store: the page, its JSON API and the live feed, served over HTTP.
public final class WindowServer: Sendable {
    private let server: WebServer
    /// `http://127.0.0.1:8080/`
    public var address: String { server.address }
    public var port: UInt16 { server.port }

    /// Starts listening; returns once the port is bound, or throws why it could not be.
    /// Port 0 asks the system for a free one.
    public static func start(api: StoreAPI, host: String = "127.0.0.1", port: UInt16) async throws(WindowServerError)
        -> WindowServer
    {
        // Requests wait on nothing slower than a store read or the learner's evolve.
        WindowServer(server: try await WebServer.start(host: host, port: port) { await routes($0, api: api) })
    }

    private init(server: WebServer) { self.server = server }

    /// Stops listening and closes open connections (live feeds included).
    public func stop() async { await server.stop() }

    /// Serves until the process ends.
    public func wait() async { await server.wait() }

    private static func routes(_ server: HTTPServer, api: StoreAPI) async {
        await server.appendRoute("GET /api/live") { (request: HTTPRequest) -> HTTPResponse in
            WebServer.liveFeed(request, store: api.store)
        }
        await server.appendRoute("GET /api/*") { (request: HTTPRequest) -> HTTPResponse in
            WebServer.response(
                api.respond(
                    to: APIRequest(path: String(request.path.dropFirst("/api/".count)), query: request.query.map { ($0.name, $0.value) })))
        }
        await server.appendRoute("/api/*") { (request: HTTPRequest) -> HTTPResponse in
            readOnly(request)
        }
        for (path, asset) in WindowPage.assets {
            await server.appendRoute(HTTPRoute(method: .GET, path: path)) { (_: HTTPRequest) -> HTTPResponse in
                WebServer.asset(asset.body, contentType: asset.contentType)
            }
        }
        // Every other address is the page itself, which reads its location: pasted links work.
        await server.appendRoute("GET *") { (_: HTTPRequest) -> HTTPResponse in
            WebServer.asset(WindowPage.html, contentType: "text/html; charset=utf-8")
        }
        await server.appendRoute("*") { (request: HTTPRequest) -> HTTPResponse in
            readOnly(request)
        }
    }

    private static func readOnly(_ request: HTTPRequest) -> HTTPResponse {
        WebServer.response(
            APIResponse(status: 405, body: APIJSON.encode(["error": "the window only reads: \(request.method.rawValue) is not allowed"])))
    }
}
