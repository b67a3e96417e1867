import Foundation
import Workspace

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The learner's side of the wire: posts to a room and says what came back, in words.
public struct RoomClient: Sendable {
    public let url: String
    public var timeout: TimeInterval

    public init(url: String, timeout: TimeInterval = 5) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.timeout = timeout
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The room answered no: a wrong code, a malformed request.
        case refused(status: Int, message: String)
        /// No answer: the server is down or the network is.
        case unreachable(String)

        public var description: String {
            switch self {
            case .refused(_, let message): message
            case .unreachable(let reason): reason
            }
        }
    }

    /// A URL a learner may type: http(s), a host, nothing else.
    public static func isValid(_ url: String) -> Bool {
        guard let components = URLComponents(string: url), let scheme = components.scheme, ["http", "https"].contains(scheme),
            components.host?.isEmpty == false
        else { return false }
        return true
    }

    public func join(code: String, learner: UUID, name: String) throws(Failure) {
        _ = try post("room/join", RoomWire.encode(RoomWire.Join(code: code, learner: learner, name: name)))
    }

    public func send(_ batch: RoomWire.Events) throws(Failure) -> RoomWire.Receipt {
        let data = try post("room/events", RoomWire.encode(batch))
        guard let receipt = try? RoomWire.decoder().decode(RoomWire.Receipt.self, from: data) else {
            throw .unreachable("the room's answer was not understood")
        }
        return receipt
    }

    /// GET with the instructor's token (`room status` asks the running server who is connected).
    public func get(_ path: String, token: String) throws(Failure) -> Data {
        try request(path, method: "GET", body: nil, token: token)
    }

    func post(_ path: String, _ body: Data) throws(Failure) -> Data {
        try request(path, method: "POST", body: body, token: nil)
    }

    private func request(_ path: String, method: String, body: Data?, token: String?) throws(Failure) -> Data {
        guard let target = URL(string: "\(url)/\(path)") else { throw .unreachable("'\(url)' is not a room's address") }
        var request = URLRequest(url: target, timeoutInterval: timeout)
        request.httpMethod = method
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let result = Exchange()
        let done = DispatchSemaphore(value: 0)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        session.dataTask(with: request) { data, response, error in
            result.set(data: data, status: (response as? HTTPURLResponse)?.statusCode, error: error)
            done.signal()
        }.resume()
        done.wait()
        session.finishTasksAndInvalidate()
        let (data, status, error) = result.value
        if let error { throw .unreachable("the room at \(url) did not answer (\(error.localizedDescription))") }
        guard let status else { throw .unreachable("the room at \(url) did not answer") }
        guard (200..<300).contains(status) else {
            let message = data.flatMap { try? JSONDecoder().decode([String: String].self, from: $0)["error"] } ?? "status \(status)"
            throw .refused(status: status, message: message)
        }
        return data ?? Data()
    }
}

private final class Exchange: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (Data?, Int?, (any Error)?) = (nil, nil, nil)
    var value: (Data?, Int?, (any Error)?) { lock.withLock { stored } }
    func set(data: Data?, status: Int?, error: (any Error)?) { lock.withLock { stored = (data, status, error) } }
}
