import EventSourcing
import EventStores
import Foundation
import TestSupport
import Testing

/// The contract every store keeps; each test runs against every store kind.
@Suite("Event store conformance")
struct EventStoreConformanceTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case memory, sqlite, postgres
        var testDescription: String { rawValue }
    }

    let folder = TemporaryFolder()

    func makeStore(_ kind: Kind) throws -> any ManagedEventStore {
        switch kind {
        case .memory: return InMemoryEventStore()
        case .sqlite: return try SQLiteEventStore(path: folder.url.appendingPathComponent("events.sqlite").path)
        case .postgres:
            // make test starts a throwaway server and sets this; without it the test fails, never skips.
            guard let url = ProcessInfo.processInfo.environment["WORKSHOP_TEST_POSTGRES"] else {
                throw MissingServer()
            }
            return try PostgresEventStore(
                url: url, schema: "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())
        }
    }

    struct MissingServer: Error, CustomStringConvertible {
        var description: String {
            "WORKSHOP_TEST_POSTGRES is not set: run the tests with `make test`, which starts a throwaway PostgreSQL (scripts/test-postgres.sh)"
        }
    }

    func event(_ type: String, _ value: Int = 0) -> EventData {
        EventData(type: type, data: Data("{\"value\":\(value)}".utf8))
    }

    @Test("revisions are 0-based and contiguous; positions strictly increase across streams", arguments: Kind.allCases)
    func revisionsAndPositions(kind: Kind) throws {
        let store = try makeStore(kind)
        #expect(try store.append([event("A"), event("B")], to: "game-1", expected: .noStream) == 1)
        #expect(try store.append([event("C")], to: "game-2", expected: .noStream) == 0)
        #expect(try store.append([event("D")], to: "game-1", expected: .exact(1)) == 2)
        let game1 = try store.read("game-1")
        #expect(game1.map(\.revision) == [0, 1, 2])
        #expect(game1.map(\.type) == ["A", "B", "D"])
        let all = try store.readAll(from: 0, limit: nil)
        #expect(all.map(\.type) == ["A", "B", "C", "D"])
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.position < $1.position })
    }

    @Test("each expected revision is enforced, and a violation appends nothing", arguments: Kind.allCases)
    func expectedRevisions(kind: Kind) throws {
        let store = try makeStore(kind)
        #expect(throws: EventStoreError.wrongExpectedRevision(stream: "s-1", expected: .streamExists, actual: nil)) {
            try store.append([event("A")], to: "s-1", expected: .streamExists)
        }
        #expect(throws: EventStoreError.wrongExpectedRevision(stream: "s-1", expected: .exact(0), actual: nil)) {
            try store.append([event("A")], to: "s-1", expected: .exact(0))
        }
        try store.append([event("A")], to: "s-1", expected: .any)
        #expect(throws: EventStoreError.wrongExpectedRevision(stream: "s-1", expected: .noStream, actual: 0)) {
            try store.append([event("B")], to: "s-1", expected: .noStream)
        }
        #expect(throws: EventStoreError.wrongExpectedRevision(stream: "s-1", expected: .exact(5), actual: 0)) {
            try store.append([event("B"), event("C")], to: "s-1", expected: .exact(5))
        }
        try store.append([event("B")], to: "s-1", expected: .streamExists)
        #expect(try store.read("s-1").map(\.type) == ["A", "B"])
        #expect(try store.currentRevision(of: "s-1") == 1)
        #expect(try store.currentRevision(of: "s-2") == nil)
    }

    @Test("re-appending the same event ids stores nothing new", arguments: Kind.allCases)
    func idempotentAppend(kind: Kind) throws {
        let store = try makeStore(kind)
        let batch = [event("A"), event("B")]
        try store.append(batch, to: "s-1", expected: .noStream)
        #expect(try store.append(batch, to: "s-1", expected: .noStream) == 1)
        #expect(try store.read("s-1").count == 2)
    }

    @Test("a batch is stored all or nothing", arguments: Kind.allCases)
    func allOrNothing(kind: Kind) throws {
        let store = try makeStore(kind)
        let repeated = event("B")
        #expect(throws: EventStoreError.self) {
            try store.append([event("A"), repeated, repeated], to: "s-1", expected: .noStream)
        }
        #expect(try store.currentRevision(of: "s-1") == nil)
        #expect(try store.readAll(from: 0, limit: nil).isEmpty)
    }

    @Test("reads go forwards or backwards, from a revision, with a limit", arguments: Kind.allCases)
    func reading(kind: Kind) throws {
        let store = try makeStore(kind)
        try store.append((0..<5).map { event("E\($0)", $0) }, to: "s-1", expected: .noStream)
        #expect(try store.read("s-1", from: 2, direction: .forwards, limit: nil).map(\.revision) == [2, 3, 4])
        #expect(try store.read("s-1", from: 2, direction: .forwards, limit: 2).map(\.revision) == [2, 3])
        #expect(try store.read("s-1", from: nil, direction: .backwards, limit: 2).map(\.revision) == [4, 3])
        #expect(try store.read("s-1", from: 1, direction: .backwards, limit: nil).map(\.revision) == [1, 0])
        #expect(try store.read("s-1", from: 9, direction: .forwards, limit: nil).isEmpty)
        let first = try #require(try store.read("s-1").first)
        #expect(String(decoding: first.data, as: UTF8.self) == "{\"value\":0}")
    }

    @Test("reading a stream that does not exist is a clear error", arguments: Kind.allCases)
    func missingStream(kind: Kind) throws {
        let store = try makeStore(kind)
        #expect(throws: EventStoreError.streamNotFound("game-9")) { try store.read("game-9") }
        #expect(try store.readIfPresent("game-9").isEmpty)
        #expect(EventStoreError.streamNotFound("game-9").description == "stream game-9 does not exist")
    }

    @Test("streams are listed with their counts, and categories come from the name", arguments: Kind.allCases)
    func streamListing(kind: Kind) throws {
        let store = try makeStore(kind)
        try store.append([event("A"), event("B")], to: "order-323", expected: .any)
        try store.append([event("C")], to: "customer-helen", expected: .any)
        let streams = try store.streams()
        #expect(streams.map(\.name) == ["order-323", "customer-helen"])
        #expect(streams.map(\.count) == [2, 1])
        #expect(streams.map(\.name.category) == ["order", "customer"])
        #expect(StreamName("customer-helen-smith").id == "helen-smith")
    }

    @Test("envelope fields survive the round trip", arguments: Kind.allCases)
    func envelope(kind: Kind) throws {
        let store = try makeStore(kind)
        let cause = UUID(), correlation = UUID()
        let sent = EventData(
            type: "MoveMade", data: Data("{}".utf8), metadata: Data("{\"by\":\"alice\"}".utf8), causationId: cause,
            correlationId: correlation)
        try store.append([sent], to: "game-1", expected: .noStream)
        let got = try #require(try store.read("game-1").first)
        #expect(got.eventId == sent.eventId)
        #expect(got.causationId == cause)
        #expect(got.correlationId == correlation)
        #expect(got.metadata == sent.metadata)
        #expect(got.stream == "game-1")
        #expect(abs(got.createdAt.timeIntervalSinceNow) < 60)
    }

    @Test("of many concurrent appends expecting the same revision, exactly one wins", arguments: Kind.allCases)
    func concurrentAppends(kind: Kind) async throws {
        let store = try makeStore(kind)
        try store.append([event("Start")], to: "game-1", expected: .noStream)
        let wins = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    (try? store.append([self.event("Move", index)], to: "game-1", expected: .exact(0))) != nil
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(wins == 1)
        #expect(try store.read("game-1").count == 2)
    }
}

