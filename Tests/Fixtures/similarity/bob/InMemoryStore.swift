// Bob's in-memory event store: each stream keeps its own events; the log is rebuilt from positions.
import EventSourcing
import Foundation

final class InMemoryStore: EventStore, @unchecked Sendable {
    private struct Stream {
        var name: StreamName
        var events: [RecordedEvent] = []
    }

    private var streamList: [Stream] = []
    private var log: [RecordedEvent] = []
    private let lock = NSLock()

    private func index(of name: StreamName) -> Int? {
        streamList.firstIndex { $0.name == name }
    }

    func append(_ events: [EventData], to stream: StreamName, expected: ExpectedRevision) throws -> UInt64? {
        try lock.withLock {
            let found = index(of: stream)
            let current: UInt64? = found.flatMap { streamList[$0].events.isEmpty ? nil : UInt64(streamList[$0].events.count - 1) }
            switch expected {
            case .any:
                break
            case .noStream where current != nil, .streamExists where current == nil:
                throw EventStoreError.wrongExpectedRevision(stream: stream, expected: expected, actual: current)
            case .exact(let wanted) where wanted != current:
                throw EventStoreError.wrongExpectedRevision(stream: stream, expected: expected, actual: current)
            default:
                break
            }
            guard !events.isEmpty else { return current }
            let slot: Int
            if let found {
                slot = found
            } else {
                streamList.append(Stream(name: stream))
                slot = streamList.count - 1
            }
            let now = Date()
            var revision = UInt64(streamList[slot].events.count)
            for data in events {
                let event = RecordedEvent(
                    eventId: data.eventId, type: data.type, stream: stream, revision: revision, position: UInt64(log.count),
                    data: data.data, metadata: data.metadata, causationId: data.causationId, correlationId: data.correlationId,
                    createdAt: now)
                streamList[slot].events.append(event)
                log.append(event)
                revision += 1
            }
            return revision - 1
        }
    }

    func read(_ stream: StreamName, from revision: UInt64?, direction: ReadDirection, limit: Int?) throws -> [RecordedEvent] {
        try lock.withLock {
            guard let slot = index(of: stream) else { throw EventStoreError.streamNotFound(stream) }
            let events = streamList[slot].events
            let maximum = limit ?? Int.max
            switch direction {
            case .forwards:
                let first = Int(min(revision ?? 0, UInt64(events.count)))
                return Array(events[first...].prefix(maximum))
            case .backwards:
                guard !events.isEmpty else { return [] }
                let last = Int(min(revision ?? UInt64(events.count - 1), UInt64(events.count - 1)))
                return Array(events[...last].reversed().prefix(maximum))
            }
        }
    }

    func readAll(from position: UInt64, limit: Int?) throws -> [RecordedEvent] {
        lock.withLock { Array(log.drop { $0.position < position }.prefix(limit ?? Int.max)) }
    }

    func currentRevision(of stream: StreamName) throws -> UInt64? {
        lock.withLock {
            guard let slot = index(of: stream), let newest = streamList[slot].events.last else { return nil }
            return newest.revision
        }
    }

    func streams() throws -> [StreamInfo] {
        lock.withLock {
            streamList.filter { !$0.events.isEmpty }.map {
                StreamInfo(name: $0.name, count: UInt64($0.events.count), lastPosition: $0.events.last?.position ?? 0)
            }
        }
    }
}
