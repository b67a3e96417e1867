import Foundation
import TestSupport
import Testing

/// Domain commands typed in the shell run through the learner's own code, and the stream is shown.
@Suite("Playing through the learner's code", .serialized)
struct PlayTests {
    let folder = TemporaryFolder()
    var workspace: URL { folder.url.appendingPathComponent("ws") }
    static let root = WorkshopProcess.repositoryRoot

    func run(_ arguments: [String], input: String? = nil) throws -> WorkshopProcess.Result {
        try WorkshopProcess.run(
            ["--workspace", workspace.path] + arguments, input: input,
            environment: WorkshopProcess.environment(home: folder.path, extra: ["WORKSHOP_CACHE": CheckTests.cache, "COLUMNS": "160"]))
    }

    /// The deciding lesson started, with lesson 1's reference and a Decide.swift whose start does `body`.
    func setUp(start body: String? = nil) throws {
        #expect(try run(["catch-up", "2"]).status == 0)
        var decide = try ReferenceCode.text(of: "deciding", "Sources/ConnectFour/Decide.swift")
        if let body {
            decide = decide.replacingOccurrences(of: "        // History first:", with: body + "\n        // History first:")
        }
        folder.write("ws/Sources/ConnectFour/Decide.swift", decide)
    }

    @Test("a domain command runs the learner's decide, appends its events and shows the stream with the new ones marked")
    func startGame() throws {
        try setUp()
        let result = try run([], input: "start-game 42 alice bob\nstart-game 42 carol dave\nstart-game 7 x\nshow game-42\nstreams --json\n")
        #expect(result.status == 1, "the rejection and the usage error fail the script")
        let lines = result.output.components(separatedBy: "\n")
        var first = try #require(lines.firstIndex(of: "workshop> start-game 42 alice bob"))
        // On a clean machine the first domain command builds the kit first and says so.
        if lines[first + 1].hasPrefix("building the kit") {
            #expect(lines[first + 2].hasPrefix("the kit is ready ("))
            first += 2
        }
        #expect(lines[first + 1] == "stream game-42 · category game")
        #expect(lines[first + 2].hasPrefix("rev  type         time      data"))
        #expect(lines[first + 3].hasPrefix("▸ 0  GameStarted  "))
        #expect(lines[first + 3].hasSuffix("  {\"gameStarted\":{\"playerOne\":\"alice\",\"playerTwo\":\"bob\"}}"))
        #expect(result.output.contains("✗ rejected: alreadyStarted · nothing was appended to game-42"))
        #expect(result.output.contains("error: usage: start-game GAME PLAYERONE PLAYERTWO"))
        #expect(result.output.contains("\"name\" : \"game-42\""))
        #expect(result.output.contains("\"events\" : 1"))
        let all = try run(["all", "--json"])
        #expect(all.output.components(separatedBy: "GameStarted").count == 2, "exactly one event on game-42")
    }

    @Test("a whole game: moves through the learner's rules, the board as a temporal query, and replay")
    func wholeGame() throws {
        #expect(try run(["catch-up", "4"]).status == 0)
        for name in ["Decide.swift", "Rules.swift"] {
            folder.write(
                "ws/Sources/ConnectFour/\(name)",
                try ReferenceCode.text(of: "playing-by-the-rules", "Sources/ConnectFour/\(name)"))
        }
        let moves = ["A", "B", "A", "B", "A", "B", "A"].enumerated().map { "move 1 \($0.offset % 2 == 0 ? "alice" : "bob") \($0.element)" }
        let result = try run(
            [],
            input: (["start-game 1 alice bob"] + moves + ["move 1 bob C", "move 1 alice z", "state game-1", "state game-1 at 2"]).joined(
                separator: "\n") + "\n")
        #expect(result.output.contains("▸ 7  MoveMade"))
        #expect(result.output.contains("▸ 8  GameWon"))
        #expect(result.output.contains("rejected: gameOver"))
        #expect(result.output.contains("COLUMN must be one of A, B, C, D, E, F, G, not 'z'"))
        #expect(result.output.contains("    X alice · O bob · alice won"))
        #expect(result.output.contains("  1 X O · · · · ·"))
        #expect(result.output.contains("after revision 2 (MoveMade)"))
        let replay = try run(["replay", "game-1", "--json"])
        let states = try #require(try JSONSerialization.jsonObject(with: Data(replay.output.utf8)) as? [[String: Any]])
        #expect(states.count == 10, "the initial state and one after each of the nine events")
        #expect(states.last?["winner"] as? String == "alice")
    }

