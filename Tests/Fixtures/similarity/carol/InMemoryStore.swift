import EventSourcing
import Foundation

// lesson 5 - in memory store (Carol)
final class InMemoryStore: EventStore, @unchecked Sendable {
    private let gate = NSLock()
    private var order: [StreamName] = []
    private var slots: [StreamName: [Int]] = [:]
    private var history: [RecordedEvent] = []

    func streams() throws -> [StreamInfo] {
        gate.lock()
        defer { gate.unlock() }
        var result: [StreamInfo] = []
        for streamName in order {
            let slotList = slots[streamName] ?? []
            let lastPos = slotList.last.map { UInt64($0) } ?? 0
            result.append(StreamInfo(name: streamName, count: UInt64(slotList.count), lastPosition: lastPos))
        }
        return result
    }

    func currentRevision(of stream: StreamName) throws -> UInt64? {
        gate.lock()
        defer { gate.unlock() }
        return latest(in: stream)
    }

    // returns the events of a stream (nil = no such stream)
    private func contents(of s: StreamName) -> [RecordedEvent]? {
        slots[s].map { list in list.map { history[$0] } }
    }

    func readAll(from position: UInt64, limit: Int?) throws -> [RecordedEvent] {
        gate.lock()
        defer { gate.unlock() }
        guard position < UInt64(history.count) else { return [] }
        let rest = history[Int(position)...]
        if let limit { return Array(rest.prefix(limit)) }
        return Array(rest)
    }

    func read(_ stream: StreamName, from revision: UInt64?, direction: ReadDirection, limit: Int?) throws -> [RecordedEvent] {
        gate.lock()
        defer { gate.unlock() }
        guard let everyEvent = contents(of: stream) else { throw EventStoreError.streamNotFound(stream) }
        var picked: [RecordedEvent] = []
        if direction == .forwards {
            let from = revision ?? 0
            for e in everyEvent where e.revision >= from { picked.append(e) }
        } else {
            let from = revision ?? UInt64.max
            for e in everyEvent.reversed() where e.revision <= from { picked.append(e) }
        }
        if let limit, picked.count > limit { picked.removeLast(picked.count - limit) }
        return picked
    }

    func append(_ events: [EventData], to stream: StreamName, expected: ExpectedRevision) throws -> UInt64? {
        gate.lock()
        defer { gate.unlock() }
        let current = latest(in: stream)
        if !expected.isSatisfied(byCurrent: current) {
            throw EventStoreError.wrongExpectedRevision(stream: stream, expected: expected, actual: current)
        }
        if slots[stream] == nil, !events.isEmpty { order.append(stream) }
        var rev: UInt64 = 0
        if let current { rev = current + 1 }
        let when = Date()
        for e in events {
            let pos = history.count
            let record = RecordedEvent(
                eventId: e.eventId, type: e.type, stream: stream, revision: rev, position: UInt64(pos),
                data: e.data, metadata: e.metadata, causationId: e.causationId,
                correlationId: e.correlationId, createdAt: when)
            history.append(record)
            slots[stream, default: []].append(pos)
            rev += 1
        }
        return latest(in: stream)
    }

    // newest revision or nil
    private func latest(in s: StreamName) -> UInt64? {
        guard let final = slots[s]?.last else { return nil }
        return history[final].revision
    }
}
