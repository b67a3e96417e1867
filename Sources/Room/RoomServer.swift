import FlyingFox
import Foundation
import StoreWindow

/// The room over HTTP, on the window's server plumbing (`WebServer`): learners post to `/room/…`
/// with the join code; the instructor's page and its API (`/api/…`) need the token.
public final class RoomServer: Sendable {
    private let server: WebServer
    public let service: RoomService
    public var address: String { server.address }
    public var port: UInt16 { server.port }

    public static func start(service: RoomService, host: String, port: UInt16) async throws(WindowServerError) -> RoomServer {
        RoomServer(server: try await WebServer.start(host: host, port: port, timeout: 15) { await routes($0, service) }, service: service)
    }

    private init(server: WebServer, service: RoomService) {
        self.server = server
        self.service = service
    }

    public func stop() async { await server.stop() }
    public func wait() async { await server.wait() }

    /// The token from `Authorization: Bearer …`, else from `?token=` (a browser's live feed cannot set headers).
    static func token(_ request: HTTPRequest) -> String? {
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") { return String(header.dropFirst(7)) }
        return request.query.first { $0.name == "token" }?.value
    }

    /// The body, refused before it is read when it announces more than the room takes.
    static func body(_ request: HTTPRequest) async -> Data? {
        if let count = request.bodySequence.count, count > RoomValidation.maxBodyBytes { return nil }
        return try? await request.bodyData
    }

    static func tooLarge() -> HTTPResponse {
        WebServer.response(
            APIResponse(
                status: 413, body: APIJSON.encode(["error": "a request is at most \(RoomValidation.maxBodyBytes / 1024) KiB"])))
    }

    /// The store's work (SQLite waits for its disk) runs on a queue of its own, never on the few
    /// cooperative threads that read and write every connection's socket; one queue, because the
    /// store takes one write at a time anyway.
    static let storeQueue = DispatchQueue(label: "room store")

    static func onStore(_ work: @escaping @Sendable () -> APIResponse) async -> HTTPResponse {
        WebServer.response(await withCheckedContinuation { done in storeQueue.async { done.resume(returning: work()) } })
    }

    private static func routes(_ server: HTTPServer, _ service: RoomService) async {
        await server.appendRoute("POST /room/join") { request in
            guard let body = await body(request) else { return tooLarge() }
            return await onStore { service.join(body) }
        }
        await server.appendRoute("POST /room/events") { request in
            guard let body = await body(request) else { return tooLarge() }
            return await onStore { service.receive(body) }
        }
        await server.appendRoute("GET /api/room") { request in
            let token = token(request)
            return await onStore { service.view(token: token) }
        }
        await server.appendRoute("POST /api/help") { request in
            guard let body = await body(request) else { return tooLarge() }
            let token = token(request)
            return await onStore { service.help(token: token, body: body) }
        }
        await server.appendRoute("POST /api/announce") { request in
            guard let body = await body(request) else { return tooLarge() }
            let token = token(request)
            return await onStore { service.announce(token: token, body: body) }
        }
        await server.appendRoute("POST /api/suggest") { request in
            guard let body = await body(request) else { return tooLarge() }
            let token = token(request)
            return await onStore { service.suggest(token: token, body: body) }
        }
        await server.appendRoute("POST /api/schedule") { request in
            guard let body = await body(request) else { return tooLarge() }
            let token = token(request)
            return await onStore { service.schedule(token: token, body: body) }
        }
        // The page follows the room's store as the window follows a learner's: each new event
        // arrives as a server-sent event, and the page asks for the room again.
        await server.appendRoute("GET /api/live") { request in
            guard service.isInstructor(token(request)) else { return WebServer.response(service.view(token: token(request))) }
            return WebServer.liveFeed(request, store: service.store)
        }
        await server.appendRoute("GET /room.js") { _ in WebServer.asset(RoomPage.script, contentType: "text/javascript; charset=utf-8") }
        await server.appendRoute("GET /") { _ in WebServer.asset(RoomPage.html, contentType: "text/html; charset=utf-8") }
        await server.appendRoute("*") { request in
            WebServer.response(
                APIResponse(status: 404, body: APIJSON.encode(["error": "the room has no \(request.method.rawValue) \(request.path)"])))
        }
    }
}
