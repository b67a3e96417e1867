// Connect Four · An event store in memory
//
// Streams of events, appended under optimistic concurrency, read forwards and backwards.
import EventSourcing
import Foundation

/// An event store kept in memory: the contract every event store keeps, without the disk.
final class InMemoryStore: EventStore, @unchecked Sendable {
    /// Every event, in the order it was stored: the all-stream. Positions are indexes into it.
    private var log: [RecordedEvent] = []
    /// Each stream's events, by name.
    private var streamEvents: [StreamName: [RecordedEvent]] = [:]
    /// Callers may append from several threads at once; one at a time inside.
    private let lock = NSLock()

    func append(_ events: [EventData], to stream: StreamName, expected: ExpectedRevision) throws -> UInt64? {
        try lock.withLock {
            let current = streamEvents[stream]?.last?.revision
            // Sent twice (a retry after a lost answer): the batch is kept once, answered as the first time.
            if let revision = alreadyStored(events, in: stream, expected: expected) { return revision }
            guard expected.isSatisfied(byCurrent: current) else {
                throw EventStoreError.wrongExpectedRevision(stream: stream, expected: expected, actual: current)
            }
            var revision = current.map { $0 + 1 } ?? 0
            let now = Date()
            for event in events {
                let recorded = RecordedEvent(
                    eventId: event.eventId, type: event.type, stream: stream, revision: revision, position: UInt64(log.count),
                    data: event.data, metadata: event.metadata, causationId: event.causationId, correlationId: event.correlationId,
                    createdAt: now)
                log.append(recorded)
                streamEvents[stream, default: []].append(recorded)
                revision += 1
            }
            return streamEvents[stream]?.last?.revision
        }
    }

    /// The stream's revision after `events`, if the stream already holds exactly these events (by
    /// id) where `expected` would have put them: the same batch sent again.
    private func alreadyStored(_ events: [EventData], in stream: StreamName, expected: ExpectedRevision) -> UInt64? {
        guard let first = events.first, let stored = streamEvents[stream] else { return nil }
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
        try lock.withLock {
            guard let events = streamEvents[stream] else { throw EventStoreError.streamNotFound(stream) }
            let ordered: [RecordedEvent]
            switch direction {
            case .forwards: ordered = events.filter { $0.revision >= (revision ?? 0) }
            case .backwards: ordered = events.reversed().filter { $0.revision <= (revision ?? UInt64.max) }
            }
            return Array(ordered.prefix(limit ?? ordered.count))
        }
    }

    func readAll(from position: UInt64, limit: Int?) throws -> [RecordedEvent] {
        lock.withLock {
            let rest = log.filter { $0.position >= position }
            return Array(rest.prefix(limit ?? rest.count))
        }
    }

    func currentRevision(of stream: StreamName) throws -> UInt64? {
        lock.withLock { streamEvents[stream]?.last?.revision }
    }

    func streams() throws -> [StreamInfo] {
        lock.withLock {
            var seen: [StreamName] = []
            for event in log where !seen.contains(event.stream) { seen.append(event.stream) }
            return seen.map { name in
                let events = streamEvents[name] ?? []
                return StreamInfo(name: name, count: UInt64(events.count), lastPosition: events.last?.position ?? 0)
            }
        }
    }
}
