import Testing

@testable import Linting

@Suite("Mutants and sessions for the quality gate")
struct LintingTests {
    @Test("mutants flip comparisons, drop guards, change names and shift numbers; comments stay")
    func mutants() {
        let source = """
            // a comment with == inside
            guard playerOne != playerTwo else { throw GameError.samePlayerTwice }
            if row > 6 && full { return [.moveMade(player: p, column: c, row: row + 1)] }
            case .gameStarted: "GameStarted"
            enum Rank: Int {
            case A, B, C
            case moveMade(player: String, row: Int)
            return [.gameStarted(playerOne: a, playerTwo: b)]
            """
        let mutations = MutationGenerator.mutations(of: [("F.swift", source)])
        let names = Set(mutations.map(\.operatorName))
        #expect(!mutations.contains { $0.line == 1 })
        #expect(
            names.isSuperset(of: [
                "!= to ==", "drop the guard", "> to >=", "&& to ||", "+ 1 to - 1", "change a string", "swap neighbours", "rename a label",
                "return nothing",
            ]))
        let guardDropped = mutations.first { $0.operatorName == "drop the guard" }!
        #expect(MutationGenerator.apply(guardDropped, to: source).components(separatedBy: "\n")[1] == "")
        #expect(mutations.first { $0.operatorName == "swap neighbours" }?.replacement == "case B, A, C")
        #expect(mutations.first { $0.operatorName == "change a string" }?.replacement == #"case .gameStarted: "_GameStarted""#)
        #expect(mutations.first { $0.operatorName == "rename a label" }?.replacement == "case moveMade(player_: String, row: Int)")
        #expect(MutationGenerator.shiftNumber("let x = 6") == "let x = 7")
        let plainEnum = MutationGenerator.mutations(of: [("E.swift", "enum GameError: Error {\n    case over, full\n}")])
        #expect(!plainEnum.contains { $0.operatorName == "swap neighbours" }, "the order of plain cases is unobservable")
        let earlier = "guard a != b else { return }\nlet x = 6"
        let grown = MutationGenerator.mutations(of: [("G.swift", earlier + "\nlet y = 6")], earlier: ["G.swift": earlier])
        #expect(Set(grown.map(\.line)) == [3], "only the line this lesson added is mutated")
        #expect(MutationGenerator.shiftNumber("let name = \"p1\"") == nil)
        let status =
            "enum Status {\n    case none, placed, paid\n}\nenum Other {\n    case paid, due\n}\nstate.status = .placed\nstate.status = .none\nx = .paid"
        let states = MutationGenerator.mutations(of: [("S.swift", status)]).filter { $0.operatorName == "another case" }
        #expect(
            states.map(\.replacement) == ["state.status = .paid", "state.status = .placed"],
            "the next case, wrapping; .paid is in two lists")
    }

    @Test("a session compares clock times and short event ids as placeholders, and everything else exactly")
    func sessionPlaceholders() throws {
        let session = try #require(
            LessonSession.sessions(in: "```session\nworkshop> show order-9\n▸ 0  OrderPaid  {}  11:55:02  92d3aa47\n```\n").first)
        #expect(session.firstDifference(from: "workshop> show order-9\n▸ 0  OrderPaid  {}  16:01:59  0be1c2ff") == nil)
        #expect(session.firstDifference(from: "workshop> show order-9\n▸ 1  OrderPaid  {}  16:01:59  0be1c2ff") != nil)
        #expect(session.firstDifference(from: "workshop> show order-9\n▸ 0  OrderPaid  {}  16:01  0be1c2ff") != nil)
        #expect(LessonSession.normalised("caffeine") == "caffeine", "a word of hex letters without a digit is a word")
    }

    @Test("sampling keeps at most the limit, and tries every line once before any line twice")
    func sampling() {
        let all = (1...4).flatMap { line in
            (1...3).map { Mutation(file: "F", line: line, operatorName: "op\($0)", original: "", replacement: "") }
        }
        let sample = MutationGenerator.sample(all, limit: 6)
        #expect(sample.count == 6)
        #expect(sample.prefix(4).map(\.line) == [1, 2, 3, 4])
        #expect(sample.prefix(4).allSatisfy { $0.operatorName == "op1" })
        #expect(sample.dropFirst(4).map(\.operatorName) == ["op2", "op2"])
        #expect(MutationGenerator.sample(Array(all.prefix(5)), limit: 10).count == 5)
    }

    @Test("session blocks are found in lesson text, and a replay is compared line by line")
    func sessions() {
        let text = "Intro\n\n```session\nworkshop> check\nall good\n```\n\n```\nworkshop> not a session\n```\n"
        let sessions = LessonSession.sessions(in: text)
        #expect(sessions.count == 1)
        #expect(sessions[0].commands == ["check"])
        #expect(sessions[0].firstDifference(from: "workshop> check\nall good   \n") == nil)
        #expect(
            sessions[0].firstDifference(from: "workshop> check\nall bad\n") == "the text shows \"all good\", the shell printed \"all bad\"")
        #expect(sessions[0].firstDifference(from: "workshop> check") != nil)
    }

    @Test("every workshop> line of a text is found with its file line, in prose, code blocks and sessions alike")
    func shownCommands() {
        let text = "---\nid: x\n---\nType it:\n\n```\nworkshop> events game-42\n```\n  workshop> check   # again\n"
        #expect(
            ShownCommand.commands(in: text, file: "x/lesson.md") == [
                ShownCommand(file: "x/lesson.md", line: 7, command: "events game-42"),
                ShownCommand(file: "x/lesson.md", line: 9, command: "check   # again"),
            ])
    }
}
