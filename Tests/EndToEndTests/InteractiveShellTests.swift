import Foundation
import TestSupport
import Testing

/// The shell as a person uses it: on a terminal, typing keys, reading the screen.
@Suite("The interactive shell on a terminal", .serialized)
struct InteractiveShellTests {
    let folder = TemporaryFolder()

    init() { PackFixture.write(in: folder, lessons: 3) }

    var arguments: [String] {
        ["--pack", folder.url.appendingPathComponent("lessons").path, "--workspace", folder.url.appendingPathComponent("ws").path]
    }

    func open(extra: [String: String] = ["TERM": "xterm"], columns: UInt16 = 80) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: WorkshopProcess.executable, arguments: arguments,
            environment: WorkshopProcess.environment(home: folder.path, extra: extra), columns: columns)
    }

    @Test("typing a command runs it; Ctrl-D leaves with status 0")
    func typingAndLeaving() throws {
        let terminal = try open()
        try terminal.waitFor("workshop>")
        terminal.type("start 1" + PseudoTerminal.Key.enter)
        try terminal.waitFor("+ Sources/Game/Step1.swift")
        terminal.type(PseudoTerminal.Key.ctrlD)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("Tab completes command names and lesson ids")
    func tabCompletion() throws {
        let terminal = try open()
        try terminal.waitFor("workshop>")
        terminal.type("pro" + PseudoTerminal.Key.tab)
        try terminal.waitFor("workshop> progress")
        terminal.type(
            PseudoTerminal.Key.ctrlA + PseudoTerminal.Key.ctrlK + "start lesson-" + PseudoTerminal.Key.tab + PseudoTerminal.Key.tab)
        // Several lessons match: the editor lists them.
        try terminal.waitFor("lesson-1  lesson-2  lesson-3")
        terminal.type("3" + PseudoTerminal.Key.enter)
        try terminal.waitFor("lesson 03 · Lesson number 3")
        terminal.type("quit" + PseudoTerminal.Key.enter)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("Up recalls the last command, also in the next run; Ctrl-R searches history")
    func history() throws {
        do {
            let terminal = try open()
            try terminal.waitFor("workshop>")
            terminal.type("agenda" + PseudoTerminal.Key.enter)
            try terminal.waitFor("Day one")
            terminal.type("help hint" + PseudoTerminal.Key.enter)
            try terminal.waitFor("USAGE: hint")
            terminal.type(PseudoTerminal.Key.ctrlD)
            #expect(terminal.waitForExit() == 0)
        }
        let terminal = try open()
        try terminal.waitFor("workshop>")
        terminal.type(PseudoTerminal.Key.up)
        try terminal.waitFor("workshop> help hint")
        terminal.type(PseudoTerminal.Key.up + PseudoTerminal.Key.enter)
        try terminal.waitFor("Coffee")
        // Typed before the prompt is back, Ctrl-R would meet the terminal's own line discipline
        // (its reprint key), not the editor.
        try terminal.waitUntil("the prompt after the agenda") { $0.hasSuffix("workshop>") }
        terminal.type(PseudoTerminal.Key.ctrlR + "agen")
        try terminal.waitFor("agen")
        // Enter takes the line found; the tty flushes what was typed ahead of a Ctrl-C, so no Ctrl-C here.
        terminal.type(PseudoTerminal.Key.enter)
        try terminal.waitUntil("the agenda a second time") { $0.components(separatedBy: "Day one").count == 3 }
        terminal.type("quit" + PseudoTerminal.Key.enter)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("Ctrl-C abandons the line being typed and the shell stays")
    func interrupt() throws {
        let terminal = try open()
        try terminal.waitFor("workshop>")
        terminal.type("start 2")
        try terminal.waitFor("workshop> start 2")
        terminal.type(PseudoTerminal.Key.ctrlC)
        try terminal.waitFor("^C")
        terminal.type("lessons" + PseudoTerminal.Key.enter)
        try terminal.waitFor("Lesson number 3")
        // The abandoned line did not run: no lesson was started.
        #expect(!terminal.screen.contains("lesson 02 ·"))
        terminal.type("quit" + PseudoTerminal.Key.enter)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("under a parent in the same job (as `make run` starts it), Ctrl-C reaches only the shell")
    func interruptUnderParent() throws {
        let command = [
            WorkshopProcess.executable, "--pack", folder.url.appendingPathComponent("lessons").path,
            "--workspace", folder.url.appendingPathComponent("ws").path,
        ].map { "'\($0)'" }.joined(separator: " ")
        let terminal = try PseudoTerminal(
            executable: "/bin/sh", arguments: ["-c", "\(command); echo parent carried on after status $?"],
            environment: WorkshopProcess.environment(home: folder.path, extra: ["TERM": "xterm"]))
        try terminal.waitFor("workshop>")
        terminal.type("lesso")
        try terminal.waitFor("workshop> lesso")
        terminal.type(PseudoTerminal.Key.ctrlC)
        try terminal.waitFor("^C")
        terminal.type("quit" + PseudoTerminal.Key.enter)
        try terminal.waitFor("parent carried on after status 0")
        #expect(terminal.waitForExit() == 0)
    }

    @Test("~/.editrc is honoured: a key bound there for workshop works in the shell")
    func editrc() throws {
        folder.write(".editrc", "workshop:bind ^T ed-move-to-beg\n")
        let terminal = try open()
        try terminal.waitFor("workshop>")
        terminal.type("lessons\u{14}x" + PseudoTerminal.Key.enter)
        try terminal.waitFor("unknown command 'xlessons'")
        terminal.type(PseudoTerminal.Key.ctrlD)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("editing keys: Ctrl-A and Ctrl-E move, Ctrl-W deletes a word, arrows move the cursor")
    func editingKeys() throws {
        let terminal = try open()
        try terminal.waitFor("workshop>")
        terminal.type("lesson 2 oops" + PseudoTerminal.Key.ctrlW + PseudoTerminal.Key.ctrlA + "x" + PseudoTerminal.Key.ctrlA)
        terminal.type("\u{1B}[3~" + PseudoTerminal.Key.ctrlE + PseudoTerminal.Key.enter)
        try terminal.waitFor("lesson 02 · Lesson number 2")
        terminal.type("quit" + PseudoTerminal.Key.enter)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("unknown commands get a suggestion; colour shows on a terminal, and never with NO_COLOR")
    func suggestionsAndColour() throws {
        let coloured = try open()
        try coloured.waitFor("workshop>")
        coloured.type("lesons" + PseudoTerminal.Key.enter)
        try coloured.waitFor("did you mean 'lessons'?")
        #expect(coloured.transcript.contains("\u{1B}[31;1merror: "))
        coloured.type(PseudoTerminal.Key.ctrlD)
        #expect(coloured.waitForExit() == 0)

        let plain = try open(extra: ["TERM": "xterm", "NO_COLOR": "1"])
        try plain.waitFor("workshop>")
        plain.type("lesons" + PseudoTerminal.Key.enter)
        try plain.waitFor("did you mean 'lessons'?")
        #expect(!plain.transcript.contains("\u{1B}[31;1m"))
        #expect(!plain.transcript.contains("\u{1B}[1;36m"), "the prompt is plain too")
        plain.type(PseudoTerminal.Key.ctrlD)
        #expect(plain.waitForExit() == 0)
    }

    @Test("the banner says where the learner is, and text wraps to the terminal's width")
    func bannerAndWidth() throws {
        _ = try WorkshopProcess.run(arguments + ["start", "2"], environment: WorkshopProcess.environment(home: folder.path))
        // No pager: the whole help is to be seen at once.
        let terminal = try open(extra: ["TERM": "xterm", "PAGER": ""], columns: 40)
        try terminal.waitFor("lesson 02 · Lesson number 2 · 21 min")
        terminal.type("help" + PseudoTerminal.Key.enter)
        let screen = try terminal.waitFor("quit")
        #expect(screen.components(separatedBy: "\n").allSatisfy { $0.count <= 40 }, "\(screen)")
        terminal.type(PseudoTerminal.Key.ctrlD)
        #expect(terminal.waitForExit() == 0)
    }
}