    @Test("the coffee shop: orders and customers on streams of their own, numbers and lists typed as words")
    func coffeeShop() throws {
        #expect(try run(["start", "many-streams"]).status == 0)
        for name in ["Orders.swift", "Customers.swift"] {
            folder.write(
                "ws/Sources/Barstucks/\(name)",
                try ReferenceCode.text(of: "many-streams", "Sources/Barstucks/\(name)"))
        }
        let result = try run(
            [],
            input:
                "register-customer helen Helen helen@example.com\nplace-order 323 helen latte,croissant\npay-order 323 600\npay-order 323 650\n"
                + "pay-order 323 lots\nprepare-order 323 sam\nserve-order 323\nserve-order 999\nstreams --json\n")
        #expect(result.output.contains("▸ 0  OrderPlaced  "))
        #expect(
            result.output.contains(#"  {"orderPlaced":{"orderId":"323","customerId":"helen","items":["latte","croissant"],"total":650}}"#),
            "fields in the order the learner's OrderEvent declares them")
        #expect(result.output.contains("rejected: wrongAmount"))
        #expect(result.output.contains("AMOUNT must be a whole number, not 'lots'"))
        #expect(result.output.contains("▸ 3  OrderServed"))
        #expect(result.output.contains("rejected: notPlaced · nothing was appended to order-999"))
        #expect(!result.output.contains("does not exist"), "a refusal on a new stream shows no stream, and no error")
        #expect(result.output.contains("\"category\" : \"customer\""))
        #expect(result.output.contains("\"name\" : \"order-323\""))
    }

