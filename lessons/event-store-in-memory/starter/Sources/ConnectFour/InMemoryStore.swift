// Connect Four · An event store in memory
//
// Streams of events, appended under optimistic concurrency, read forwards and backwards.
// Type `lesson` for the contract, `hint` if you are stuck, `check` to see how far you are.
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
        // TODO: first, a batch sent twice: if the stream already holds these event ids where
        // `expected` puts them, store nothing and return the revision they got. Then check
        // `expected` against the stream's last revision (nil: no stream), throwing
        // EventStoreError.wrongExpectedRevision when it does not hold; then record each event with
        // the next revision of the stream and the next position of the log. Hold the lock throughout.
        nil
    }

    func read(_ stream: StreamName, from revision: UInt64?, direction: ReadDirection, limit: Int?) throws -> [RecordedEvent] {
        // TODO: a missing stream throws EventStoreError.streamNotFound; otherwise its events from
        // `revision` (inclusive), forwards or backwards, at most `limit`.
        []
    }

    func readAll(from position: UInt64, limit: Int?) throws -> [RecordedEvent] {
        // TODO: the log from `position` (inclusive), at most `limit`.
        []
    }

    func currentRevision(of stream: StreamName) throws -> UInt64? {
        // TODO: the stream's last revision, or nil if it does not exist.
        nil
    }

    func streams() throws -> [StreamInfo] {
        // TODO (optional for check): every stream with its count, in order of first appearance.
        []
    }
}
