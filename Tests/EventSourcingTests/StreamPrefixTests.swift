import EventSourcing
import Foundation
import Testing

/// A state "at revision N" or "at 11:05" is folded from the start of a stream, never from a filter
/// over it: the shell's `state … at` and the window's time control both take these prefixes.
@Suite("The past of a stream is a prefix of it")
struct StreamPrefixTests {
    static let eleven = Date(timeIntervalSince1970: 1_795_000_000)

    /// A stream whose third event was stamped by a clock that had stepped back.
    let stream: [RecordedEvent] = [("OrderPlaced", 0.0), ("OrderPaid", 360), ("OrderPrepared", 290)].enumerated().map {
        index, event in
        RecordedEvent(
            eventId: UUID(), type: event.0, stream: StreamName("order-323"), revision: UInt64(index), position: UInt64(index * 3),
            data: Data("{}".utf8), metadata: Data("{}".utf8), causationId: nil, correlationId: nil,
            createdAt: eleven.addingTimeInterval(event.1))
    }

    @Test("up to a moment: the stream stops at the first event recorded after it")
    func recordedBy() {
        let atFive = stream.prefix(recordedBy: Self.eleven.addingTimeInterval(300))
        #expect(atFive.map(\.type) == ["OrderPlaced"])
        #expect(
            stream.prefix(recordedBy: Self.eleven.addingTimeInterval(360)).map(\.type) == ["OrderPlaced", "OrderPaid", "OrderPrepared"])
        #expect(stream.prefix(recordedBy: Self.eleven.addingTimeInterval(-1)).isEmpty)
    }

    @Test("up to a revision: that revision and every one before it")
    func throughRevision() {
        #expect(stream.prefix(throughRevision: 1).map(\.revision) == [0, 1])
        #expect(stream.prefix(throughRevision: 0).map(\.revision) == [0])
    }
}
