// Connect Four · Durable persistence
//
// The event store on a file: one JSON line per append, so a batch is whole or absent; read back at start.
import EventSourcing
import Foundation

/// An event store kept in a file, so it survives the process: one JSON line per append, holding
/// the batch's recorded events. The line's newline is its commit marker: a line without one was
/// torn by a crash and was never acknowledged.
final class FileStore: EventStore, @unchecked Sendable {
    let path: String
    private let memory: InMemoryLog
    private let lock = NSLock()

    /// Opens the file (creating it if needed) and loads every complete line. A last line cut short
    /// by a crash (no newline yet) was never acknowledged: it is cut off the file, so the next
    /// append starts on a line of its own. A complete line that does not decode is damage, not a
    /// crash: the store refuses to open rather than lose what follows it.
    init(path: String) throws {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil)
        }
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var events: [RecordedEvent] = []
        var complete = 0  // bytes up to the end of the last complete line
        var number = 0
        while let newline = bytes[complete...].firstIndex(of: 0x0A) {
            number += 1
            guard let batch = try? JSONDecoder().decode([RecordedEvent].self, from: Data(bytes[complete..<newline])) else {
                throw CorruptRecord(line: number)
            }
            events += batch
            complete = newline + 1
        }
        if complete < bytes.count {
            // The torn tail of a crash: cut it off, or the next append would be glued onto it.
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.truncate(atOffset: UInt64(complete))
            try handle.synchronize()
        }
        memory = InMemoryLog(events)
    }

    func append(_ events: [EventData], to stream: StreamName, expected: ExpectedRevision) throws -> UInt64? {
        try lock.withLock {
            let current = memory.lastRevision(of: stream)
            // Sent twice (a retry after a lost answer): kept once, answered as the first time.
            if let revision = memory.alreadyStored(events, in: stream, expected: expected) { return revision }
            guard expected.isSatisfied(byCurrent: current) else {
                throw EventStoreError.wrongExpectedRevision(stream: stream, expected: expected, actual: current)
            }
            let recorded = memory.prepare(events, for: stream, after: current)
            // The whole batch as one line in one write, then fsync: on disk entirely, or (torn, no
            // newline) cut off on load.
            var bytes = try JSONEncoder().encode(recorded)
            bytes.append(0x0A)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: bytes)
            try handle.synchronize()
            memory.add(recorded)
            return recorded.last?.revision ?? current
        }
    }

    func read(_ stream: StreamName, from revision: UInt64?, direction: ReadDirection, limit: Int?) throws -> [RecordedEvent] {
        try lock.withLock { try memory.read(stream, from: revision, direction: direction, limit: limit) }
    }

    func readAll(from position: UInt64, limit: Int?) throws -> [RecordedEvent] {
        lock.withLock { memory.readAll(from: position, limit: limit) }
    }

    func currentRevision(of stream: StreamName) throws -> UInt64? {
        lock.withLock { memory.lastRevision(of: stream) }
    }

    func streams() throws -> [StreamInfo] {
        lock.withLock { memory.streams() }
    }
}

/// The events in memory, in order; the file is their durable copy.
final class InMemoryLog {
    private var log: [RecordedEvent]

    init(_ events: [RecordedEvent]) { log = events }

    func lastRevision(of stream: StreamName) -> UInt64? { log.last { $0.stream == stream }?.revision }

    /// The recorded form of a batch: next revisions of the stream, next positions of the log.
    func prepare(_ events: [EventData], for stream: StreamName, after current: UInt64?) -> [RecordedEvent] {
        let first = current.map { $0 + 1 } ?? 0
        let now = Date()
        return events.enumerated().map { offset, event in
            RecordedEvent(
                eventId: event.eventId, type: event.type, stream: stream, revision: first + UInt64(offset),
                position: UInt64(log.count + offset), data: event.data, metadata: event.metadata,
                causationId: event.causationId, correlationId: event.correlationId, createdAt: now)
        }
    }

    func add(_ events: [RecordedEvent]) { log += events }

    /// The stream's revision after `events`, if the stream already holds exactly these events (by
    /// id) where `expected` would have put them: the same batch sent again.
    func alreadyStored(_ events: [EventData], in stream: StreamName, expected: ExpectedRevision) -> UInt64? {
        let stored = log.filter { $0.stream == stream }
        guard let first = events.first, !stored.isEmpty else { return nil }
        let start: Int
        switch expected {
        case .noStream: start = 0
        case .exact(let revision): start = Int(revision) + 1
        case .any, .streamExists:
            guard let index = stored.firstIndex(where: { $0.eventId == first.eventId }) else { return nil }
            start = index
        }
        guard start + events.count <= stored.count, zip(stored[start...], events).allSatisfy({ $0.eventId == $1.eventId }) else {
            return nil
        }
        return stored[start + events.count - 1].revision
    }

    func read(_ stream: StreamName, from revision: UInt64?, direction: ReadDirection, limit: Int?) throws -> [RecordedEvent] {
        let events = log.filter { $0.stream == stream }
        guard !events.isEmpty else { throw EventStoreError.streamNotFound(stream) }
        let ordered =
            direction == .forwards
            ? events.filter { $0.revision >= (revision ?? 0) } : events.reversed().filter { $0.revision <= (revision ?? UInt64.max) }
        return Array(ordered.prefix(limit ?? ordered.count))
    }

    func readAll(from position: UInt64, limit: Int?) -> [RecordedEvent] {
        let rest = log.filter { $0.position >= position }
        return Array(rest.prefix(limit ?? rest.count))
    }

    func streams() -> [StreamInfo] {
        var names: [StreamName] = []
        for event in log where !names.contains(event.stream) { names.append(event.stream) }
        return names.map { name in
            let events = log.filter { $0.stream == name }
            return StreamInfo(name: name, count: UInt64(events.count), lastPosition: events.last?.position ?? 0)
        }
    }
}

/// Turns stored events back into domain events by their type name: the one place that knows
/// which Swift type each stored name stands for.
struct EventTypeRegistry {
    private var decoders: [String: (Data) throws -> GameEvent] = [:]

    /// Stored events of type `name` decode as `GameEvent`.
    mutating func register(_ name: String) {
        decoders[name] = { try JSONDecoder().decode(GameEvent.self, from: $0) }
    }

    /// The domain event of a stored one; an unknown type name is an error, never a guess.
    func decode(_ recorded: RecordedEvent) throws -> GameEvent {
        guard let decoder = decoders[recorded.type] else { throw UnknownEventType(name: recorded.type) }
        return try decoder(recorded.data)
    }

    /// The registry of every Connect Four event.
    static var connectFour: EventTypeRegistry {
        var registry = EventTypeRegistry()
        for name in ["GameStarted", "MoveMade", "GameWon", "GameDrawn"] { registry.register(name) }
        return registry
    }
}

/// A complete line of the file that does not decode: damage on disk, not a crash's torn end.
struct CorruptRecord: Error, Equatable {
    var line: Int
}

/// A stored event whose type this version does not know.
struct UnknownEventType: Error, Equatable {
    var name: String
}
