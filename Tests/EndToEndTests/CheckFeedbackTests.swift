import Foundation
import TestSupport
import Testing

/// What `check` tells a learner around the verdicts: when it compiles, under which conditions it
/// ran, and how it shows what failed.
extension CheckTests {
    /// A shell on a pseudo-terminal over this workspace.
    func terminal(columns: UInt16 = 120) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: WorkshopProcess.executable, arguments: ["--workspace", workspace.path],
            environment: WorkshopProcess.environment(home: folder.path, extra: ["TERM": "xterm", "WORKSHOP_CACHE": Self.cache]),
            columns: columns, rows: 60)
    }

    @Test("a check says it is compiling only when it compiles: an unchanged workspace says nothing of it")
    func compilingOnlyWhenCompiling() throws {
        try installReference("events-are-facts")
        let terminal = try terminal()
        try terminal.waitFor("workshop>")
        terminal.type("check 1\r")
        try terminal.waitFor("lesson complete", timeout: 120)
        #expect(terminal.transcript.contains("compiling Sources/ConnectFour"))
        let before = terminal.transcript.count
        terminal.type("check 1\r")
        try terminal.waitUntil("the second check", timeout: 60) { $0.dropFirst(before).contains("not recompiled") }
        #expect(!terminal.transcript.dropFirst(before).contains("compiling"))
        terminal.type(PseudoTerminal.Key.ctrlD)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("check --as-grader says it ran in the sandbox under the grader's limits")
    func asGraderSaysSo() throws {
        try installReference("events-are-facts")
        let result = try run(["check", "1", "--as-grader"])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.contains("as the grader: in the bubblewrap sandbox"))
        #expect(result.output.contains("s of CPU"))
    }
}

extension CheckTests {
    @Test("a timeout names the learner's function, file and line where the code was, and teaches about loops, not the scenario's rule")
    func timeoutSaysWhere() throws {
        // The loop stays in the learner's own frame (Int arithmetic is inlined): a loop inside a
        // library call can hide its caller from the runtime's frame-pointer unwinder.
        try decide(
            "        var turns = playerOne == \"carol\" ? 1 : 0\n        while turns > 0 { turns = turns &+ 1 | 1 }\n        return []")
        let (_, json) = try report("deciding")
        let scenario = try #require(
            (json["scenarios"] as? [[String: Any]])?.first { $0["name"] as? String == "a game cannot be started twice" })
        #expect(scenario["status"] as? String == "timeout")
        let message = scenario["message"] as? String ?? ""
        #expect(message.contains("still in decide(_:given:)"), "\(message)")
        #expect(message.contains("Sources/ConnectFour/Decide.swift"), "\(message)")
        let feedback = scenario["feedback"] as? String ?? ""
        #expect(feedback.contains("Sources/ConnectFour/Decide.swift"), "\(feedback)")
        #expect(!feedback.contains("gameStarted"), "the scenario's own rule is not what a loop needs")
    }

    @Test("a crash's message is said once, not again as what the code printed")
    func crashSaidOnce() throws {
        try decide("        fatalError(\"boom\")")
        let result = try run(["check", "deciding"])
        let firstFailure = try #require(result.output.components(separatedBy: "\n✗ ").dropFirst().first)
        #expect(firstFailure.components(separatedBy: "Fatal error: boom").count == 2, "\(firstFailure)")
        #expect(!firstFailure.contains("your code printed"), "the runtime's message is no output of the learner's")
    }
}

extension CheckTests {
    @Test("start 4 on a fresh workspace says how to get the earlier lessons' code, and the first check says so plainly")
    func startWithoutFoundations() throws {
        func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let start = try run(["start", "4"])
        #expect(words(start.output).contains("`catch-up 4` installs"), "\(start.output)")
        #expect(words(start.output).contains("lessons 1 (events-are-facts), 2 (deciding) and 3 (evolving)"), "\(start.output)")
        let check = try run(["check"])
        #expect(check.status == 1)
        let missing = try #require(
            words(check.output).components(separatedBy: "Your code has no ").dropFirst().first?.components(separatedBy: ";").first,
            "\(check.output)")
        for name in ["`GameState`", "`evolve`", "`GameCommand`", "`GameEvent`"] { #expect(missing.contains(name), "\(missing)") }
        #expect(words(check.output).contains("`catch-up 4` installs their reference code"))
        #expect(check.output.components(separatedBy: "cannot find type").count <= 3, "no wall of compiler errors")
    }

    @Test("check shows the first failures in full and the rest a line each; check --all shows every one")
    func failuresInFull() throws {
        try decide("        return []")
        let short = try run(["check", "deciding"])
        #expect(short.output.contains("`check --all` shows these"), "\(short.output)")
        #expect(short.output.components(separatedBy: "\n    When ").count - 1 == 3)
        let all = try run(["check", "deciding", "--all"])
        #expect(!all.output.contains("`check --all`"))
        #expect(all.output.components(separatedBy: "\n    When ").count - 1 == 10)
    }

    @Test("a failure on a game's history draws the board")
    func boardOfHistory() throws {
        try installReference("evolving")
        try install("lessons/playing-by-the-rules/starter")
        let result = try run(["check", "playing-by-the-rules", "--all"])
        #expect(result.output.contains("    A B C D E F G"), "\(result.output)")
    }

    @Test("a string that could be misread is quoted in check's output")
    func quotedStrings() throws {
        try decide("        return []")
        let deciding = try run(["check", "deciding", "--all"])
        #expect(deciding.output.contains(#"playerTwo: "   ")"#), "\(deciding.output)")
    }
}