extension EventStoreConformanceTests {
    @Test("soft delete hides a stream, frees its name, and a new append continues its revisions", arguments: Kind.allCases)
    func softDelete(kind: Kind) throws {
        let store = try makeStore(kind)
        try store.append([event("A"), event("B")], to: "order-1", expected: .noStream)
        #expect(throws: EventStoreError.wrongExpectedRevision(stream: "order-1", expected: .exact(0), actual: 1)) {
            try store.delete("order-1", expected: .exact(0))
        }
        try store.delete("order-1", expected: .exact(1))
        #expect(throws: EventStoreError.streamNotFound("order-1")) { try store.read("order-1") }
        #expect(try store.currentRevision(of: "order-1") == nil)
        #expect(try store.streams().map(\.name).contains("order-1") == false)
        #expect(try store.readAll(from: 0, limit: nil).count == 2, "the events stay in the all-stream")
        #expect(try store.append([event("C")], to: "order-1", expected: .noStream) == 2)
        #expect(try store.read("order-1").map(\.revision) == [2])
    }

    @Test("a tombstoned stream can never be read or written again", arguments: Kind.allCases)
    func tombstone(kind: Kind) throws {
        let store = try makeStore(kind)
        try store.append([event("A")], to: "customer-helen", expected: .noStream)
        try store.tombstone("customer-helen", expected: .any)
        #expect(throws: EventStoreError.streamDeleted("customer-helen")) { try store.read("customer-helen") }
        #expect(throws: EventStoreError.streamDeleted("customer-helen")) {
            try store.append([event("B")], to: "customer-helen", expected: .any)
        }
        #expect(throws: EventStoreError.streamDeleted("customer-helen")) { try store.tombstone("customer-helen", expected: .any) }
    }

    @Test("a subscription catches up from a position, then goes live", arguments: Kind.allCases)
    func subscription(kind: Kind) async throws {
        let store = try makeStore(kind)
        try store.append([event("A"), event("B")], to: "s-1", expected: .noStream)
        let seen = Seen()
        let subscription = Subscription(store: store, from: 1, interval: 0.01) { seen.add($0.type) }
        defer { subscription.cancel() }
        try await seen.wait(for: 1)
        try store.append([event("C")], to: "s-2", expected: .noStream)
        try await seen.wait(for: 2)
        #expect(seen.types == ["B", "C"])
    }
}