    @Test("a process manager reacts in the shell: a served order earns its customer a point, traced by causation and correlation")
    func processManager() throws {
        // Lesson 12 started: lesson 11's Fulfilment (the reference) is the learner's code now.
        #expect(try run(["catch-up", "12"]).status == 0)
        let result = try run(
            [],
            input:
                "register-customer helen Helen helen@example.com\nplace-order 9 helen latte\npay-order 9 450\nprepare-order 9 sam\n"
                + "serve-order 9\nearn-loyalty-point helen 9\n")
        #expect(result.status == 1, "the point asked for by hand is a different command, decided again and refused")
        #expect(!result.output.contains("fulfilment sent prepare-order"), "the process never invents the barista's work")
        #expect(result.output.contains("↳ fulfilment sent earn-loyalty-point helen 9 · caused by OrderServed"))
        #expect(result.output.contains("▸ 1  LoyaltyPointEarned"))
        #expect(result.output.contains("rejected: pointAlreadyEarned"))
        struct Recorded: Decodable { var type: String, eventId: String, causationId: String?, correlationId: String?, metadata: String }
        struct Metadata: Decodable { var command: String, commandId: String, sentBy: String?, commandCausationId: String? }
        func events(_ stream: String) throws -> [Recorded] {
            try JSONDecoder().decode([Recorded].self, from: Data(try run(["show", stream, "--json"]).output.utf8))
        }
        func metadata(_ event: Recorded) throws -> Metadata { try JSONDecoder().decode(Metadata.self, from: Data(event.metadata.utf8)) }
        let order = try events("order-9"), customer = try events("customer-helen")
        #expect(order.map(\.type) == ["OrderPlaced", "OrderPaid", "OrderPrepared", "OrderServed"])
        #expect(customer.map(\.type) == ["CustomerRegistered", "LoyaltyPointEarned"])
        guard order.count == 4, customer.count == 2 else { return }
        let served = order[3], point = customer[1]
        // An event is caused by the command that produced it; the command, by the event it reacts to.
        #expect(try metadata(served).command == "serve-order")
        #expect(served.causationId?.lowercased() == (try metadata(served).commandId), "a typed command's id is its events' causation")
        let sent = try metadata(point)
        #expect(sent.commandId == "fulfilment/earn-loyalty-point/\(served.eventId)", "the id the process made from its cause")
        #expect(sent.sentBy == "fulfilment")
        #expect(sent.commandCausationId == served.eventId, "the command was caused by the served event")
        #expect(point.causationId != nil && point.causationId != served.eventId, "the point's cause is the command, not the event")
        #expect(point.correlationId == served.correlationId, "the conversation carries on")

        // The deadline in the shell: `wait` moves the clock on, and a paid order nobody prepares is refunded, once.
        let late = try run([], input: "place-order 11 helen latte\npay-order 11 450\nwait 9m\nwait 2m\nwait 1h\n")
        let beforeDeadline = late.output.components(separatedBy: "workshop> wait 2m").first ?? ""
        #expect(beforeDeadline.contains("fulfilment: no deadline has passed"), "\(late.output)")
        #expect(late.output.contains("↳ fulfilment sent refund-order 11 · caused by OrderPaid"), "\(late.output)")
        #expect(late.output.components(separatedBy: "sent refund-order").count == 2, "refunded once: \(late.output)")
        #expect(!late.output.contains("refund-order 9"), "a served order has no deadline left")
        #expect(late.output.contains("the clock reads"), "\(late.output)")
        #expect(try events("order-11").map(\.type) == ["OrderPlaced", "OrderPaid", "OrderRefunded"])

        // With the starter's Fulfilment (it sends nothing), nothing reacts.
        folder.write(
            "ws/Sources/Barstucks/Fulfilment.swift",
            try String(
                contentsOf: Self.root.appendingPathComponent("lessons/process-manager/starter/Sources/Barstucks/Fulfilment.swift"),
                encoding: .utf8))
        let quiet = try run([], input: "place-order 10 helen latte\npay-order 10 450\nprepare-order 10 sam\nserve-order 10\n")
        #expect(quiet.status == 0)
        #expect(!quiet.output.contains("fulfilment sent"))
    }

    @Test("said twice, done once: a command sent again under its id gets the earlier events; a different command is decided again")
    func duplicateCommands() throws {
        #expect(try run(["catch-up", "12"]).status == 0)
        // A process that sends its command twice, as an at-least-once delivery would: the same id both times.
        let reference = try ReferenceCode.text(of: "process-manager", "Sources/Barstucks/Fulfilment.swift")
        let twice = reference.replacingOccurrences(
            of: "causationId: received.eventId, correlationId: correlationId)\n            ]",
            with: "causationId: received.eventId, correlationId: correlationId)\n            ].flatMap { [$0, $0] }")
        #expect(twice != reference, "the reference still sends the point where the test expects it")
        folder.write("ws/Sources/Barstucks/Fulfilment.swift", twice)
        let result = try run(
            [],
            input:
                "register-customer helen Helen helen@example.com\nplace-order 9 helen latte\npay-order 9 450 --id click-1\n"
                + "pay-order 9 450 --id click-1\nprepare-order 9 sam\nserve-order 9\npay-order 9 450\n")
        #expect(result.status == 1, "the payment typed again without the id is a new command, refused")
        let lines = result.output.components(separatedBy: "\n")
        let again = try #require(lines.firstIndex(of: "workshop> pay-order 9 450 --id click-1").map { lines[($0 + 1)...] })
        let second = try #require(again.firstIndex(of: "workshop> pay-order 9 450 --id click-1"))
        #expect(lines[second + 1] == "↺ command click-1 ran before · its events are the answer; nothing was decided or appended again")
        #expect(lines[second + 3].hasPrefix("  1  OrderPaid"), "the answer is the event the first payment produced")
        #expect(result.output.components(separatedBy: "↳ fulfilment sent earn-loyalty-point helen 9").count == 3, "sent twice")
        #expect(result.output.contains("↺ command fulfilment/earn-loyalty-point/"), "the second is recognised by its id")
        #expect(!result.output.contains("pointAlreadyEarned"), "a duplicate is answered, not refused as a conflict")
        #expect(result.output.contains("rejected: alreadyPaid"), "a different command is decided again")
        let shown = try run(["show", "customer-helen", "--json"])
        #expect(shown.output.components(separatedBy: "LoyaltyPointEarned").count == 2, "one point")
        let order = try run(["show", "order-9", "--json"])
        #expect(order.output.components(separatedBy: "\"OrderPaid\"").count == 2, "one payment")
    }

