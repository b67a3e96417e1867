import Curriculum
import EventSourcing
import Foundation

/// A recorded event as the API shows it: the whole envelope, data and metadata as JSON values.
struct EnvelopeView: Encodable {
    var eventId: UUID
    var type: String
    var stream: String
    var category: String
    var revision: UInt64
    var position: UInt64
    var createdAt: Date
    var causationId: UUID?
    var correlationId: UUID?
    var data: JSONValue
    var metadata: JSONValue

    init(_ event: RecordedEvent) {
        eventId = event.eventId
        type = event.type
        stream = event.stream.rawValue
        category = event.stream.category
        revision = event.revision
        position = event.position
        createdAt = event.createdAt
        causationId = event.causationId
        correlationId = event.correlationId
        data = Self.json(event.data)
        metadata = Self.json(event.metadata)
    }

    /// A body that is not JSON (a store written by other tools) is shown as its text.
    static func json(_ data: Data) -> JSONValue {
        (try? JSONValue.parse(data)) ?? .string(String(decoding: data, as: UTF8.self))
    }
}

public enum APIJSON {
    /// Keys in the order the types declare them (an event's data as it was stored), and dates
    /// with milliseconds, so the page can show local time exactly.
    public static func encode<Value: Encodable>(_ value: Value) -> Data {
        // Every value here is plain data; an encoding failure would be a bug in this file.
        (try? OrderedJSON.encode(value, dates: .iso8601WithMilliseconds)) ?? Data("null".utf8)
    }
}
