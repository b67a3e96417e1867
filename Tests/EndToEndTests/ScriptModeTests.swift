import Foundation
import TestSupport
import Testing

/// The shell driven through a pipe, and every command run straight from the command line.
@Suite("Script mode and the command line")
struct ScriptModeTests {
    let folder = TemporaryFolder()
    var pack: String { folder.url.appendingPathComponent("lessons").path }
    var workspace: String { folder.url.appendingPathComponent("ws").path }

    init() { PackFixture.write(in: folder, lessons: 3) }

    func run(_ arguments: [String], input: String? = nil, extra: [String: String] = [:]) throws -> WorkshopProcess.Result {
        try WorkshopProcess.run(
            ["--pack", pack, "--workspace", workspace] + arguments, input: input,
            environment: WorkshopProcess.environment(home: folder.path, extra: extra))
    }

    @Test("a script prints each command after the prompt, then its output, like a transcript")
    func transcript() throws {
        let result = try run([], input: "lessons\nstart 2\nhint\n")
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.components(separatedBy: "\n")
        #expect(lines.first == "workshop> lessons")
        let start = try #require(lines.firstIndex(of: "workshop> start 2"))
        #expect(lines[start + 1] == "lesson 02 · Lesson number 2 · 21 min")
        #expect(lines.contains("  + Sources/Game/Step2.swift"))
        let hint = try #require(lines.firstIndex(of: "workshop> hint"))
        #expect(lines[hint + 1] == "Hint 1 of 3 · Nudge")
        #expect(lines[hint + 2] == "Think about lesson-2.")
        #expect(!result.output.contains("\u{1B}["))
    }

    @Test("a mistyped command is refused in the tool's words, with the nearest command, and creates no workspace")
    func mistypedCommand() throws {
        let result = try run(["lnit"])
        #expect(result.status == 64)
        #expect(result.errors.contains("error: unknown command 'lnit'; did you mean 'lint'?"), "\(result.errors)")
        #expect(!result.errors.contains("workshop shell"), "the default shell command is not blamed")
        #expect(!FileManager.default.fileExists(atPath: workspace))
    }

    @Test("a failing command makes the exit status non-zero, and the script goes on")
    func failureStatus() throws {
        let result = try run([], input: "lesons\nstart 9\nstart 1\n")
        #expect(result.status == 1)
        #expect(result.output.contains("error: unknown command 'lesons'; did you mean 'lessons'?"))
        #expect(result.output.contains("error: there is no lesson '9'"))
        #expect(result.output.contains("lesson 01 · Lesson number 1"))
    }

    @Test("quotes, comments and blank lines in a script are handled; an unclosed quote is an error")
    func scriptSyntax() throws {
        let result = try run([], input: "# a comment\n\nstart \"lesson-1\"\nstart \"lesson-2\n")
        #expect(result.status == 1)
        #expect(result.output.contains("lesson 01 · Lesson number 1"))
        #expect(result.output.contains("a \" quote is never closed"))
    }

    @Test("a closed standard input ends the shell quietly with status 0")
    func closedInput() throws {
        let result = try run([], input: nil)
        #expect(result.status == 0)
        #expect(result.output.isEmpty)
    }

    @Test("every shell command runs straight from the command line, with its own exit status")
    func commandLine() throws {
        #expect(try run(["start", "2"]).status == 0)
        let lessons = try run(["lessons", "--json"])
        #expect(lessons.status == 0)
        let entries = try JSONSerialization.jsonObject(with: Data(lessons.output.utf8)) as? [[String: Any]]
        #expect(entries?.count == 3)
        #expect(entries?[1]["status"] as? String == "in progress")
        #expect(entries?[1]["current"] as? Bool == true)
        let missing = try run(["start", "nine"])
        #expect(missing.status != 0)
        #expect(missing.errors.contains("there is no lesson 'nine'"))
        let unknown = try run(["bogus"])
        #expect(unknown.status != 0)
    }

    @Test("the workspace also comes from WORKSHOP_WORKSPACE")
    func workspaceFromEnvironment() throws {
        let other = folder.url.appendingPathComponent("elsewhere").path
        let result = try WorkshopProcess.run(
            ["--pack", pack, "start", "1"],
            environment: WorkshopProcess.environment(home: folder.path, extra: ["WORKSHOP_WORKSPACE": other]))
        #expect(result.status == 0, "\(result.errors)")
        #expect(FileManager.default.fileExists(atPath: other + "/Sources/Game/Step1.swift"))
    }

    @Test("progress and events show what was done, as a projection and as the stream")
    func progressAndEvents() throws {
        _ = try run([], input: "start 1\nhint\nhint\nnext\n")
        let progress = try run(["progress", "--json"])
        let entries = try JSONSerialization.jsonObject(with: Data(progress.output.utf8)) as? [[String: Any]]
        #expect(entries?[0]["hintsUsed"] as? Int == 2)
        #expect(entries?[1]["status"] as? String == "in progress")
        let events = try run(["events"])
        #expect(events.output.contains("stream $progress-learner · 4 events"))
        #expect(events.output.contains("HintShown"))
        let agenda = try run(["agenda"])
        #expect(agenda.output.contains("09:00–09:20  01  Lesson number 1 (20 min)"))
        #expect(agenda.output.contains("☕ Coffee (15 min)"))
        #expect(agenda.output.contains("◀ you are here"))
    }

    @Test("help lists the commands, and help COMMAND shows its usage")
    func help() throws {
        let result = try run([], input: "help\nhelp start\nhelp strat\n")
        #expect(result.output.contains("lessons   List the lessons and where you stand in each."))
        #expect(result.output.contains("USAGE: start <lesson>"), "the shell's usage, without the command line's `workshop`")
        #expect(result.output.contains("no command 'strat'; did you mean 'start'?"))
    }

    @Test("a broken pack is reported whole, with files and lines, and nothing crashes")
    func brokenPack() throws {
        folder.write("lessons/lesson-2/lesson.md", "---\nid: lesson-2\nduration: many\n---\n")
        folder.remove("lessons/lesson-3/hints.md")
        let result = try run(["lessons"])
        #expect(result.status == 1)
        #expect(result.errors.contains("has 4 problems"))
        #expect(result.errors.contains("lesson-2/lesson.md:3: 'duration' should be a whole number"))
        #expect(result.errors.contains("lesson-3/hints.md: is missing"))
    }

    @Test("a workspace that cannot be written gets a message saying what to do")
    func unwritableWorkspace() throws {
        folder.write("blocker", "a file, not a folder")
        let result = try WorkshopProcess.run(
            ["--pack", pack, "--workspace", folder.url.appendingPathComponent("blocker/ws").path, "lessons"],
            environment: WorkshopProcess.environment(home: folder.path))
        #expect(result.status == 1)
        #expect(result.errors.contains("cannot write the workspace"))
        #expect(result.errors.contains("--workspace DIR"))
    }
}
