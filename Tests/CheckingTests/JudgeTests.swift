import Curriculum
import Foundation
import Testing

@testable import Checking

@Suite("Judging what the learner's code did")
struct JudgeTests {
    let started = JSONValue.object(["gameStarted": .object(["playerOne": .string("alice"), "playerTwo": .string("bob")])])
    func move(_ player: String, _ column: String, _ row: Double) -> JSONValue {
        .object(["moveMade": .object(["player": .string(player), "column": .string(column), "row": .number(row)])])
    }

    @Test("the same events in the same order pass; another order fails at the first difference")
    func events() {
        let expected = Expectation.events([move("alice", "D", 1), move("bob", "D", 2)])
        #expect(Judge.verdict(expected, .returned(.array([move("alice", "D", 1), move("bob", "D", 2)]))).status == .pass)
        let swapped = Judge.verdict(expected, .returned(.array([move("bob", "D", 2), move("alice", "D", 1)])))
        #expect(swapped.status == .fail)
        #expect(swapped.difference == "events[0].moveMade.player: expected \"alice\", got \"bob\"")
        #expect(
            swapped.message
                == "expected: MoveMade(player: alice, column: D, row: 1), MoveMade(player: bob, column: D, row: 2) · got: MoveMade(player: bob, column: D, row: 2), MoveMade(player: alice, column: D, row: 1)"
        )
    }

    @Test("missing and extra events are named")
    func counts() {
        let expected = Expectation.events([started])
        #expect(
            Judge.verdict(expected, .returned(.array([]))).difference
                == "events: missing [0]: GameStarted(playerOne: alice, playerTwo: bob)")
        #expect(
            Judge.verdict(expected, .returned(.array([started, started]))).difference?.hasPrefix("events: 1 more than expected, from [1]")
                == true)
        #expect(
            Judge.verdict(.events([]), .returned(.array([started]))).message
                == "expected: no events · got: GameStarted(playerOne: alice, playerTwo: bob)")
    }

    @Test("a rejection passes when its case matches, and fails in domain words otherwise")
    func rejections() {
        #expect(Judge.verdict(.error("alreadyStarted"), .threw(type: "GameError", description: "alreadyStarted")).status == .pass)
        #expect(Judge.verdict(.error("alreadyStarted"), .threw(type: "GameError", description: "GameError.alreadyStarted")).status == .pass)
        let wrongCase = Judge.verdict(.error("alreadyStarted"), .threw(type: "GameError", description: "samePlayerTwice"))
        #expect(wrongCase == Verdict(status: .fail, message: "expected: rejected, alreadyStarted · got: rejected, samePlayerTwice"))
        let accepted = Judge.verdict(.error("notYourTurn"), .returned(.array([move("bob", "A", 1)])))
        #expect(accepted.message == "expected: rejected, notYourTurn · got: MoveMade(player: bob, column: A, row: 1)")
        let unexpected = Judge.verdict(.events([started]), .threw(type: "GameError", description: "alreadyStarted"))
        #expect(unexpected.status == .fail)
        #expect(unexpected.message.contains("got: rejected, alreadyStarted (GameError)"))
    }

    @Test("timeouts, crashes and mismatched types get their own statuses")
    func otherStatuses() {
        #expect(Judge.verdict(.events([]), .timedOut(seconds: 2)).status == .timeout)
        let crash = Judge.verdict(.events([]), .crashed("Fatal error: boom"))
        #expect(crash.status == .crash)
        #expect(crash.message.contains("Fatal error: boom"))
        #expect(Judge.verdict(.events([]), .mismatch("your types cannot read …")).status == .error)
        #expect(Judge.verdict(.events([]), .returned(.string("x"))).status == .error)
    }

    @Test("states and values compare structurally; numbers compare by value")
    func values() {
        #expect(Judge.verdict(.value(.number(1)), .returned(.number(1.0))).status == .pass)
        let state = JSONValue.object(["turn": .string("bob"), "moves": .number(3)])
        let wrong = Judge.verdict(.state(state), .returned(.object(["turn": .string("alice"), "moves": .number(3)])))
        #expect(wrong.difference == "value.turn: expected \"bob\", got \"alice\"")
        #expect(Judge.verdict(.value(.string("GameWon")), .returned(.string("WinGame"))).difference == nil)
    }

    @Test("domain words read events as a person would")
    func domainWords() {
        #expect(DomainWords.describe(started) == "GameStarted(playerOne: alice, playerTwo: bob)")
        #expect(DomainWords.describe(.object(["gameDrawn": .object([:])])) == "GameDrawn")
        #expect(DomainWords.events([]) == "no events")
        #expect(DomainWords.describe(.array([.string("A"), .string("B")])) == "[A, B]")
    }

    @Test("domain words keep what is needed to rebuild the value: nesting, dictionaries and strings that could be misread")
    func rebuildable() {
        let board = JSONValue.array([.array([.string("alice")])] + Array(repeating: .array([]), count: 6))
        #expect(DomainWords.describe(board) == "[[alice], [], [], [], [], [], []]", "seven columns, the empty ones as []")
        #expect(DomainWords.describe(.object(["Helen": .number(1)])) == "{Helen: 1}", "a dictionary is no enum case")
        #expect(DomainWords.describe(.object(["gameWon": .object(["_0": .string("alice")])])) == "GameWon(alice)")
        let blank = JSONValue.object(["gameStarted": .object(["playerOne": .string("alice"), "playerTwo": .string("   ")])])
        #expect(DomainWords.describe(blank) == #"GameStarted(playerOne: alice, playerTwo: "   ")"#)
        #expect(DomainWords.describe(.string("")) == "\"\"")
        #expect(DomainWords.describe(.string("42")) == "\"42\"", "a string of digits is no number")
        #expect(DomainWords.describe(.string("a, b")) == "\"a, b\"")
        #expect(DomainWords.swift(started) == #".gameStarted(playerOne: "alice", playerTwo: "bob")"#)
    }

    @Test("a timeout says where the learner's code was; the backtrace's innermost frame in their sources is found")
    func timeoutLocation() {
        let backtrace = """
            *** Signal 3: Backtracing from 0x5616356c2a30... done ***
              0      0x00007f79426c13f2 swift_bridgeObjectRelease + 18 in libswiftCore.so
              1 [ra] 0x00005616356c2a30 decide(_:given:) + 528 in host-bf6b at Sources/ConnectFour/Decide.swift:35:40
              2 [ra] 0x00005616356bebf4 closure #1 in static LessonBinding.main() + 51 in host-bf6b at /x/lessons/deciding/binding.swift:9:85
            """
        let location = CodeLocation.innermostLearnerFrame(in: backtrace)
        #expect(location == CodeLocation(function: "decide(_:given:)", file: "Sources/ConnectFour/Decide.swift", line: 35))
        let (printed, trace) = CodeLocation.split("hello\n" + backtrace)
        #expect(printed == "hello")
        #expect(trace?.hasPrefix("*** Signal 3") == true)
        let verdict = Judge.verdict(.events([]), .timedOut(seconds: 2), stoppedIn: location)
        #expect(verdict.message.contains("still in decide(_:given:) at Sources/ConnectFour/Decide.swift:35"))
    }
}

