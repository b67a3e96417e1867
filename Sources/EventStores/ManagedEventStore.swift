import EventSourcing
import Foundation
import Synchronization

/// What the tool's own stores offer beyond the learner's contract: deleting streams, and
/// subscriptions that catch up and then go live.
public protocol ManagedEventStore: EventStore {
    /// Soft delete: the stream reads as missing and its name is free again; its events stay in the
    /// all-stream, and a new append continues its revisions after the last one.
    func delete(_ stream: StreamName, expected: ExpectedRevision) throws
    /// Tombstone: the stream is gone for good; reading or appending it fails with `streamDeleted`.
    func tombstone(_ stream: StreamName, expected: ExpectedRevision) throws
}

/// A catch-up subscription to the all-stream: it delivers every event from a position, then each
/// new one as it is appended (by this process or another on the same store), until cancelled.
public final class Subscription: Sendable {

    /// Polls `store` every `interval` seconds: simple, and it sees other processes' appends too.
    public init(
        store: any EventStore, from position: UInt64, interval: TimeInterval = 0.05,
        handler: @escaping @Sendable (RecordedEvent) -> Void
    ) {
        let box = Cancellation()
        // The thread keeps itself alive while it runs; only the flag that stops it is kept here.
        let thread = Thread {
            var next = position
            while !box.isCancelled {
                let events = (try? store.readAll(from: next, limit: 500)) ?? []
                for event in events where !box.isCancelled {
                    handler(event)
                    next = event.position + 1
                }
                if events.count < 500 { Thread.sleep(forTimeInterval: interval) }
            }
        }
        cancellation = box
        thread.start()
    }

    private let cancellation: Cancellation

    public func cancel() { cancellation.cancel() }

    deinit { cancellation.cancel() }
}

final class Cancellation: Sendable {
    private let flag = Atomic(false)
    var isCancelled: Bool { flag.load(ordering: .acquiring) }
    func cancel() { flag.store(true, ordering: .releasing) }
}
