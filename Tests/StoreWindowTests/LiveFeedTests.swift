import EventSourcing
import EventStores
import FlyingSocks
import Foundation
import StoreWindow
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Live feed and server")
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
        try store.append([EventData(type: "P", data: Data("{}".utf8))], to: "progress-learner", expected: .noStream)
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

    @Test("a second window on a port in use is refused with a message that says what to do")
    func portInUse() async throws {
        let api = StoreAPI(store: InMemoryEventStore())
        let first = try await WindowServer.start(api: api, port: 0)
        #expect(first.address == "http://127.0.0.1:\(first.port)/")
        await #expect(throws: WindowServerError.portInUse(host: "127.0.0.1", port: first.port)) {
            _ = try await WindowServer.start(api: api, port: first.port)
        }
        #expect(
            WindowServerError.portInUse(host: "127.0.0.1", port: 2113).description
                == "port 2113 on 127.0.0.1 is already in use (another `workshop ui`?); choose another with --port N")
        await #expect(throws: WindowServerError.badHost("my laptop")) {
            _ = try await WindowServer.start(api: api, host: "my laptop", port: 0)
        }
        await first.stop()
    }

    @Test("the server answers the API, the page at any address, and refuses to write")
    func serves() async throws {
        let store = InMemoryEventStore()
        try store.append([EventData(type: "A", data: Data("{}".utf8))], to: "order-323", expected: .noStream)
        let window = try await WindowServer.start(api: StoreAPI(store: store), port: 0)
        defer { Task { await window.stop() } }
        func fetch(_ path: String, method: String = "GET") async throws -> (Int, String) {
            var request = URLRequest(url: URL(string: window.address + path)!)
            request.httpMethod = method
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }
        let (status, body) = try await fetch("api/streams/order-323")
        #expect(status == 200)
        #expect(body.contains("\"stream\":\"order-323\""))
        let (pageStatus, page) = try await fetch("streams/order-323?rev=0")
        #expect(pageStatus == 200)
        #expect(page.contains("<script src=\"/window.js\"></script>"))
        #expect(try await fetch("window.js").1.contains("new EventSource"))
        #expect(try await fetch("api/streams/order-323", method: "POST").0 == 405)
        #expect(try await fetch("api/streams?limit=3").0 == 400)
    }
}