@Suite("Reading a suite file")
struct SuiteLoaderTests {
    @Test("scenarios are read with their given, when, then, weight and feedback")
    func reading() throws {
        let suite = try SuiteLoader.parse(
            """
            timeout: 3
            scenarios:
              - name: starting
                weight: 2
                given: []
                when:
                  decide: {startGame: {playerOne: alice, playerTwo: bob}}
                then:
                  events:
                    - gameStarted: {playerOne: alice, playerTwo: bob}
                feedback: Teach something.
              - name: twice
                given:
                  - gameStarted: {playerOne: alice, playerTwo: bob}
                when:
                  decide: {startGame: {playerOne: "", playerTwo: "1"}}
                then:
                  error: alreadyStarted
            """, displayName: "x/suite.yaml")
        #expect(suite.timeout == 3)
        #expect(suite.totalWeight == 3)
        #expect(suite.scenarios[0].when.driver == "decide")
        #expect(suite.scenarios[0].feedback == "Teach something.")
        #expect(
            suite.scenarios[0].then
                == .events([.object(["gameStarted": .object(["playerOne": .string("alice"), "playerTwo": .string("bob")])])]))
        #expect(suite.scenarios[1].then == .error("alreadyStarted"))
        // Quoted scalars stay text; plain numbers are numbers.
        #expect(suite.scenarios[1].when.input == .object(["startGame": .object(["playerOne": .string(""), "playerTwo": .string("1")])]))
        #expect(suite.scenarios[1].given.count == 1)
    }

    @Test("every problem in a suite is reported with its line")
    func problems() {
        do {
            _ = try SuiteLoader.parse(
                """
                scenarios:
                  - name: a
                    when: {decide: {}}
                    then: {evnts: []}
                  - name: a
                    wen: {decide: {}}
                    when: {decide: {}}
                    then: {events: []}
                    weight: -1
                """, displayName: "x/suite.yaml")
            Issue.record("a broken suite must not load")
        } catch {
            let messages = error.problems.map(\.description)
            #expect(messages.contains { $0.hasPrefix("x/suite.yaml:4:") && $0.contains("'then' should be one of") })
            #expect(messages.contains { $0.hasPrefix("x/suite.yaml:5:") && $0.contains("two scenarios are named 'a'") })
            #expect(messages.contains { $0.hasPrefix("x/suite.yaml:6:") && $0.contains("unknown field 'wen'; did you mean 'when'?") })
            #expect(messages.contains { $0.hasPrefix("x/suite.yaml:9:") && $0.contains("'weight' should be a whole number") })
        }
    }
}

@Suite("Compiler diagnostics for the learner")
struct CompilerDiagnosticsTests {
    @Test("the binding is never named; names it lacks become 'your code does not define'; the first error comes first")
    func arranging() {
        let binding = URL(fileURLWithPath: "/pack/deciding/binding.swift")
        let output = """
            Sources/ConnectFour/Decide.swift:3:5: warning: variable 'x' was never used
            3 |     var x = 1
            /pack/deciding/binding.swift:8:60: error: cannot find 'decide' in scope
            /pack/deciding/binding.swift:8:20: error: cannot find type 'GameCommand' in scope
            Sources/ConnectFour/Events.swift:12:9: error: expected '}' in enum
            12 |     case gameDrawn
            """
        let report = CompilerDiagnostics.report(output, binding: binding)
        #expect(report.missing == ["decide", "GameCommand"])
        #expect(!report.diagnostics.contains("/pack/"))
        #expect(report.diagnostics.hasPrefix("Sources/ConnectFour/Events.swift:12:9: error: expected '}' in enum"))
        #expect(report.diagnostics.contains("warning: variable 'x' was never used"))
    }
}