    @Test("on day 2 the day-1 game still plays, folds and replays; a category not folded yet is told the lesson that folds it")
    func earlierDomainsKeepWorking() throws {
        #expect(try run(["catch-up", "8"]).status == 0)
        let result = try run(
            [],
            input:
                "start-game 1 alice bob\nmove 1 alice A\nstate game-1\nregister-customer helen Helen h@example.com\nstate customer-helen\n")
        #expect(result.output.contains("▸ 1  MoveMade"), "\(result.output)")
        #expect(result.output.contains("  1 X · · · · · ·"), "the board, folded by lesson 4's evolve")
        #expect(!result.output.contains("no lesson so far folds game streams"))
        #expect(result.output.contains("error: customer streams get a state with lesson 13 · Snapshots, and you are on lesson 8"))
        #expect(!result.output.contains("evolving"), "the pack says which lesson; no Connect Four words for coffee")
        let replay = try run(["replay", "game-1", "--json"])
        let states = try #require(try JSONSerialization.jsonObject(with: Data(replay.output.utf8)) as? [[String: Any]], "\(replay.output)")
        #expect(states.count == 3, "the initial state and one after each of the two events")
        let unknown = try run(["state", "table-3"])
        #expect(unknown.errors.contains("no lesson of this course folds table streams into a state; `show table-3` lists its events"))
    }

    @Test("domain commands also run from the command line, with Tab-free usage errors and a status")
    func commandLine() throws {
        try setUp()
        #expect(try run(["start-game", "9", "ann", "bo"]).status == 0)
        let again = try run(["start-game", "9", "ann", "bo"])
        #expect(again.status == 1)
        #expect(again.output.contains("rejected: alreadyStarted"))
        let show = try run(["show", "game-9", "--json"])
        #expect(show.output.contains("\"revision\" : 0"))
        #expect(show.output.contains("\"causationId\""))
    }

    @Test("a crash of the learner's code mid-session leaves the store untouched and the shell going")
    func crashMidSession() throws {
        try setUp(start: "        if case .startGame(\"crash\", _) = command { fatalError(\"boom\") }")
        let result = try run([], input: "start-game 1 alice bob\nstart-game 2 crash bob\nstart-game 3 carol dave\nstreams\n")
        #expect(result.output.contains("your code crashed"))
        #expect(result.output.contains("boom"))
        #expect(result.output.contains("game-1"))
        #expect(result.output.contains("game-3"))
        #expect(!result.output.contains("game-2 "))
    }

    @Test("two processes appending to one stream lose nothing: the second reloads, decides again and says so")
    func twoWriters() throws {
        // A barrier: each decider of game 5, having read the empty history, waits until both have,
        // so both decide on the same revision and the second to append must lose the race.
        let barrier = folder.url.appendingPathComponent("barrier").path
        try FileManager.default.createDirectory(atPath: barrier, withIntermediateDirectories: true)
        let wait = [
            "        if events.isEmpty, case .startGame(let one, _) = command, one != \"warm\" {",
            "            FileManager.default.createFile(atPath: \"\(barrier)/\" + one, contents: nil)",
            "            for _ in 0..<400 where ((try? FileManager.default.contentsOfDirectory(atPath: \"\(barrier)\"))?.count ?? 0) < 2 {",
            "                usleep(10_000)",
            "            }",
            "        }",
        ]
        try setUp(start: wait.joined(separator: "\n"))
        let decide = try #require(folder.read("ws/Sources/ConnectFour/Decide.swift"))
        folder.write("ws/Sources/ConnectFour/Decide.swift", "import Foundation\n" + decide)
        #expect(try run(["start-game", "0", "warm", "up"]).status == 0, "builds the host once, before the race")
        let results = ResultsBox()
        let group = DispatchGroup()
        for (one, two) in [("ann", "bo"), ("cy", "di")] {
            group.enter()
            DispatchQueue.global().async {
                results.add((try? self.run(["start-game", "5", one, two]).output) ?? "")
                group.leave()
            }
        }
        group.wait()
        let outputs = results.all()
        #expect(outputs.contains { $0.contains("↻ another writer appended to game-5 first; reloaded and decided again") }, "\(outputs)")
        #expect(outputs.contains { $0.contains("rejected: alreadyStarted") })
        let stream = try run(["show", "game-5", "--json"])
        #expect(stream.output.components(separatedBy: "\"revision\"").count == 2, "one start, never two")
    }
}

