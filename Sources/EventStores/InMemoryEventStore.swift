import EventSourcing
import Foundation
import Synchronization

/// An event store held in memory: for tests and throwaway sessions.
public final class InMemoryEventStore: ManagedEventStore, Sendable {
    /// Everything the store holds, behind one lock.
    private struct Contents {
        var log: [RecordedEvent] = []
        var byStream: [StreamName: [Int]] = [:]
        var streamOrder: [StreamName] = []
        /// Soft-deleted streams: revisions below this are hidden.
        var hiddenBefore: [StreamName: UInt64] = [:]
        var tombstoned: Set<StreamName> = []

        /// The last revision a reader can see; nil for a missing or soft-deleted stream.
        func visibleRevision(_ stream: StreamName) -> UInt64? {
            guard let indices = byStream[stream], !indices.isEmpty else { return nil }
            let last = UInt64(indices.count - 1)
            return last >= (hiddenBefore[stream] ?? 0) ? last : nil
        }

        func refuseTombstoned(_ stream: StreamName) throws {
            guard !tombstoned.contains(stream) else { throw EventStoreError.streamDeleted(stream) }
        }
    }

    private let contents = Mutex(Contents())
    private let clock: @Sendable () -> Date

    public init(clock: @escaping @Sendable () -> Date = Date.init) { self.clock = clock }

    @discardableResult
    public func append(_ events: [EventData], to stream: StreamName, expected: ExpectedRevision) throws -> UInt64? {
        try contents.withLock { store in
            try EventData.checkUniqueIds(events, stream: stream)
            try store.refuseTombstoned(stream)
            let indices = store.byStream[stream] ?? []
            let last = indices.isEmpty ? nil : UInt64(indices.count - 1)
            let current = store.visibleRevision(stream)
            let known = Set(indices.map { store.log[$0].eventId })
            let fresh = events.filter { !known.contains($0.eventId) }
            // Re-sending a batch that is already stored is idempotent, whatever the expectation.
            if fresh.isEmpty, !events.isEmpty, let current { return current }
            guard expected.isSatisfied(byCurrent: current) else {
                throw EventStoreError.wrongExpectedRevision(stream: stream, expected: expected, actual: current)
            }
            if indices.isEmpty, !fresh.isEmpty { store.streamOrder.append(stream) }
            var revision = last.map { $0 + 1 } ?? 0
            let now = clock()
            for event in fresh {
                let recorded = RecordedEvent(
                    eventId: event.eventId, type: event.type, stream: stream, revision: revision,
                    position: UInt64(store.log.count), data: event.data, metadata: event.metadata,
                    causationId: event.causationId, correlationId: event.correlationId, createdAt: now)
                store.byStream[stream, default: []].append(store.log.count)
                store.log.append(recorded)
                revision += 1
            }
            return store.byStream[stream].map { UInt64($0.count - 1) }
        }
    }

    public func read(
        _ stream: StreamName, from revision: UInt64?, direction: ReadDirection, limit: Int?
    ) throws -> [RecordedEvent] {
        try contents.withLock { store in
            try store.refuseTombstoned(stream)
            let hidden = store.hiddenBefore[stream] ?? 0
            let events = (store.byStream[stream] ?? []).map { store.log[$0] }.filter { $0.revision >= hidden }
            guard !events.isEmpty else { throw EventStoreError.streamNotFound(stream) }
            return StreamSlice.select(events, from: revision, direction: direction, limit: limit)
        }
    }

    public func readAll(from position: UInt64, limit: Int?) throws -> [RecordedEvent] {
        contents.withLock { store in
            let tail = store.log.dropFirst(Int(min(position, UInt64(store.log.count))))
            return Array(limit.map { tail.prefix($0) } ?? tail)
        }
    }

    public func currentRevision(of stream: StreamName) throws -> UInt64? {
        try contents.withLock { store in
            try store.refuseTombstoned(stream)
            return store.visibleRevision(stream)
        }
    }

    public func streams() throws -> [StreamInfo] {
        contents.withLock { store in
            store.streamOrder.compactMap { name in
                let hidden = store.hiddenBefore[name] ?? 0
                let indices = (store.byStream[name] ?? []).filter { store.log[$0].revision >= hidden }
                guard !indices.isEmpty, !store.tombstoned.contains(name) else { return nil }
                return StreamInfo(name: name, count: UInt64(indices.count), lastPosition: UInt64(indices.last ?? 0))
            }
        }
    }

    public func delete(_ stream: StreamName, expected: ExpectedRevision) throws {
        try contents.withLock { store in
            try store.refuseTombstoned(stream)
            let current = store.visibleRevision(stream)
            guard expected.isSatisfied(byCurrent: current) else {
                throw EventStoreError.wrongExpectedRevision(stream: stream, expected: expected, actual: current)
            }
            guard let current else { throw EventStoreError.streamNotFound(stream) }
            store.hiddenBefore[stream] = current + 1
        }
    }

    public func tombstone(_ stream: StreamName, expected: ExpectedRevision) throws {
        try contents.withLock { store in
            try store.refuseTombstoned(stream)
            let current = store.visibleRevision(stream)
            guard expected.isSatisfied(byCurrent: current) else {
                throw EventStoreError.wrongExpectedRevision(stream: stream, expected: expected, actual: current)
            }
            store.tombstoned.insert(stream)
        }
    }
}

/// Picks the events of a read from a whole stream: one rule for every store that reads in memory,
/// and for a caller that has read the whole stream already.
public enum StreamSlice {
    public static func select(
        _ events: [RecordedEvent], from revision: UInt64?, direction: ReadDirection, limit: Int?
    ) -> [RecordedEvent] {
        let ordered: [RecordedEvent]
        switch direction {
        case .forwards:
            ordered = events.filter { $0.revision >= (revision ?? 0) }
        case .backwards:
            ordered = events.reversed().filter { $0.revision <= (revision ?? UInt64.max) }
        }
        return Array(limit.map { ordered.prefix($0) } ?? ordered[...])
    }
}
