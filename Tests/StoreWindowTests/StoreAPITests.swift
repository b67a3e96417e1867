import EventSourcing
import EventStores
import Foundation
import StoreWindow
import Testing

@testable import Curriculum

/// The window's API as a specification: what each address answers over a small store.
@Suite("Store window API")
struct StoreAPITests {
    let store = InMemoryEventStore()

    init() throws {
        let order = UUID(), fulfilment = UUID()
        try store.append([event("OrderPlaced", correlation: order, cause: order)], to: "order-1", expected: .noStream)
        try store.append([event("GameStarted"), event("DiscDropped")], to: "game-42", expected: .noStream)
        try store.append([event("LessonStarted")], to: "$progress-learner", expected: .noStream)
        let placed = try store.read("order-1")[0]
        try store.append(
            [event("OrderPaid", correlation: order, cause: fulfilment, command: "pay-order")], to: "order-1", expected: .exact(0))
        let paid = try store.read("order-1")[1]
        // A reaction's command: its events are caused by the command, and the metadata names the event it answered.
        try store.append(
            [event("PreparationStarted", correlation: order, cause: UUID(), command: "prepare-order", answering: paid.eventId)],
            to: "preparation-1", expected: .noStream)
        _ = placed
        try store.append([event("DiscDropped")], to: "game-7", expected: .noStream)
    }

    func event(_ type: String, correlation: UUID? = nil, cause: UUID? = nil, command: String? = nil, answering: UUID? = nil) -> EventData {
        let fields = [command.map { "\"command\":\"\($0)\"" }, answering.map { "\"commandCausationId\":\"\($0.uuidString)\"" }]
        return EventData(
            type: type, data: Data("{\"\(type.prefix(1).lowercased() + type.dropFirst())\":{}}".utf8),
            metadata: Data("{\(fields.compactMap { $0 }.joined(separator: ","))}".utf8), causationId: cause, correlationId: correlation)
    }

    func get(_ path: String, _ query: [(String, String)] = [], api: StoreAPI? = nil) -> APIResponse {
        (api ?? StoreAPI(store: store)).respond(to: APIRequest(path: path, query: query.map { (name: $0.0, value: $0.1) }))
    }

