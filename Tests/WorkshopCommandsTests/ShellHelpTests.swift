import ArgumentParser
import Curriculum
import Foundation
import Shell
import TestSupport
import Testing
import Workspace

@testable import WorkshopCommands

/// `help` in the shell, and the small things a learner reads on the first day.
@Suite("The shell's help and first-day details")
struct ShellHelpTests {
    let folder = TemporaryFolder()
    let table: CommandTable
    let screen: () -> String
    let workspace: Workspace

    init() throws {
        let course = try CoursePackLoader.load(from: WorkshopProcess.repositoryRoot.appendingPathComponent("lessons"))
        let shell = try InProcessShell(course: course, in: folder)
        (table, screen, workspace) = (shell.table, shell.screen, shell.workspace)
    }

    @Test("help lists the lesson's domain commands in a section of their own, with their arguments")
    func domainCommandsInHelp() {
        _ = table.execute(["start", "4"])
        _ = table.execute(["help"])
        let text = screen()
        let section = text.range(of: "Your domain's commands")
        #expect(section != nil)
        let after = section.map { String(text[$0.upperBound...]) } ?? ""
        #expect(after.contains("start-game GAME PLAYERONE PLAYERTWO"))
        #expect(after.contains("move GAME PLAYER COLUMN"))
    }

    @Test("from the projections lesson on, help lists the read models too, and help NAME shows one")
    func readModelsInHelp() {
        _ = table.execute(["catch-up", "9"])
        _ = table.execute(["help"])
        #expect(screen().contains("loyalty CUSTOMER"))
        #expect(table.execute(["help", "queue"]) == .success)
        #expect(screen().contains("USAGE: queue"))
    }

    @Test("help NAME shows a domain command: usage, what it does, the values an argument takes, its id, its stream")
    func helpOfDomainCommand() {
        _ = table.execute(["start", "4"])
        #expect(table.execute(["help", "move"]) == .success)
        let text = screen()
        #expect(text.contains("USAGE: move GAME PLAYER COLUMN [--id ID] [--shared]"))
        #expect(text.contains("--id ID sends the command under that id"), "the same id again is the same command")
        #expect(text.contains("COLUMN (one of A, B, C, D, E, F, G)"))
        #expect(text.contains("land on game-GAME"))
        #expect(table.execute(["help", "place-order"]) == .failure, "a later lesson's command is not offered yet")
    }

    @Test("help COMMAND in the shell leaves out what only the command line has")
    func shellUsage() {
        #expect(table.execute(["help", "check"]) == .success)
        #expect(table.execute(["check", "--help"]) == .success)
        let text = screen()
        #expect(text.contains("USAGE: check [<lesson>] [--json] [--as-grader]"))
        #expect(text.contains("A pass completes the lesson."))
        for flag in ["--workspace", "--pack", "--store", "--version", "--help", "exit status", "USAGE: workshop"] {
            #expect(!text.contains(flag), "\(flag) is for the command line")
        }
    }

    @Test("a command's discussion is paragraphs for the help to wrap, never lines wrapped by hand")
    func discussionsAreParagraphs() {
        // The argument parser wraps a discussion to the terminal; a line broken in the source as
        // well came out as a ragged half-line every other line at 80 columns.
        var commands: [any ParsableCommand.Type] = [Workshop.self]
        var seen = 0
        while let command = commands.popLast() {
            seen += 1
            commands += command.configuration.subcommands
            let lines = command.configuration.discussion.split(separator: "\n", omittingEmptySubsequences: false)
            for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !next.isEmpty {
                #expect(next.hasPrefix("e.g."), "\(command.configuration.commandName ?? "?"): a line break after '\(line.suffix(30))'")
            }
        }
        #expect(seen > 20, "every command and subcommand was looked at")
    }

    @Test("the shell's usage text wraps the usage line to the screen, under its label")
    func usageWraps() {
        let help =
            "OVERVIEW: x\n\nUSAGE: workshop state [--workspace <dir>] [--pack <dir>] [--store <url>] <stream> [<when> ...] [--json]\n"
        let lines = ShellHelp.shellUsage(help, width: 30)
        #expect(lines.allSatisfy { $0.count <= 30 }, "\(lines)")
        #expect(lines.contains("USAGE: state <stream> [<when>"))
    }

    @Test("the refusal of a solution tells a learner what to do, not the instructor's flag")
    func solutionRefusal() {
        _ = table.execute(["start", "2"])
        #expect(table.execute(["solution"]) == .failure)
        let text = screen()
        #expect(text.contains("opens once your code passes `check`"))
        #expect(!text.contains("--instructor"))
    }

