import Foundation

/// Which way to read a stream.
public enum ReadDirection: String, Sendable, Codable {
    case forwards, backwards
}

/// An append-only log of streams: the contract the tool's stores and the learner's stores share.
public protocol EventStore: Sendable {
    /// Appends `events` to `stream` all or nothing, if the stream meets `expected`.
    /// Events whose ids the stream already holds are not stored again.
    /// - Returns: the stream's last revision after the append (nil if it still does not exist).
    @discardableResult
    func append(_ events: [EventData], to stream: StreamName, expected: ExpectedRevision) throws -> UInt64?

    /// Reads a stream from a revision (inclusive), forwards or backwards, at most `limit` events.
    /// Throws `EventStoreError.streamNotFound` for a stream that does not exist.
    func read(
        _ stream: StreamName, from revision: UInt64?, direction: ReadDirection, limit: Int?
    ) throws -> [RecordedEvent]

    /// Reads the all-stream in global order from a position (inclusive).
    func readAll(from position: UInt64, limit: Int?) throws -> [RecordedEvent]

    /// The last revision of a stream, or nil if it does not exist.
    func currentRevision(of stream: StreamName) throws -> UInt64?

    /// Every stream with its event count, in order of first appearance.
    func streams() throws -> [StreamInfo]
}

extension EventStore {
    /// Reads a whole stream forwards.
    public func read(_ stream: StreamName) throws -> [RecordedEvent] {
        try read(stream, from: nil, direction: .forwards, limit: nil)
    }

    /// Reads a whole stream forwards, or nothing if it does not exist.
    public func readIfPresent(_ stream: StreamName) throws -> [RecordedEvent] {
        do { return try read(stream) } catch EventStoreError.streamNotFound { return [] }
    }
}

extension EventData {
    /// Refuses a batch that names one event id twice: it could never be stored whole.
    public static func checkUniqueIds(_ events: [EventData], stream: StreamName) throws {
        var seen: Set<UUID> = []
        for event in events where !seen.insert(event.eventId).inserted {
            throw EventStoreError.duplicateEventId(stream: stream, eventId: event.eventId)
        }
    }
}

/// A stream's name and size, for listings.
public struct StreamInfo: Sendable, Hashable, Codable {
    public var name: StreamName
    public var count: UInt64
    public var lastPosition: UInt64

    public init(name: StreamName, count: UInt64, lastPosition: UInt64) {
        self.name = name
        self.count = count
        self.lastPosition = lastPosition
    }
}

/// What can go wrong when reading or appending, worded for the person at the keyboard.
public enum EventStoreError: Error, Equatable, CustomStringConvertible, Sendable {
    case wrongExpectedRevision(stream: StreamName, expected: ExpectedRevision, actual: UInt64?)
    case streamNotFound(StreamName)
    /// The stream was tombstoned: gone for good, never to be written again.
    case streamDeleted(StreamName)
    /// One batch named an event id twice: it could never be stored whole, so nothing was.
    case duplicateEventId(stream: StreamName, eventId: UUID)
    /// The store's server could not be reached (`store` is its address, without a password).
    case unreachable(store: String, reason: String)
    /// The store's server refused a request, in its own words.
    case refused(store: String, reason: String)

    public var description: String {
        switch self {
        case .wrongExpectedRevision(let stream, let expected, let actual):
            let found = actual.map { "it is at revision \($0)" } ?? "it does not exist"
            return "stream \(stream) was expected at \(expected), but \(found): someone else wrote first"
        case .streamNotFound(let stream):
            return "stream \(stream) does not exist"
        case .streamDeleted(let stream):
            return "stream \(stream) was deleted for good (tombstoned); it can never be written or read again"
        case .duplicateEventId(let stream, let eventId):
            return "the batch for \(stream) holds event id \(eventId) twice; nothing was stored"
        case .unreachable(let store, let reason):
            return "cannot reach PostgreSQL at \(store)\(reason.isEmpty ? "" : ": " + reason); check the URL and that the server is running"
        case .refused(let store, let reason):
            return "PostgreSQL at \(store): \(reason)"
        }
    }
}
