import EventSourcing
import EventStores
import FlyingSocks
import Foundation
import StoreWindow
import Testing

/// The server itself is tested through the real binary (EndToEndTests' WindowTests), in a process
/// of its own: here, in a test process whose two cooperative threads other suites' blocking tests
/// can hold for minutes, a server on them would starve.
@Suite("Live feed")
struct LiveFeedTests {
    @Test("a reconnecting browser resumes after the Last-Event-ID it sends, else at from")
    func resumePoint() throws {
        #expect(try LiveFeed.start(query: [], lastEventId: nil) == 0)
        #expect(try LiveFeed.start(query: [(name: "from", value: "5")], lastEventId: nil) == 5)
        #expect(try LiveFeed.start(query: [(name: "from", value: "5")], lastEventId: "9") == 10)
        #expect(throws: APIError.badRequest("Last-Event-ID is a position (a whole number), not 'x'")) {
            try LiveFeed.start(query: [], lastEventId: "x")
        }
    }

    /// Reads SSE messages until `count` events have come.
    func events(_ feed: LiveFeed, count: Int) async throws -> [String] {
        var iterator = feed.makeAsyncIterator()
        var text = ""
        while text.components(separatedBy: "event: append").count - 1 < count {
            guard let bytes = try await iterator.nextBuffer(suggested: 4096) else { break }
            text += String(decoding: bytes, as: UTF8.self)
        }
        return text.components(separatedBy: "\n").filter { $0.hasPrefix("id: ") }
    }

    @Test("the feed sends each domain event from its start once, with its position as id, then new ones as they come")
    func feedDelivers() async throws {
        let store = InMemoryEventStore()
        try store.append([EventData(type: "A", data: Data("{}".utf8))], to: "game-1", expected: .noStream)
        try store.append([EventData(type: "P", data: Data("{}".utf8))], to: "$progress-learner", expected: .noStream)
        try store.append([EventData(type: "B", data: Data("{}".utf8))], to: "game-1", expected: .exact(0))
        let positions = try store.readAll(from: 0, limit: nil).map(\.position)
        let resumed = try await events(LiveFeed(store: store, from: positions[1]), count: 1)
        #expect(resumed == ["id: \(positions[2])"], "the progress event is not the domain's, and A was seen already")
        let feed = LiveFeed(store: store, from: positions[2] + 1)
        Task {
            try await Task.sleep(for: .milliseconds(50))
            try store.append([EventData(type: "C", data: Data("{}".utf8))], to: "game-1", expected: .exact(1))
        }
        let live = try await events(feed, count: 1)
        #expect(live == ["id: \(positions[2] + 1)"])
    }

    @Test("a port in use and a host that is not an address are refused with what to do")
    func refusals() {
        #expect(
            WindowServerError.portInUse(host: "127.0.0.1", port: 2113).description
                == "port 2113 on 127.0.0.1 is already in use (another `workshop ui`?); choose another with --port N")
        #expect(WindowServerError.badHost("my laptop").description.hasPrefix("'my laptop' is not an address to listen on"))
    }
}
