import Checking
import Curriculum
import EventSourcing
import Foundation
import Testing

@testable import Playground

/// The playground's rules, in process: the learner's code is a fake host, the store is in memory.
@Suite("The playground")
struct PlaygroundTests {
    let session = FakeSession(lesson: Orders.lesson)
    let host = FakeHost()
    let playground: Playground

    init() {
        host.drivers["decide"] = Orders.decide
        host.drivers["project"] = Orders.project
        playground = Playground(session: session, hosts: host)
    }

    func run(_ typed: String) throws {
        let words = typed.split(separator: " ").map(String.init)
        guard case .command(let command)? = try playground.command(named: words[0]) else {
            Issue.record("no command \(words[0])")
            return
        }
        try playground.run(command, arguments: Array(words.dropFirst()))
    }

    @Test("a command's events are appended with the stream's expected revision, under its id, and the stream is shown")
    func appends() throws {
        try session.store.write("OrderDrafted", #"{"orderDrafted":{"id":"7"}}"#, to: "order-7")
        try run("place-order 7 --id click-1")
        #expect(session.store.appends.map(\.expected) == [.exact(0)], "the revision read before deciding")
        let stream = try session.store.read("order-7")
        #expect(stream.map(\.type) == ["OrderDrafted", "OrderPlaced"])
        #expect(stream[1].json == #"{"orderPlaced":{"id":"7"}}"#)
        #expect(stream[1].metadataFields["commandId"] == .string("click-1"))
        #expect(stream[1].metadataFields["appendedBy"] == .string("ada"))
        let given = try #require(host.asked("decide").first)
        #expect(
            given
                == .object(["given": .array([try JSONValue.parse(stream[0].data)]), "command": Self.place("7"), "input": Self.place("7")]))
        let printed = session.printed()
        #expect(printed.contains("stream order-7"), "\(printed)")
        #expect(printed.contains("▸ 1") && printed.contains("OrderPlaced"), "the new event is marked: \(printed)")
    }

