import Foundation
import Workspace

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
        guard let components = URLComponents(string: url), components.scheme == "http",
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

    /// The instructor's line to every shell in the room.
    public func announce(_ line: String, token: String) throws(Failure) {
        _ = try request("api/announce", method: "POST", body: RoomWire.encode(RoomWire.Announce(line: line)), token: token)
    }

    /// The instructor's change to the room's agenda; the answer is the day against its time boxes.
    public func schedule(_ change: RoomWire.Schedule, token: String) throws(Failure) -> Data {
        try request("api/schedule", method: "POST", body: RoomWire.encode(change), token: token)
    }

    /// The instructor suggests `catch-up LESSON`; the answer names who receives it.
    public func suggest(_ suggest: RoomWire.Suggest, token: String) throws(Failure) -> RoomWire.Suggested {
        let data = try request("api/suggest", method: "POST", body: RoomWire.encode(suggest), token: token)
        guard let answer = try? RoomWire.decoder().decode(RoomWire.Suggested.self, from: data) else {
            throw .unreachable("the room's answer was not understood")
        }
        return answer
    }

    func post(_ path: String, _ body: Data) throws(Failure) -> Data {
        try request(path, method: "POST", body: body, token: nil)
    }

    private func request(_ path: String, method: String, body: Data?, token: String?) throws(Failure) -> Data {
        guard let target = URL(string: "\(url)/\(path)") else { throw .unreachable("'\(url)' is not a room's address") }
        var headers = [("Content-Type", "application/json")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        let answer = try PlainHTTP.exchange(url: target, method: method, headers: headers, body: body, timeout: timeout)
        guard (200..<300).contains(answer.status) else {
            let message = (try? JSONDecoder().decode([String: String].self, from: answer.body))?["error"] ?? "status \(answer.status)"
            throw .refused(status: answer.status, message: message)
        }
        return answer.body
    }
}
