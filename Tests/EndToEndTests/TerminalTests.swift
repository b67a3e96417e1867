import Foundation
import TestSupport
import Testing

/// The shell at a terminal where it reads keys outside the line editor (replay's steps, the
/// pager) and where the window changes under it, as a learner meets them.
@Suite("The shell on a terminal: replay's keys, the pager, a resized window, Ctrl-C", .serialized)
struct TerminalTests {
    let folder = TemporaryFolder()
    var workspace: URL { folder.url.appendingPathComponent("ws") }
    static let root = WorkshopProcess.repositoryRoot

    var environment: [String: String] {
        WorkshopProcess.environment(home: folder.path, extra: ["WORKSHOP_CACHE": CheckTests.cache, "TERM": "xterm", "COLUMNS": "100"])
    }

    func run(_ arguments: [String], input: String? = nil, extra: [String: String] = [:]) throws -> WorkshopProcess.Result {
        try WorkshopProcess.run(["--workspace", workspace.path] + arguments, input: input, environment: environment.merging(extra) { $1 })
    }

    func shell(columns: UInt16 = 100, rows: UInt16 = 30, extra: [String: String] = [:]) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            executable: WorkshopProcess.executable, arguments: ["--workspace", workspace.path],
            environment: environment.merging(extra) { $1 }, columns: columns, rows: rows)
        try terminal.waitFor("workshop>")
        return terminal
    }

    /// Lessons 1–4 as the references have them, and a game of four moves on game-1.
    func playedGame() throws {
        #expect(try run(["catch-up", "5"]).status == 0)
        let moves = ["start-game 1 alice bob", "move 1 alice A", "move 1 bob B", "move 1 alice A", "move 1 bob C"]
        #expect(try run([], input: moves.joined(separator: "\n") + "\n").status == 0)
    }

    @Test("replay steps on single keys: Space and Enter step, a number jumps, q stops at once, without Enter")
    func replayKeys() throws {
        try playedGame()
        let terminal = try shell()
        terminal.type("replay game-1" + PseudoTerminal.Key.enter)
        try terminal.waitFor("Enter/Space: next", timeout: 60)
        terminal.type(" ")
        try terminal.waitFor("after revision 0: GameStarted")
        terminal.type(PseudoTerminal.Key.enter)
        try terminal.waitFor("after revision 1: MoveMade")
        terminal.type("3")
        try terminal.waitFor("after revision 3: MoveMade")
        #expect(terminal.screen.contains("  2 X · · · · · ·"))
        terminal.type("q")
        try terminal.waitUntil("the prompt after q") { $0.hasSuffix("workshop>") }
        terminal.type("quit" + PseudoTerminal.Key.enter)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("Ctrl-C and Ctrl-D at replay's prompt end the replay, and the shell answers the next command")
    func replayInterrupted() throws {
        try playedGame()
        let terminal = try shell()
        for key in [PseudoTerminal.Key.ctrlC, PseudoTerminal.Key.ctrlD] {
            terminal.clearTranscript()
            terminal.type("replay game-1" + PseudoTerminal.Key.enter)
            try terminal.waitFor("Enter/Space: next", timeout: 60)
            terminal.type(key)
            try terminal.waitUntil("the prompt after the key") { $0.hasSuffix("workshop>") }
        }
        terminal.clearTranscript()
        terminal.type("streams" + PseudoTerminal.Key.enter)
        try terminal.waitFor("game-1")
        terminal.type("quit" + PseudoTerminal.Key.enter)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("a key that is not replay's stops it and starts the next command: nothing typed is lost")
    func replayTypeAhead() throws {
        try playedGame()
        let terminal = try shell()
        terminal.type("replay game-1" + PseudoTerminal.Key.enter)
        try terminal.waitFor("Enter/Space: next", timeout: 60)
        terminal.type("show game-1")
        try terminal.waitFor("workshop> show game-1")
        terminal.type(PseudoTerminal.Key.enter)
        try terminal.waitFor("stream game-1 · category game")
        // And it reached history, as a typed command does.
        terminal.type(PseudoTerminal.Key.up)
        try terminal.waitUntil("the command recalled") { $0.hasSuffix("workshop> show game-1") }
        terminal.type(PseudoTerminal.Key.ctrlA + PseudoTerminal.Key.ctrlK + "quit" + PseudoTerminal.Key.enter)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("Ctrl-C stops a domain command whose code loops, at once and without waiting for the timeout")
    func interruptLoopingCommand() throws {
        #expect(try run(["catch-up", "2"]).status == 0)
        var decide = try ReferenceCode.text(of: "deciding", "Sources/ConnectFour/Decide.swift")
        decide = decide.replacingOccurrences(of: "        // History first:", with: "        while true {}\n        // History first:")
        folder.write("ws/Sources/ConnectFour/Decide.swift", decide)
        let terminal = try shell()
        terminal.type("start-game 1 alice bob" + PseudoTerminal.Key.enter)
        try terminal.waitFor("workshop> start-game 1 alice bob")
        // Wait until the host is built and asked (the compile comes first).
        try terminal.waitUntil("the host to be running", timeout: 90) { _ in Self.hostIsRunning(in: workspace) }
        terminal.type(PseudoTerminal.Key.ctrlC)
        try terminal.waitFor("stopped (Ctrl-C) · nothing was appended", timeout: 3)
        #expect(!terminal.screen.contains("did not answer within"))
        terminal.type("streams" + PseudoTerminal.Key.enter)
        try terminal.waitFor("streams")
        terminal.type("quit" + PseudoTerminal.Key.enter)
        #expect(terminal.waitForExit() == 0)
    }

    /// Whether a learner host built in this workspace is running (its executable lives in the build folder).
    static func hostIsRunning(in workspace: URL) -> Bool {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.contains { pid in
            guard Int(pid) != nil, let command = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8) else { return false }
            return command.hasPrefix(workspace.path) && command.contains("host-")
        }
    }

    @Test("a resized window: the shell carries on and wraps to the new width")
    func resize() throws {
        #expect(try run(["start", "1"]).status == 0)
        // No pager here: the whole help is to be seen at once.
        let terminal = try shell(columns: 100, extra: ["PAGER": ""])
        terminal.resize(columns: 50, rows: 30)
        terminal.clearTranscript()
        terminal.type("state no-such-stream-with-a-long-name" + PseudoTerminal.Key.enter)
        try terminal.waitFor("error:")
        terminal.type("help" + PseudoTerminal.Key.enter)
        try terminal.waitFor("quit")
        let lines = terminal.screen.components(separatedBy: "\n")
        #expect(lines.allSatisfy { $0.count <= 50 }, "every line fits the narrowed window:\n\(terminal.screen)")
        #expect(lines.contains { $0.hasPrefix("       ") }, "the error wraps under its label")
        terminal.type("quit" + PseudoTerminal.Key.enter)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("long output goes through $PAGER on a terminal; short output and a pipe never do")
    func pagerOnTerminal() throws {
        #expect(try run(["start", "2"]).status == 0)
        let marker = ["PAGER": "sed 's/^/paged: /'"]
        let terminal = try shell(rows: 24, extra: marker)
        terminal.type("lesson" + PseudoTerminal.Key.enter)
        try terminal.waitFor("paged: lesson 02")
        try terminal.waitUntil("the prompt after the pager") { $0.hasSuffix("workshop>") }
        terminal.clearTranscript()
        terminal.type("hint" + PseudoTerminal.Key.enter)
        try terminal.waitUntil("the hint") { $0.hasSuffix("workshop>") && $0.contains("hint") }
        #expect(!terminal.screen.contains("paged:"), "a hint fits on the screen")
        terminal.type("quit" + PseudoTerminal.Key.enter)
        #expect(terminal.waitForExit() == 0)
        let piped = try run(["lesson"], extra: marker)
        #expect(piped.status == 0)
        #expect(piped.output.hasPrefix("lesson 02"))
        #expect(!piped.output.contains("paged:"))
    }

    @Test("with less as the pager, q leaves it and the shell goes on")
    func lessPager() throws {
        #expect(try run(["start", "2"]).status == 0)
        let terminal = try shell(rows: 24)
        terminal.type("lesson" + PseudoTerminal.Key.enter)
        try terminal.waitUntil("less's prompt") { $0.hasSuffix(":") }
        terminal.type("q")
        try terminal.waitUntil("the prompt after q") { $0.hasSuffix("workshop>") }
        terminal.type("quit" + PseudoTerminal.Key.enter)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("Up skips a command run twice in a row: history keeps one entry for it")
    func historyWithoutRepeats() throws {
        let terminal = try shell()
        for command in ["lessons", "progress", "progress"] {
            terminal.type(command + PseudoTerminal.Key.enter)
            try terminal.waitUntil("\(command) answered") { $0.hasSuffix("workshop>") }
        }
        terminal.type(PseudoTerminal.Key.up + PseudoTerminal.Key.up)
        try terminal.waitUntil("the command before the repeats") { $0.hasSuffix("workshop> lessons") }
        terminal.type(PseudoTerminal.Key.ctrlA + PseudoTerminal.Key.ctrlK + "quit" + PseudoTerminal.Key.enter)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("prepare builds the kit once, saying so; the next time it is ready at once")
    func prepare() throws {
        let cache = folder.url.appendingPathComponent("fresh-cache").path
        let first = try run(["prepare"], extra: ["WORKSHOP_CACHE": cache])
        #expect(first.status == 0)
        #expect(first.output.contains("building the kit your code compiles against"))
        #expect(first.output.contains("the kit is ready ("))
        let second = try run(["prepare"], extra: ["WORKSHOP_CACHE": cache])
        #expect(second.output == "the kit is ready\n")
    }
}
