// Alice's event store for lesson 5: one log of everything, and per stream the places of its events in it.
import EventSourcing
import Foundation

final class InMemoryStore: EventStore, @unchecked Sendable {
    /// Every event ever stored, in order; an event's position is its index here.
    private var everything: [RecordedEvent] = []
    /// For each stream, the indexes of its events in `everything`.
    private var places: [StreamName: [Int]] = [:]
    private var firstSeen: [StreamName] = []
    private let mutex = NSLock()

    /// The revision of a stream's newest event, or nil when the stream has none.
    private func newestRevision(of stream: StreamName) -> UInt64? {
        guard let last = places[stream]?.last else { return nil }
        return everything[last].revision
    }

    private func events(of stream: StreamName) -> [RecordedEvent]? {
        places[stream].map { indexes in indexes.map { everything[$0] } }
    }

    func append(_ events: [EventData], to stream: StreamName, expected: ExpectedRevision) throws -> UInt64? {
        mutex.lock()
        defer { mutex.unlock() }
        let actual = newestRevision(of: stream)
        if !expected.isSatisfied(byCurrent: actual) {
            throw EventStoreError.wrongExpectedRevision(stream: stream, expected: expected, actual: actual)
        }
        if places[stream] == nil, !events.isEmpty { firstSeen.append(stream) }
        var next: UInt64 = 0
        if let actual { next = actual + 1 }
        let stamp = Date()
        for incoming in events {
            let position = everything.count
            let stored = RecordedEvent(
                eventId: incoming.eventId, type: incoming.type, stream: stream, revision: next, position: UInt64(position),
                data: incoming.data, metadata: incoming.metadata, causationId: incoming.causationId,
                correlationId: incoming.correlationId, createdAt: stamp)
            everything.append(stored)
            places[stream, default: []].append(position)
            next += 1
        }
        return newestRevision(of: stream)
    }

    func read(_ stream: StreamName, from revision: UInt64?, direction: ReadDirection, limit: Int?) throws -> [RecordedEvent] {
        mutex.lock()
        defer { mutex.unlock() }
        guard let all = events(of: stream) else { throw EventStoreError.streamNotFound(stream) }
        var chosen: [RecordedEvent] = []
        if direction == .forwards {
            let start = revision ?? 0
            for event in all where event.revision >= start { chosen.append(event) }
        } else {
            let start = revision ?? UInt64.max
            for event in all.reversed() where event.revision <= start { chosen.append(event) }
        }
        if let limit, chosen.count > limit { chosen.removeLast(chosen.count - limit) }
        return chosen
    }

    func readAll(from position: UInt64, limit: Int?) throws -> [RecordedEvent] {
        mutex.lock()
        defer { mutex.unlock() }
        guard position < UInt64(everything.count) else { return [] }
        let tail = everything[Int(position)...]
        if let limit { return Array(tail.prefix(limit)) }
        return Array(tail)
    }

    func currentRevision(of stream: StreamName) throws -> UInt64? {
        mutex.lock()
        defer { mutex.unlock() }
        return newestRevision(of: stream)
    }

    func streams() throws -> [StreamInfo] {
        mutex.lock()
        defer { mutex.unlock() }
        var infos: [StreamInfo] = []
        for name in firstSeen {
            let indexes = places[name] ?? []
            let lastPosition = indexes.last.map { UInt64($0) } ?? 0
            infos.append(StreamInfo(name: name, count: UInt64(indexes.count), lastPosition: lastPosition))
        }
        return infos
    }
}