final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []
    func add(_ type: String) { lock.withLock { values.append(type) } }
    var types: [String] { lock.withLock { values } }

    func wait(for count: Int) async throws {
        for _ in 0..<500 where types.count < count { try await Task.sleep(nanoseconds: 10_000_000) }
    }
}

@Suite("PostgreSQL store")
struct PostgresEventStoreTests {
    @Test("an unreachable server gets an error naming the URL, with the password hidden")
    func unreachable() {
        do {
            _ = try PostgresEventStore(url: "postgresql://learner:secret@127.0.0.1:1/workshop?connect_timeout=2")
            Issue.record("nothing listens on port 1")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("cannot reach PostgreSQL at postgresql://learner:***@127.0.0.1:1/workshop"))
            #expect(!message.contains("secret"))
        }
    }
}

@Suite("SQLite store on disk")
struct SQLiteEventStoreTests {
    let folder = TemporaryFolder()

    @Test("events survive closing and reopening the file")
    func durable() throws {
        let path = folder.url.appendingPathComponent("events.sqlite").path
        do {
            let store = try SQLiteEventStore(path: path)
            try store.append([EventData(type: "A", data: Data("{}".utf8))], to: "s-1", expected: .noStream)
        }
        let reopened = try SQLiteEventStore(path: path)
        #expect(try reopened.read("s-1").map(\.type) == ["A"])
    }

    @Test("two connections on one file see each other's events and respect the expected revision")
    func twoConnections() throws {
        let path = folder.url.appendingPathComponent("events.sqlite").path
        let first = try SQLiteEventStore(path: path), second = try SQLiteEventStore(path: path)
        try first.append([EventData(type: "A", data: Data("{}".utf8))], to: "s-1", expected: .noStream)
        #expect(try second.read("s-1").count == 1)
        #expect(throws: EventStoreError.self) {
            try second.append([EventData(type: "B", data: Data("{}".utf8))], to: "s-1", expected: .noStream)
        }
    }

    @Test("a file that is not a database gets a message that says what to do")
    func corruptFile() throws {
        let file = folder.write("events.sqlite", String(repeating: "not a database at all ", count: 100))
        do {
            _ = try SQLiteEventStore(path: file.path)
            Issue.record("opening a corrupt file should fail")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("is not a readable SQLite database"))
            #expect(message.contains("move it aside"))
        }
    }
}