    func json(_ response: APIResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: response.body) as? [String: Any])
    }

    func names(_ list: Any?) -> [String] {
        ((list as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
    }

    func types(_ response: APIResponse) throws -> [String] {
        ((try json(response)["events"] as? [[String: Any]]) ?? []).compactMap { $0["type"] as? String }
    }

    func error(_ response: APIResponse) throws -> String {
        try #require(try json(response)["error"] as? String)
    }

    @Test("streams list the domain's streams with category, count and last change; the tool's own apart")
    func streamsApart() throws {
        let response = get("streams")
        #expect(response.status == 200)
        let page = try json(response)
        #expect(names(page["streams"]) == ["order-1", "game-42", "preparation-1", "game-7"])
        #expect(names(page["toolStreams"]) == ["$progress-learner"])
        let order = try #require((page["streams"] as? [[String: Any]])?.first)
        #expect(order["category"] as? String == "order")
        #expect(order["count"] as? Int == 2)
        #expect(order["lastChange"] is String)
        #expect(page["categories"] as? [String] == ["game", "order", "preparation"])
        #expect(page["head"] as? Int == 7)
    }

    @Test("a system stream (its name starts with $) is the tool's own")
    func toolOwn() {
        #expect(StreamName("$progress-learner").isSystem)
        #expect(!StreamName("order-progress").isSystem)
        #expect(!StreamName("game-42").isSystem)
    }

    @Test("streams filter by category, by a glob over names and by event type")
    func streamFilters() throws {
        #expect(names(try json(get("streams", [("category", "game")]))["streams"]) == ["game-42", "game-7"])
        #expect(names(try json(get("streams", [("match", "*-4?")]))["streams"]) == ["game-42"])
        #expect(names(try json(get("streams", [("type", "DiscDropped")]))["streams"]) == ["game-42", "game-7"])
        #expect(names(try json(get("streams", [("category", "game"), ("type", "GameStarted")]))["streams"]) == ["game-42"])
    }

    @Test("globs match whole names, with * for any run and ? for one character")
    func globs() {
        #expect(StreamGlob("order-*").matches("order-323"))
        #expect(!StreamGlob("order-*").matches("preorder-1"))
        #expect(StreamGlob("*-1").matches("order-1"))
        #expect(!StreamGlob("game-?").matches("game-42"))
        #expect(StreamGlob("g*e-*2").matches("game-42"))
        #expect(StreamGlob("*").matches(""))
        // Many stars against a long name that never matches still ends at once.
        #expect(!StreamGlob(String(repeating: "*a", count: 50) + "b").matches(String(repeating: "a", count: 200)))
    }

    @Test("a stream reads oldest or newest first, a page at a time, with where the next page starts")
    func streamPages() throws {
        let forwards = get("streams/game-42", [("limit", "1")])
        #expect(try types(forwards) == ["GameStarted"])
        #expect(try json(forwards)["next"] as? Int == 1)
        let second = get("streams/game-42", [("limit", "1"), ("from", "1")])
        #expect(try types(second) == ["DiscDropped"])
        #expect(try json(second)["next"] == nil)
        let backwards = get("streams/game-42", [("direction", "backwards"), ("limit", "1")])
        #expect(try types(backwards) == ["DiscDropped"])
        #expect(try json(backwards)["next"] as? Int == 0)
        let envelope = try #require((try json(forwards)["events"] as? [[String: Any]])?.first)
        for field in ["eventId", "type", "stream", "category", "revision", "position", "createdAt", "data", "metadata"] {
            #expect(envelope[field] != nil, "the envelope holds \(field)")
        }
        #expect((envelope["data"] as? [String: Any])?["gameStarted"] != nil, "data is JSON, not a string")
    }

    @Test("a missing stream is a 404 that names it")
    func missingStream() throws {
        let response = get("streams/game-99")
        #expect(response.status == 404)
        #expect(try error(response) == "there is no stream 'game-99'")
    }

    @Test("every bad input is a 400 with a message: unknown or repeated parameters, bad numbers, long or control text")
    func badInputs() throws {
        let cases: [(String, [(String, String)], String)] = [
            ("streams/game-42", [("limit", "0")], "parameter 'limit' takes a number from 1 to 1000, not '0'"),
            ("streams/game-42", [("limit", "lots")], "parameter 'limit' takes a number from 1 to 1000, not 'lots'"),
            ("streams/game-42", [("from", "-1")], "parameter 'from' takes a whole number from 0 up, not '-1'"),
            (
                "streams/game-42", [("from", "99999999999999999999999")],
                "parameter 'from' takes a whole number from 0 up, not '99999999999999999999999'"
            ),
            ("streams/game-42", [("direction", "sideways")], "parameter 'direction' is forwards or backwards, not 'sideways'"),
            ("streams", [("colour", "red")], "unknown parameter 'colour'; this address takes category, match, type"),
            ("streams", [("match", "a"), ("match", "b")], "parameter 'match' is given twice; give it once"),
            (
                "streams", [("match", String(repeating: "x", count: 201))],
                "parameter 'match' is 201 characters long; at most 200 are accepted"
            ),
            ("streams", [("type", "a\u{0}b")], "parameter 'type' holds control characters"),
            ("events/not-an-id", [], "'not-an-id' is not a event id (ids look like 3F2504E0-4F89-11D3-9A0C-0305E82C3301)"),
            ("streams/" + String(repeating: "s", count: 300), [], "the stream name is 300 characters long; at most 200 are accepted"),
            ("all", [("from", "x")], "parameter 'from' takes a whole number from 0 up, not 'x'"),
        ]
        for (path, query, message) in cases {
            let response = get(path, query)
            #expect(response.status == 400, "\(path) \(query)")
            #expect(try error(response) == message)
        }
        #expect(get("nothing-here").status == 404)
        #expect(get("all", [("", ""), ("limit", "1")]).status == 200, "an empty item, as in ?&limit=1, asks for nothing")
        #expect(get("all", [("", "x")]).status == 400)
    }

    @Test("the all-stream is in global order, leaves out the tool's streams, filters and pages both ways")
    func allStream() throws {
        #expect(
            try types(get("all")) == ["OrderPlaced", "GameStarted", "DiscDropped", "OrderPaid", "PreparationStarted", "DiscDropped"])
        #expect(try types(get("all", [("category", "order")])) == ["OrderPlaced", "OrderPaid"])
        #expect(try types(get("all", [("type", "DiscDropped"), ("match", "game-4*")])) == ["DiscDropped"])
        let first = get("all", [("limit", "2")])
        #expect(try types(first) == ["OrderPlaced", "GameStarted"])
        let next = try #require(try json(first)["next"] as? Int)
        #expect(try types(get("all", [("limit", "2"), ("from", "\(next)")])) == ["DiscDropped", "OrderPaid"])
        let newest = get("all", [("direction", "backwards"), ("limit", "2")])
        #expect(try types(newest) == ["DiscDropped", "PreparationStarted"])
        #expect(try json(newest)["head"] as? Int == 7)
    }

    @Test("the head is the position after the store's last event, however many there are")
    func head() throws {
        #expect(try StoreAPI.head(of: InMemoryEventStore()) == 0)
        #expect(try StoreAPI.head(of: store) == 7)
        let big = InMemoryEventStore()
        for _ in 1...70 {
            try big.append([event("E")], to: "s-1", expected: .any)
            #expect(try StoreAPI.head(of: big) == (try big.readAll(from: 0, limit: nil).last?.position ?? 0) + 1)
        }
    }

    @Test("the all-stream read backwards crosses batches without losing or repeating an event")
    func allBackwardsAcrossBatches() throws {
        let big = InMemoryEventStore()
        for index in 0..<1_200 { try big.append([event("E\(index)")], to: StreamName("s-\(index % 7)"), expected: .any) }
        var seen: [String] = []
        var from: Int?
        repeat {
            var query = [("direction", "backwards"), ("limit", "333")]
            if let from { query.append(("from", "\(from)")) }
            let response = get("all", query, api: StoreAPI(store: big))
            seen += try types(response)
            from = try json(response)["next"] as? Int
        } while from != nil
        #expect(seen == (0..<1_200).reversed().map { "E\($0)" })
    }

    @Test("a correlation id gives the conversation: the typed command, its events, the reaction and what it sent")
    func causation() throws {
        let correlation = try #require(try store.read("order-1")[0].correlationId)
        let response = get("correlations/\(correlation.uuidString)")
        #expect(response.status == 200)
        let steps = try #require(try json(response)["steps"] as? [[String: Any]])
        #expect(
            steps.map { ($0["events"] as? [[String: Any]])?.compactMap { $0["type"] as? String } ?? [] }
                == [["OrderPlaced"], ["OrderPaid"], ["PreparationStarted"]])
        #expect(steps[0]["causedBy"] == nil)
        #expect((steps[2]["causedBy"] as? [String: Any])?["type"] as? String == "OrderPaid")
        #expect(steps[2]["command"] as? String == "prepare-order")
        #expect(get("correlations/\(UUID().uuidString)").status == 404)
    }

    @Test("an event is found by its id, wherever it lives")
    func eventById() throws {
        let paid = try store.read("order-1")[1]
        let found = try json(get("events/\(paid.eventId.uuidString)"))
        #expect(found["stream"] as? String == "order-1")
        #expect(found["revision"] as? Int == 1)
    }

    struct FakeStates: StateSource {
        var fails = false
        func folds(_ category: String) -> Bool { category == "game" }
        func state(after events: [RecordedEvent], of stream: StreamName) throws -> FoldedState {
            struct Refused: Error, CustomStringConvertible { var description: String { "evolve crashed" } }
            if fails { throw Refused() }
            let picture = GridDrawing(
                picture: "tally", columns: ["A"], rows: [[events.count > 1 ? "ann" : nil]],
                marks: [.init(symbol: "X", color: .red, value: "ann")], caption: "\(events.count) moves")
            return FoldedState(state: .object(["moves": .number(Double(events.count))]), picture: picture)
        }
    }

    @Test("the state at a revision comes from the state source, folded over the events up to it")
    func stateAtRevision() throws {
        let api = StoreAPI(store: store, states: FakeStates())
        let first = try json(get("states/game-42", [("rev", "0")], api: api))
        #expect((first["state"] as? [String: Any])?["moves"] as? Int == 1)
        let picture = try #require(first["picture"] as? [String: Any], "the grid goes to the page drawn, not as a name")
        #expect(picture["caption"] as? String == "1 moves")
        #expect((picture["rows"] as? [[Any]])?.first?.first is NSNull, "an empty cell is null")
        #expect((picture["marks"] as? [[String: Any]])?.first?["color"] as? String == "red")
        #expect(first["revision"] as? Int == 0)
        #expect((try json(get("states/game-42", api: api))["state"] as? [String: Any])?["moves"] as? Int == 2)
        let beyond = get("states/game-42", [("rev", "5")], api: api)
        #expect(beyond.status == 400)
        #expect(try error(beyond) == "game-42 has revisions 0 to 1; there is no 5")
        #expect(get("states/order-1", api: api).status == 404, "no lesson folds orders here")
        #expect(get("states/game-42", [("at", "yesterday")], api: api).status == 400)
        let failing = get("states/game-42", api: StoreAPI(store: store, states: FakeStates(fails: true)))
        #expect(failing.status == 422)
        #expect(try error(failing) == "your evolve could not fold game-42: evolve crashed")
    }

    @Test("a stream page says whether its category folds into a state")
    func streamFolds() throws {
        let api = StoreAPI(store: store, states: FakeStates())
        #expect(try json(get("streams/game-42", api: api))["folds"] as? Bool == true)
        #expect(try json(get("streams/order-1", api: api))["folds"] as? Bool == false)
    }

    struct FakeProgress: ProgressSource {
        func projection() throws -> JSONValue { .object(["lessons": .array([])]) }
    }

    @Test("progress shows the tool's own streams from the progress store, with the projection")
    func progress() throws {
        let domain = InMemoryEventStore()
        try domain.append([event("GameStarted")], to: "game-1", expected: .noStream)
        let api = StoreAPI(store: domain, progressStore: store, progress: FakeProgress())
        let page = try json(get("progress", api: api))
        #expect(page["streams"] as? [String] == ["$progress-learner"])
        #expect(try types(get("progress", api: api)) == ["LessonStarted"])
        #expect(page["projection"] is [String: Any])
        #expect(names(try json(get("streams", api: api))["streams"]) == ["game-1"])
        #expect(names(try json(get("streams", api: api))["toolStreams"]) == ["$progress-learner"])
    }

    @Test("the state as of a time folds the events stored up to it; before the first, the initial state")
    func stateAtTime() throws {
        try store.append([event("GameStarted")], to: "game-9", expected: .noStream)
        Thread.sleep(forTimeInterval: 0.05)
        try store.append([event("DiscDropped")], to: "game-9", expected: .exact(0))
        let events = try store.read("game-9")
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let between = formatter.string(from: events[0].createdAt.addingTimeInterval(0.025))
        let api = StoreAPI(store: store, states: FakeStates())
        let then = try json(get("states/game-9", [("at", between)], api: api))
        #expect(then["revision"] as? Int == 0)
        #expect((then["state"] as? [String: Any])?["moves"] as? Int == 1)
        #expect((then["event"] as? [String: Any])?["type"] as? String == "GameStarted")
        let before = try json(get("states/game-9", [("at", "2000-01-01T00:00:00Z")], api: api))
        #expect(before["revision"] == nil, "before the first event there is no revision yet")
        #expect((before["state"] as? [String: Any])?["moves"] as? Int == 0)
        let later = try json(get("states/game-9", [("at", "2100-01-01T00:00:00+01:00")], api: api))
        #expect(later["revision"] as? Int == 1, "a time with any zone is accepted")
        let both = get("states/game-9", [("rev", "0"), ("at", between)], api: api)
        #expect(both.status == 400)
        #expect(try error(both) == "give rev or at, not both")
        #expect(
            try error(get("states/game-9", [("at", "11:05")], api: api))
                == "parameter 'at' takes a time such as 2026-12-02T11:05:00Z, not '11:05'")
    }

    static let queueView = ReadModelView(
        name: "queue", summary: "What the barista makes next.", arguments: [], driver: "queueModel", shows: "waiting",
        checkpoint: "checkpoint", lesson: "projections")
    static let loyaltyView = ReadModelView(
        name: "loyalty", summary: "The points CUSTOMER has earned.", arguments: ["customer"], driver: "loyaltyModel",
        shows: "points.{customer}", checkpoint: "checkpoint", lesson: "projections")
    static let projections = LessonName(number: 9, id: "projections", title: "Projections and read models")

    /// The learner's projections as a warm host would answer them: the queue caught up, the loyalty one event behind.
    struct FakeReadModels: ReadModelSource {
        var lesson: LessonName? = LessonName(number: 10, id: "temporal-queries", title: "Temporal queries")
        var views = [StoreAPITests.queueView, StoreAPITests.loyaltyView]
        var fails = false

        func catalogue() throws -> ReadModelCatalogue {
            ReadModelCatalogue(lesson: lesson, firstLesson: StoreAPITests.projections, views: views)
        }

        func project(_ view: ReadModelView) throws -> ProjectedModel {
            struct Refused: Error, CustomStringConvertible { var description: String { "Loyalty.apply crashed" } }
            if fails { throw Refused() }
            switch view.name {
            case "queue":
                return ProjectedModel(
                    model: .object(["waiting": .array([.string("o1")]), "checkpoint": .number(5)]), covered: 2, lastPosition: 5, behind: 0)
            default:
                return ProjectedModel(
                    model: .object(["points": .object(["alice": .number(3), "bob": .number(1)]), "checkpoint": .number(3)]),
                    covered: 2, lastPosition: 5, behind: 1)
            }
        }
    }

    @Test("read models list the lesson's views, the lesson the workspace is on, and where read models begin")
    func readModelList() throws {
        let page = try json(get("read-models", api: StoreAPI(store: store, readModels: FakeReadModels())))
        let models = try #require(page["readModels"] as? [[String: Any]])
        #expect(models.compactMap { $0["name"] as? String } == ["queue", "loyalty"])
        #expect(models[1]["usage"] as? String == "loyalty CUSTOMER")
        #expect(models[1]["arguments"] as? [String] == ["customer"])
        #expect((page["lesson"] as? [String: Any])?["number"] as? Int == 10)
        #expect((page["firstLesson"] as? [String: Any])?["title"] as? String == "Projections and read models")
        #expect(page["head"] as? Int == 7, "where the page's live feed starts")
    }

    @Test("a read model's value is the learner's projection at the view's path, with how far its checkpoint got")
    func readModelValue() throws {
        let api = StoreAPI(store: store, readModels: FakeReadModels())
        let queue = try json(get("read-models/queue", api: api))
        #expect(queue["value"] as? [String] == ["o1"])
        #expect(queue["path"] as? [String] == ["waiting"])
        #expect(queue["delivered"] as? Int == 2)
        #expect(queue["lastPosition"] as? Int == 5)
        let caughtUp = try #require(queue["checkpoint"] as? [String: Any])
        #expect(caughtUp["position"] as? Int == 5)
        #expect(caughtUp["caughtUp"] as? Bool == true)
        #expect(caughtUp["behind"] as? Int == 0)

        // With no argument, the part every customer shares; with one, that customer's.
        let everyone = try json(get("read-models/loyalty", api: api))
        #expect(everyone["value"] as? [String: Int] == ["alice": 3, "bob": 1])
        #expect(everyone["path"] as? [String] == ["points"])
        let behind = try #require(everyone["checkpoint"] as? [String: Any])
        #expect(behind["caughtUp"] as? Bool == false)
        #expect(behind["behind"] as? Int == 1)
        let alice = try json(get("read-models/loyalty", [("customer", "alice")], api: api))
        #expect(alice["value"] as? Int == 3)
        #expect(alice["arguments"] as? [String: String] == ["customer": "alice"])
        let carol = try json(get("read-models/loyalty", [("customer", "carol")], api: api))
        #expect(carol["value"] == nil, "nothing for a customer the projection has not seen")
    }

    @Test("every bad read-model request is a 4xx with a message: unknown names and parameters, bad text, a failing projection")
    func readModelBadRequests() throws {
        let api = StoreAPI(store: store, readModels: FakeReadModels())
        let cases: [(String, [(String, String)], Int, String)] = [
            ("read-models/quue", [], 404, "there is no read model 'quue' in the lessons so far; there are queue, loyalty"),
            ("read-models/queue", [("customer", "alice")], 400, "unknown parameter 'customer'; this address takes no parameters"),
            ("read-models/loyalty", [("name", "alice")], 400, "unknown parameter 'name'; this address takes customer"),
            ("read-models/loyalty", [("customer", "a\u{7}")], 400, "parameter 'customer' holds control characters"),
            (
                "read-models/" + String(repeating: "q", count: 201), [], 400,
                "the read model's name is 201 characters long; at most 200 are accepted"
            ),
            ("read-models", [("lesson", "9")], 400, "unknown parameter 'lesson'; this address takes no parameters"),
        ]
        for (path, query, status, message) in cases {
            let response = get(path, query, api: api)
            #expect(response.status == status, "\(path) \(query)")
            #expect(try error(response) == message)
        }
        let pair = ReadModelView(
            name: "line", summary: "", arguments: ["order", "item"], driver: "lines", shows: "lines.{order}.{item}", checkpoint: nil,
            lesson: "projections")
        let partly = get("read-models/line", [("order", "o1")], api: StoreAPI(store: store, readModels: FakeReadModels(views: [pair])))
        #expect(partly.status == 400)
        #expect(try error(partly) == "read model line takes order and item, all or none (none shows every one)")
        let failing = get("read-models/loyalty", api: StoreAPI(store: store, readModels: FakeReadModels(fails: true)))
        #expect(failing.status == 422)
        #expect(try error(failing) == "your projection could not run loyalty: Loyalty.apply crashed")
    }

    @Test("before the projections lesson there are no read models, and a name says where they begin")
    func noReadModelsYet() throws {
        let early = FakeReadModels(lesson: LessonName(number: 5, id: "event-store-in-memory", title: "An event store"), views: [])
        let api = StoreAPI(store: store, readModels: early)
        let page = try json(get("read-models", api: api))
        #expect((page["readModels"] as? [Any])?.isEmpty == true)
        #expect((page["lesson"] as? [String: Any])?["number"] as? Int == 5)
        let queue = get("read-models/queue", api: api)
        #expect(queue.status == 404)
        #expect(
            try error(queue)
                == "there is no read model 'queue' in the lessons so far; read models start with lesson 9, Projections and read models")
        #expect(get("read-models/queue").status == 404, "a window without the learner's code runs none")
        #expect((try json(get("read-models"))["readModels"] as? [Any])?.isEmpty == true)
    }
}
