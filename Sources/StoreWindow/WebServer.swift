import EventSourcing
import FlyingFox
import FlyingSocks
import Foundation
import Synchronization
import UserFacing

/// Why a server could not open, for the person who started it.
public enum WindowServerError: UserFacingError, Equatable {
    case portInUse(host: String, port: UInt16)
    case badHost(String)
    /// The server library's own reason, which names no remedy of ours.
    case failed(String)

    public var problem: String {
        switch self {
        case .portInUse(let host, let port): "port \(port) on \(host) is already in use (another `workshop ui`?)"
        case .badHost(let host): "'\(host)' is not an address to listen on"
        case .failed(let reason): "the window could not open: \(reason)"
        }
    }

    public var remedy: String? {
        switch self {
        case .portInUse: "choose another with --port N"
        case .badHost: "give an IP address such as 127.0.0.1 (the default), 0.0.0.0 or ::1"
        case .failed: nil
        }
    }
}

/// The HTTP plumbing the window and the room share: binding an address (port 0 picks a free one),
/// waiting until it listens, stopping. Each server only adds its routes.
public final class WebServer: Sendable {
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    /// `http://127.0.0.1:8080/`
    public let address: String
    public let port: UInt16

    /// Starts listening with the routes `routes` adds; returns once the port is bound, or throws why it could not be.
    public static func start(
        host: String, port: UInt16, timeout: TimeInterval = 30, routes: @Sendable (HTTPServer) async -> Void
    ) async throws(WindowServerError) -> WebServer {
        let address: any SocketAddress
        let literal = host == "localhost" ? "127.0.0.1" : host
        if let ip4 = try? sockaddr_in.inet(ip4: literal, port: port) {
            address = ip4
        } else if let ip6 = try? sockaddr_in6.inet6(ip6: literal, port: port) {
            address = ip6
        } else {
            throw .badHost(host)
        }
        let server = HTTPServer(config: .init(address: address, timeout: timeout, logger: .disabled))
        await routes(server)
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
        return WebServer(server: server, task: task, address: "http://\(shown):\(bound)/", port: bound)
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

    /// An API answer as an HTTP response.
    public static func response(_ answer: APIResponse) -> HTTPResponse {
        HTTPResponse(
            statusCode: HTTPStatusCode(answer.status, phrase: phrase(answer.status)),
            headers: [.contentType: answer.contentType, .cacheControl: "no-cache"], body: answer.body)
    }

    /// A page or script compiled into the binary.
    public static func asset(_ body: String, contentType: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: contentType, .cacheControl: "no-cache"], body: Data(body.utf8))
    }

    /// The live feed of `store` from a browser's `Last-Event-ID` (else `from`), or why it cannot start.
    public static func liveFeed(_ request: HTTPRequest, store: any EventStore) -> HTTPResponse {
        do throws(APIError) {
            let start = try LiveFeed.start(
                query: request.query.filter { $0.name != "token" }.map { ($0.name, $0.value) },
                lastEventId: request.headers[HTTPHeader("Last-Event-ID")])
            return HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                body: HTTPBodySequence(from: LiveFeed(store: store, from: start)))
        } catch {
            return response(APIResponse(status: error.status, body: APIJSON.encode(["error": error.description])))
        }
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 422: "Unprocessable Content"
        default: "Service Unavailable"
        }
    }
}

/// The error a server run ended with, read by the task that waits for it to listen.
private final class FailureBox: Sendable {
    private let stored = Mutex<(any Error)?>(nil)
    var error: (any Error)? { stored.withLock { $0 } }
    func set(_ error: any Error) { stored.withLock { $0 = error } }
}
