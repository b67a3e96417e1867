import EventSourcing
import FlyingFox
import FlyingSocks
import Foundation

/// Why the window could not open, for the person who typed `ui`.
public enum WindowServerError: Error, Equatable, CustomStringConvertible {
    case portInUse(host: String, port: UInt16)
    case badHost(String)
    case failed(String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            "port \(port) on \(host) is already in use (another `workshop ui`?); choose another with --port N"
        case .badHost(let host):
            "'\(host)' is not an address to listen on; give an IP address such as 127.0.0.1 (the default), 0.0.0.0 or ::1"
        case .failed(let reason):
            "the window could not open: \(reason)"
        }
    }
}

/// The web window on the store: the page, its JSON API and the live feed, served over HTTP.
public final class WindowServer: Sendable {
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    /// `http://127.0.0.1:8080/`
    public let address: String
    public let port: UInt16

    /// Starts listening; returns once the port is bound, or throws why it could not be.
    /// Port 0 asks the system for a free one.
    public static func start(api: StoreAPI, host: String = "127.0.0.1", port: UInt16) async throws(WindowServerError)
        -> WindowServer
    {
        let address: any SocketAddress
        let literal = host == "localhost" ? "127.0.0.1" : host
        if let ip4 = try? sockaddr_in.inet(ip4: literal, port: port) {
            address = ip4
        } else if let ip6 = try? sockaddr_in6.inet6(ip6: literal, port: port) {
            address = ip6
        } else {
            throw .badHost(host)
        }
        // Requests wait on nothing slower than a store read or the learner's evolve.
        let server = HTTPServer(config: .init(address: address, timeout: 30, logger: .disabled))
        await Self.routes(server, api: api)
        let failure = FailureBox()
        let task = Task {
            do { try await server.run() } catch {
                failure.set(error)
                throw error
            }
        }
        // Wait until the socket is bound, or the run has failed (a port in use fails at once).
        while await !server.isListening {
            if let error = failure.error {
                if case SocketError.failed(_, let errno, _) = error, errno == EADDRINUSE { throw .portInUse(host: host, port: port) }
                throw .failed("\(error)")
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        let bound: UInt16 =
            switch await server.listeningAddress {
            case .ip4(_, let port)?, .ip6(_, let port)?: port
            default: port
            }
        let shown = literal.contains(":") ? "[\(literal)]" : literal
        return WindowServer(server: server, task: task, address: "http://\(shown):\(bound)/", port: bound)
    }

    private init(server: HTTPServer, task: Task<Void, any Error>, address: String, port: UInt16) {
        self.server = server
        self.task = task
        self.address = address
        self.port = port
    }

    /// Stops listening and closes open connections (live feeds included).
    public func stop() async {
        await server.stop(timeout: 0.5)
        task.cancel()
    }

    /// Serves until the process ends.
    public func wait() async {
        _ = try? await task.value
    }

    private static func routes(_ server: HTTPServer, api: StoreAPI) async {
        await server.appendRoute("GET /api/live") { (request: HTTPRequest) -> HTTPResponse in
            do throws(APIError) {
                let start = try LiveFeed.start(
                    query: request.query.map { ($0.name, $0.value) }, lastEventId: request.headers[HTTPHeader("Last-Event-ID")])
                return HTTPResponse(
                    statusCode: .ok,
                    headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                    body: HTTPBodySequence(from: LiveFeed(store: api.store, from: start)))
            } catch {
                return response(APIResponse(status: error.status, body: APIJSON.encode(["error": error.description])))
            }
        }
        await server.appendRoute("GET /api/*") { (request: HTTPRequest) -> HTTPResponse in
            response(
                api.respond(
                    to: APIRequest(path: String(request.path.dropFirst("/api/".count)), query: request.query.map { ($0.name, $0.value) })))
        }
        await server.appendRoute("/api/*") { (request: HTTPRequest) -> HTTPResponse in
            response(
                APIResponse(
                    status: 405, body: APIJSON.encode(["error": "the window only reads: \(request.method.rawValue) is not allowed"])))
        }
        for (path, asset) in WindowPage.assets {
            await server.appendRoute(HTTPRoute(method: .GET, path: path)) { (_: HTTPRequest) -> HTTPResponse in
                HTTPResponse(
                    statusCode: .ok, headers: [.contentType: asset.contentType, .cacheControl: "no-cache"], body: Data(asset.body.utf8))
            }
        }
        // Every other address is the page itself, which reads its location: pasted links work.
        await server.appendRoute("GET *") { (_: HTTPRequest) -> HTTPResponse in
            HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                body: Data(WindowPage.html.utf8))
        }
        await server.appendRoute("*") { (request: HTTPRequest) -> HTTPResponse in
            response(
                APIResponse(
                    status: 405, body: APIJSON.encode(["error": "the window only reads: \(request.method.rawValue) is not allowed"])))
        }
    }

    private static func response(_ answer: APIResponse) -> HTTPResponse {
        HTTPResponse(
            statusCode: HTTPStatusCode(answer.status, phrase: phrase(answer.status)),
            headers: [.contentType: answer.contentType, .cacheControl: "no-cache"], body: answer.body)
    }

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 422: "Unprocessable Content"
        default: "Service Unavailable"
        }
    }
}

/// The error a server run ended with, read by the task that waits for it to listen.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    var error: (any Error)? { lock.withLock { stored } }
    func set(_ error: any Error) { lock.withLock { stored = error } }
}