    @Test("a command that loses the race for its stream is decided again on the new history, and gives up after Playground.retries")
    func lostRace() throws {
        var raced = 0
        session.store.beforeAppend = { stream in
            guard raced < 1 else { return }
            raced += 1
            try self.session.store.write("OrderDrafted", #"{"orderDrafted":{"id":"8"}}"#, to: stream)
        }
        try run("place-order 8")
        #expect(host.asked("decide").count == 2, "decided again after losing")
        #expect(session.store.appends.map(\.expected) == [.noStream, .exact(0)])
        #expect(try session.store.read("order-8").map(\.type) == ["OrderDrafted", "OrderPlaced"])
        #expect(session.printed().contains("↻ another writer appended to order-8 first; reloaded and decided again"))

        // Another writer that always gets there first: the command gives up, in the shell's words.
        session.store.beforeAppend = { stream in try self.session.store.write("OrderDrafted", "{}", to: stream) }
        let before = host.asked("decide").count
        #expect(throws: PlaygroundError.keptChanging(stream: "order-9")) { try run("place-order 9") }
        #expect(host.asked("decide").count - before == Playground.retries + 1)
        #expect(try session.store.read("order-9").allSatisfy { $0.type == "OrderDrafted" }, "nothing of the command's was appended")
    }

    @Test("each playground failure reads as the shell has always worded it")
    func failureWords() {
        #expect(
            PlaygroundError.learnerCode(who: "your decide", problem: .timedOut(seconds: 2, nothingAppended: true)).description
                == "your decide did not answer within 2 s; nothing was appended (an endless loop?)")
        #expect(
            PlaygroundError.learnerCode(who: "fulfilment", problem: .timedOut(seconds: 2, nothingAppended: false)).description
                == "fulfilment did not answer within 2 s (an endless loop?)")
        #expect(
            PlaygroundError.learnerCode(who: "your decide", problem: .crashed("signal 4", nothingAppended: true)).description
                == "your code crashed: signal 4; nothing was appended, and the shell goes on")
        #expect(
            PlaygroundError.unexpectedAnswer(who: "it", answer: "3", expected: "a list of commands").description
                == "it returned 3, not a list of commands")
        #expect(PlaygroundError.nothingKeepsTime(from: nil).description == "no process of your lessons so far keeps time")
    }

    @Test("a writer who appends just after the command is not shown, or reacted to, as the command's own")
    func writerBehind() throws {
        var once = false
        session.store.afterAppend = { stream in
            guard !once else { return }
            once = true
            try self.session.store.write("OrderDrafted", #"{"orderDrafted":{"id":"6"}}"#, to: stream)
        }
        try run("place-order 6")
        #expect(try session.store.read("order-6").map(\.type) == ["OrderPlaced", "OrderDrafted"])
        let printed = session.printed()
        #expect(printed.contains("▸ 0") && printed.contains("OrderPlaced"), "\(printed)")
        #expect(!printed.contains("▸ 1"), "the other writer's event is not marked new: \(printed)")
    }

    @Test("the same command id twice is answered with its earlier events, deciding and appending nothing; another id is decided again")
    func sameIdTwice() throws {
        try run("place-order 5 --id click-1")
        let first = try session.store.read("order-5")
        try run("place-order 5 --id click-1")
        #expect(host.asked("decide").count == 1, "not decided again")
        #expect(session.store.appends.count == 1, "nothing appended again")
        #expect(try session.store.read("order-5") == first)
        #expect(session.printed().contains("↺ command click-1 ran before"))

        try run("place-order 5 --id click-2")
        #expect(host.asked("decide").count == 2)
        #expect(try session.store.read("order-5").count == 2)
    }

    @Test("a reaction's command is sent caused by the event it reacts to, with the conversation's correlation carried along")
    func reaction() throws {
        var lesson = Orders.lesson
        lesson.reactions = [Reaction(name: "fulfilment", category: "order", driver: "react", lesson: "orders")]
        let session = FakeSession(lesson: lesson)
        host.drivers["react"] = { input in
            guard case .object(let fields) = input, case .object(let given)? = fields["input"],
                case .object(let received)? = given["received"],
                case .object(let event)? = received["event"], case .object(let placed)? = event["orderPlaced"]
            else { return .array([]) }
            return .array([.object(["command": .object(["shipOrder": placed["id"]!.wrapped("id")]), "commandId": .string("ship-1")])])
        }
        let playground = Playground(session: session, hosts: host)
        guard case .command(let place)? = try playground.command(named: "place-order") else {
            Issue.record("no place-order")
            return
        }
        try playground.run(place, arguments: ["3"])

        let placed = try #require(try session.store.read("order-3").first)
        let shipped = try #require(try session.store.read("shipment-3").first, "the reaction's command ran: \(session.printed())")
        #expect(shipped.metadataFields["commandCausationId"] == .string(placed.eventId.uuidString), "caused by the event")
        #expect(shipped.metadataFields["sentBy"] == .string("fulfilment"))
        #expect(shipped.metadataFields["commandId"] == .string("ship-1"))
        #expect(shipped.correlationId != nil && shipped.correlationId == placed.correlationId, "the typed command's conversation")
        #expect(session.printed().contains("↳ fulfilment sent ship-order 3"))
    }

    @Test("a read model resumes from its saved checkpoint, delivered only the events after it, and is rebuilt when the code changed")
    func readModel() throws {
        let view = try #require(Orders.lesson.readModels.first)
        for id in 1...3 { try session.store.write("OrderPlaced", #"{"orderPlaced":{"id":"\#(id)"}}"#, to: StreamName("order-\(id)")) }
        let built = try playground.project(view)
        #expect(built.catchUp == .built(because: "nothing saved yet", applied: 3))
        #expect(built.model == .object(["count": .number(3), "checkpoint": .number(2)]))

        try session.store.write("LessonStarted", "{}", to: "$progress")
        for id in 4...5 { try session.store.write("OrderPlaced", #"{"orderPlaced":{"id":"\#(id)"}}"#, to: StreamName("order-\(id)")) }
        let resumed = try playground.project(view)
        #expect(resumed.catchUp == .resumed(after: 2, applied: 2))
        #expect(resumed.delivered.map(\.position) == [4, 5], "only the domain's events after the checkpoint")
        #expect(session.store.allReadsFrom.last == 3, "read from the checkpoint on, not from the start")
        #expect(resumed.model == .object(["count": .number(5), "checkpoint": .number(5)]))
        #expect(resumed.covered == SavedReadModels.Coverage(count: 5, last: 5), "it covers every domain event, not only the new")
        #expect(resumed.behind == 0)

        host.code = "host-2"
        let rebuilt = try playground.project(view)
        #expect(rebuilt.catchUp == .built(because: "your projection's code changed since it was saved", applied: 5))
        #expect(rebuilt.model == .object(["count": .number(5), "checkpoint": .number(5)]))
    }

    @Test("how far a projection is behind counts every event it covers, when its checkpoint lags or goes back before where it resumed")
    func behind() throws {
        let view = try #require(Orders.lesson.readModels.first)
        // The learner's projection records the checkpoint it is told to, whatever it was delivered.
        var recorded = 2.0
        host.drivers["project"] = { input in
            guard case .object(let model) = try Orders.project(input) else { return .null }
            var fields = model
            fields["checkpoint"] = .number(recorded)
            return .object(fields)
        }
        for id in 0...2 { try session.store.write("OrderPlaced", #"{"orderPlaced":{"id":"\#(id)"}}"#, to: StreamName("order-\(id)")) }
        #expect(try playground.project(view).behind == 0)

        for id in 3...4 { try session.store.write("OrderPlaced", #"{"orderPlaced":{"id":"\#(id)"}}"#, to: StreamName("order-\(id)")) }
        recorded = 0
        let back = try playground.project(view)
        #expect(back.catchUp == .resumed(after: 2, applied: 2))
        #expect(back.covered == SavedReadModels.Coverage(count: 5, last: 4))
        #expect(back.behind == 4, "positions 1 to 4 come after 0, two of them before where it resumed")

        // Resumed from 0, it is delivered what came after, and counts the one before it without a saved count.
        let lagging = try playground.project(view)
        #expect(lagging.catchUp == .resumed(after: 0, applied: 4))
        #expect(lagging.covered == SavedReadModels.Coverage(count: 5, last: 4))
        #expect(lagging.behind == 4)
    }

    @Test("a rejection is shown and thrown as the domain's answer, and nothing is appended")
    func rejection() throws {
        let rejecting = FakeHost()
        rejecting.answer = .threw(type: "OrderError", description: "alreadyPlaced")
        let playground = Playground(session: session, hosts: rejecting)
        guard case .command(let place)? = try playground.command(named: "place-order") else {
            Issue.record("no place-order")
            return
        }
        #expect(throws: CommandRejected(reason: "alreadyPlaced")) { try playground.run(place, arguments: ["1"]) }
        #expect(session.store.appends.isEmpty)
        #expect(session.printed().contains("✗ rejected: alreadyPlaced · nothing was appended to order-1"))
    }

    @Test("a stream looked up on a shared store is the learner's own when they have one, read once; else the one named")
    func lookedUp() throws {
        let namespace = StreamNamespace(learner: "ada")
        let store = session.store
        try store.write("OrderPlaced", "{}", to: "order-ada.1")
        let own = try namespace.lookedUp("order-1", in: store)
        #expect(own.stream == "order-ada.1" && own.events?.count == 1)
        #expect(store.reads == ["order-ada.1"], "read once")

        try store.write("OrderPlaced", "{}", to: "order-2")
        let named = try namespace.lookedUp("order-2", in: store)
        #expect(named.stream == "order-2" && named.events?.count == 1)
        #expect(try namespace.lookedUp("order-3", in: store).events == nil, "no such stream")
    }

    static func place(_ id: String) -> JSONValue { .object(["placeOrder": .object(["id": .string(id)])]) }
}

extension JSONValue {
    /// `{"key": self}`.
    func wrapped(_ key: String) -> JSONValue { .object([key: self]) }
}
