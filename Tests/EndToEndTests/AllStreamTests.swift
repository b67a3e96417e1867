import Foundation
import TestSupport
import Testing

/// The all-stream and the stream listings show the learner's domain; the tool's own streams stay apart.
@Suite("The learner's streams, apart from the tool's own", .serialized)
struct AllStreamTests {
    let learner = LearnerWorkspace(columns: 200)

    struct Event: Decodable { var stream: String, type: String, position: Int }

    func events(_ arguments: [String]) throws -> [Event] {
        let result = try learner.run(arguments + ["--json"])
        return try JSONDecoder().decode([Event].self, from: Data(result.output.utf8))
    }

    @Test("all and streams leave out system streams unless asked, filter by glob or category, tail, and count what is stored")
    func systemStreamsApart() throws {
        #expect(try learner.run(["catch-up", "8"]).status == 0, "records a dozen progress events")
        try learner.solve("many-streams", module: "Barstucks", files: ["Orders.swift", "Customers.swift"])
        let played = try learner.run(
            [],
            input:
                "register-customer helen Helen h@example.com\nplace-order 1 helen latte\npay-order 1 450\nplace-order 2 omar tea\n")
        #expect(played.status == 0, "\(played.output)")
        let stored = try events(["all", "--system"])
        let system = stored.filter { $0.stream.hasPrefix("$") }
        #expect(!system.isEmpty && system.allSatisfy { $0.stream == "$progress-learner" }, "progress is a system stream")
        #expect(try events(["all"]).map(\.type) == ["CustomerRegistered", "OrderPlaced", "OrderPaid", "OrderPlaced"])

        let all = try learner.run(["all"])
        #expect(all.output.contains("all-stream · 4 events · \(stored.count) stored"), "\(all.output)")
        #expect(all.output.contains("\(system.count) events of system streams left out (`all --system` shows them)"))
        #expect(!all.output.contains("LessonStarted"))

        #expect(try events(["all", "order-*"]).map(\.type) == ["OrderPlaced", "OrderPaid", "OrderPlaced"])
        #expect(try events(["all", "--category", "customer"]).map(\.stream) == ["customer-helen"])
        #expect(try events(["all", "order-1"]).count == 2)
        #expect(try events(["all", "$progress-*"]).count == system.count, "a pattern naming system streams asks for them")
        let newest = try learner.run(["all", "--last", "2"])
        #expect(newest.output.contains("all-stream · showing the newest 2 of 4 events · \(stored.count) stored"))
        #expect(try events(["all", "--last", "2"]).map(\.type) == ["OrderPaid", "OrderPlaced"])
        #expect(try events(["all", "--limit", "1"]).map(\.type) == ["CustomerRegistered"])

        let streams = try learner.run(["streams"])
        #expect(!streams.output.contains("$progress-learner"))
        #expect(streams.output.contains("1 system stream hidden (`streams --system` shows them)"))
        #expect(try learner.run(["streams", "--system"]).output.contains("$progress-learner"))

        // One spelling of a limit for show, all and events.
        let shown = try learner.run(["show", "order-1", "--last", "1"])
        #expect(shown.output.contains("stream order-1 · category order · showing the newest 1 of 2 events"), "\(shown.output)")
        #expect(shown.output.contains("OrderPaid") && !shown.output.contains("OrderPlaced"))
        #expect(try learner.run(["events", "--limit", "1"]).output.contains("stream $progress-learner · showing the first 1 of"))
        #expect(try learner.run(["show", "order-1", "--limit", "1", "--last", "1"]).status != 0)
        let backwards = try learner.run(["show", "order-1", "--backwards", "--last", "1", "--json"]).output
        #expect(backwards.contains("OrderPaid") && !backwards.contains("OrderPlaced"), "the newest, read either way")
        #expect(try learner.run(["all", "--last", "0"]).errors.contains("--last takes a number of events above 0"))
    }
}