    @Test("the agenda's marker moves on from a finished lesson to the next one not done")
    func agendaMarker() throws {
        try workspace.record(.lessonStarted(lesson: "events-are-facts"))
        _ = table.execute(["agenda"])
        #expect(screen().components(separatedBy: "\n").first { $0.contains("you are here") }?.contains("Events are facts") == true)
        try workspace.record(.lessonCompleted(lesson: "events-are-facts"))
        _ = table.execute(["agenda"])
        let marked = screen().components(separatedBy: "\n").filter { $0.contains("you are here") }
        #expect(marked.count == 2)
        #expect(marked.last?.contains("02") == true, "\(marked)")
    }

    @Test("progress shows a lesson opened moments ago as under a minute, not 0 min")
    func progressMinutes() throws {
        try workspace.record(.lessonStarted(lesson: "events-are-facts"))
        _ = table.execute(["progress"])
        let row = screen().components(separatedBy: "\n").first { $0.contains("events-are-facts") } ?? ""
        #expect(row.contains("<1 min"), "\(row)")
        #expect(!row.contains(" 0 min"))
    }

    @Test("progress says which lesson's reference was seen before it was passed, in the table and in JSON")
    func progressReferenceSeenEarly() throws {
        try workspace.record(.lessonStarted(lesson: "deciding"))
        try workspace.record(.referenceViewedEarly(lesson: "deciding"))
        _ = table.execute(["progress"])
        let lines = screen().components(separatedBy: "\n")
        #expect(lines.first { $0.contains("deciding") }?.hasSuffix("seen early") == true, "\(lines)")
        #expect(lines.first { $0.contains("evolving") }?.contains("seen early") == false)
        _ = table.execute(["progress", "--json"])
        #expect(screen().contains("\"referenceViewedEarly\" : true"))
    }

    @Test("clear is a command of the shell")
    func clear() {
        #expect(table.execute(["clear"]) == .success)
        #expect(!screen().contains("unknown command"))
    }
}

@Suite("Replay's keys")
struct ReplayStepperTests {
    @Test("Enter, Space and → step on; ← steps back; q, Esc, Ctrl-C and Ctrl-D stop")
    func stepping() {
        var stepper = ReplayStepper(events: 3)
        #expect(stepper.press(.enter) == .show(1))
        #expect(stepper.press(.space) == .show(2))
        #expect(stepper.press(.arrow(.left)) == .show(1))
        #expect(stepper.press(.arrow(.right)) == .show(2))
        for stop in [KeyPress.character("q"), .escape, .interrupt, .endOfInput] {
            var fresh = ReplayStepper(events: 3)
            #expect(fresh.press(stop) == .stop(typed: nil))
        }
    }

    @Test("a number jumps to that revision: at once when no longer number could follow, else on Enter")
    func jumping() {
        var short = ReplayStepper(events: 5)
        #expect(short.press(.character("3")) == .show(4))
        var long = ReplayStepper(events: 30)
        #expect(long.press(.character("1")) == .wait)
        #expect(long.prompt.contains("jump to revision 1_"))
        #expect(long.press(.character("2")) == .show(13), "12 * 10 is past the last revision, 29")
        #expect(long.press(.character("2")) == .wait)
        #expect(long.press(.enter) == .show(3))
        #expect(long.press(.character("1")) == .wait)
        #expect(long.press(.backspace) == .wait)
        #expect(long.digits.isEmpty)
    }

    @Test("any other key stops and is kept for the next command")
    func typedAhead() {
        var stepper = ReplayStepper(events: 3)
        #expect(stepper.press(.character("s")) == .stop(typed: "s"))
    }
}

/// Another pack than this course: the shell's words come from it, never from Connect Four.
@Suite("The shell speaks of the pack it loaded")
struct OtherPackHelpTests {
    @Test("help's example of naming a lesson is the loaded pack's own lesson, not this course's")
    func namingExample() throws {
        let folder = TemporaryFolder()
        let course = try CoursePackLoader.load(from: PackFixture.write(in: folder, lessons: 2))
        let workspace = try Workspace(root: folder.url.appendingPathComponent("ws"))
        let (output, screen) = Output.buffer(width: 100)
        let table = CommandTable(
            session: Session(
                course: course, workspace: workspace, out: output, terminal: Terminal(isInteractive: false, usesColour: false, width: 100)))
        _ = table.execute(["help"])
        let text = screen().replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("(`start 2`, `start lesson-2`)"), "\(text)")
        #expect(!text.contains("deciding"))
    }
}
