import Foundation

/// An event about to be appended: what happened, and why (causation) within which flow (correlation).
public struct EventData: Sendable, Hashable, Codable {
    public var eventId: UUID
    public var type: String
    /// The event's body, canonical JSON.
    public var data: Data
    public var metadata: Data
    public var causationId: UUID?
    public var correlationId: UUID?

    public init(
        eventId: UUID = UUID(), type: String, data: Data, metadata: Data = Data("{}".utf8),
        causationId: UUID? = nil, correlationId: UUID? = nil
    ) {
        self.eventId = eventId
        self.type = type
        self.data = data
        self.metadata = metadata
        self.causationId = causationId
        self.correlationId = correlationId
    }

    /// Encodes a Codable event as canonical JSON (sorted keys), typed by its Swift type name unless told.
    public init<Event: Encodable>(
        _ event: Event, type: String? = nil, eventId: UUID = UUID(),
        causationId: UUID? = nil, correlationId: UUID? = nil
    ) throws {
        self.init(
            eventId: eventId, type: type ?? String(describing: Event.self),
            data: try CanonicalJSON.encode(event), causationId: causationId, correlationId: correlationId)
    }
}

/// An event as the store holds it: the envelope plus where it sits and when it was written.
public struct RecordedEvent: Sendable, Hashable, Codable {
    public var eventId: UUID
    public var type: String
    public var stream: StreamName
    /// 0-based, contiguous within the stream.
    public var revision: UInt64
    /// Strictly increasing across the whole store (the all-stream's order).
    public var position: UInt64
    public var data: Data
    public var metadata: Data
    public var causationId: UUID?
    public var correlationId: UUID?
    public var createdAt: Date

    public init(
        eventId: UUID, type: String, stream: StreamName, revision: UInt64, position: UInt64,
        data: Data, metadata: Data, causationId: UUID?, correlationId: UUID?, createdAt: Date
    ) {
        self.eventId = eventId
        self.type = type
        self.stream = stream
        self.revision = revision
        self.position = position
        self.data = data
        self.metadata = metadata
        self.causationId = causationId
        self.correlationId = correlationId
        self.createdAt = createdAt
    }

    /// Decodes the event's body.
    public func decode<Event: Decodable>(_: Event.Type = Event.self) throws -> Event {
        try JSONDecoder().decode(Event.self, from: data)
    }
}

/// JSON with sorted keys and no escaped slashes, so equal values always give equal bytes.
public enum CanonicalJSON {
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }
}

extension Collection where Element == RecordedEvent {
    /// The stream as it was after `revision`: its events up to and including that revision.
    public func prefix(throughRevision revision: UInt64) -> SubSequence {
        prefix { $0.revision <= revision }
    }

    /// What the store knew at `time`: the stream up to its first event recorded after `time`.
    /// A prefix, never a filter: should a clock step back, a later event is not folded without the
    /// events before it, into a state that never existed.
    public func prefix(recordedBy time: Date) -> SubSequence {
        prefix { $0.createdAt <= time }
    }
}