/// Two shells on one PostgreSQL database: a room sharing one server.
@Suite("Playing on a shared PostgreSQL store", .serialized)
struct SharedStoreTests {
    @Test("two learners on one PostgreSQL store each have their own game 42, share one by --shared, and each event says who appended it")
    func twoShellsOneServer() throws {
        let url = try TestPostgres.freshSchema(named: "play")
        let folder = TemporaryFolder()
        func run(_ workspace: String, _ arguments: [String]) throws -> WorkshopProcess.Result {
            try WorkshopProcess.run(
                ["--workspace", folder.url.appendingPathComponent(workspace).path, "--store", url] + arguments,
                environment: WorkshopProcess.environment(
                    home: folder.path, extra: ["WORKSHOP_CACHE": CheckTests.cache, "COLUMNS": "160", "WORKSHOP_LEARNER": workspace]))
        }
        for workspace in ["ann", "ben"] {
            #expect(try run(workspace, ["catch-up", "2"]).status == 0)
            let decide = try ReferenceCode.text(of: "deciding", "Sources/ConnectFour/Decide.swift")
            folder.write("\(workspace)/Sources/ConnectFour/Decide.swift", decide)
        }
        // The same id typed by two learners: two games, each in its learner's namespace.
        let annStarts = try run("ann", ["start-game", "7", "ann", "ben"])
        #expect(annStarts.status == 0, "\(annStarts.output)\(annStarts.errors)")
        #expect(annStarts.output.contains("game-ann.7"), "\(annStarts.output)")
        let benStarts = try run("ben", ["start-game", "7", "ben", "ann"])
        #expect(benStarts.status == 0, "\(benStarts.output)\(benStarts.errors)")
        #expect(benStarts.output.contains("game-ben.7"), "\(benStarts.output)")
        // `show game-7` is the learner's own; another's is there by its whole name, with who appended it.
        let own = try run("ben", ["show", "game-7", "--json"])
        #expect(own.output.contains("\"stream\" : \"game-ben.7\"") || own.output.contains("\"stream\":\"game-ben.7\""), "\(own.output)")
        let others = try run("ben", ["show", "game-ann.7", "--json"])
        #expect(others.output.contains("GameStarted"), "\(others.output)\(others.errors)")
        #expect(others.output.contains("appendedBy") && others.output.contains("ann"), "\(others.output)")
        // --shared: one stream for everyone, so the second start is refused.
        #expect(try run("ann", ["start-game", "9", "ann", "ben", "--shared"]).status == 0)
        let refused = try run("ben", ["start-game", "9", "ben", "ann", "--shared"])
        #expect(refused.output.contains("rejected: alreadyStarted"), "\(refused.output)")
        #expect(try run("ben", ["show", "game-9"]).output.contains("GameStarted"))
        // Progress stays each learner's own: ben's shows no lesson of ann's.
        #expect(try run("ben", ["events", "--json"]).output.components(separatedBy: "LessonStarted").count == 2)
    }
}

final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []
    func add(_ value: String) { lock.withLock { values.append(value) } }
    func all() -> [String] { lock.withLock { values } }
}
