import EventSourcing
import EventStores
import FlyingSocks
import Foundation

/// The live feed as server-sent events: every domain event from a global position on, then each
/// new one as it is stored (by this shell or another on the same store). Each event's SSE id is its
/// position, so a browser that reconnects sends the last one it saw and misses nothing.
public struct LiveFeed: AsyncBufferedSequence, Sendable {
    public typealias Element = UInt8
    let store: any EventStore
    let start: UInt64
    /// How often the store is asked for new events: well under the 100 ms a person notices.
    let interval: TimeInterval
    /// How often an idle feed writes a comment, so a closed tab is noticed and its reader stopped.
    let heartbeat: Duration

    public init(store: any EventStore, from start: UInt64, interval: TimeInterval = 0.02, heartbeat: Duration = .seconds(5)) {
        self.store = store
        self.start = start
        self.interval = interval
        self.heartbeat = heartbeat
    }

    /// Where a feed starts: after the `Last-Event-ID` a reconnecting browser sends, else at `from`.
    public static func start(query: [(name: String, value: String)], lastEventId: String?) throws(APIError) -> UInt64 {
        let parameters = try QueryParameters(query, allowed: ["from"])
        if let lastEventId, !lastEventId.isEmpty {
            guard let last = UInt64(lastEventId) else {
                throw .badRequest("Last-Event-ID is a position (a whole number), not '\(QueryParameters.clipped(lastEventId))'")
            }
            return last + 1
        }
        return try parameters.number("from") ?? 0
    }

    /// One event as an SSE message.
    static func message(_ event: RecordedEvent) -> String {
        "id: \(event.position)\nevent: append\ndata: \(String(decoding: APIJSON.encode(EnvelopeView(event)), as: UTF8.self))\n\n"
    }

    enum Item: Sendable {
        case event(RecordedEvent)
        case heartbeat
    }

    public func makeAsyncIterator() -> Iterator {
        let (items, continuation) = AsyncStream<Item>.makeStream()
        // The store's own catch-up subscription does the reading; this feed only words it as SSE.
        let subscription = Subscription(store: store, from: start, interval: interval) { event in
            if !event.stream.isSystem { continuation.yield(.event(event)) }
        }
        let heartbeat = self.heartbeat
        let beat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: heartbeat)
                continuation.yield(.heartbeat)
            }
        }
        continuation.onTermination = { _ in
            subscription.cancel()
            beat.cancel()
        }
        return Iterator(items: items.makeAsyncIterator(), continuation: continuation)
    }

    public struct Iterator: AsyncBufferedIteratorProtocol {
        var items: AsyncStream<Item>.AsyncIterator
        let continuation: AsyncStream<Item>.Continuation
        var greeted = false

        public mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        public mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            // The first bytes go out at once, so the browser knows the feed is open; `retry` asks it
            // to reconnect within a second when the connection drops.
            if !greeted {
                greeted = true
                return Array("retry: 1000\n: open\n\n".utf8)
            }
            guard let item = await items.next() else { return nil }
            switch item {
            case .event(let event): return Array(LiveFeed.message(event).utf8)
            case .heartbeat: return Array(": heartbeat\n\n".utf8)
            }
        }
    }
}
