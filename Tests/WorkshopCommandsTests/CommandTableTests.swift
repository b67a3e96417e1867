import Checking
import Curriculum
import Foundation
import Linting
import Shell
import TestSupport
import Testing
import Workspace

@testable import WorkshopCommands

/// The one command table, driven in-process: parsing, dispatch, errors and completion.
@Suite("The command table")
struct CommandTableTests {
    let folder = TemporaryFolder()
    let table: CommandTable
    let screen: () -> String

    init() throws {
        let shell = try InProcessShell(course: CoursePackLoader.load(from: PackFixture.write(in: folder, lessons: 3)), in: folder)
        (table, screen) = (shell.table, shell.screen)
    }

    @Test("every command of the table parses its arguments with swift-argument-parser")
    func parsing() throws {
        let start = try #require(try Workshop.parseAsRoot(["start", "2"]) as? StartCommand)
        #expect(start.reference == "2")
        let hint = try #require(try Workshop.parseAsRoot(["hint", "1"]) as? HintCommand)
        #expect(hint.tier == 1)
        let events = try #require(try Workshop.parseAsRoot(["--workspace", "/tmp/x", "events", "--last", "3"]) as? EventsCommand)
        #expect(events.window.last == 3)
        #expect(events.global.workspace == "/tmp/x")
        #expect(try Workshop.parseAsRoot([]) is ShellCommand)
        #expect(throws: (any Error).self) { try Workshop.parseAsRoot(["hint", "many"]) }
    }

    @Test("a line runs its command; an unknown one fails with a suggestion")
    func dispatch() {
        #expect(table.execute(["start", "lesson-2"]) == .success)
        #expect(screen().contains("lesson 02 · Lesson number 2 · 21 min"))
        #expect(table.execute(["strat", "1"]) == .failure)
        #expect(screen().contains("unknown command 'strat'; did you mean 'start'?"))
        #expect(table.execute(["quit"]) == .quit)
        #expect(table.execute(["EXIT"]) == .quit)
    }

    @Test("bad arguments fail with the command's own message; --help prints usage and succeeds")
    func argumentErrors() {
        #expect(table.execute(["start"]) == .failure)
        #expect(screen().contains("Missing expected argument '<lesson>'"))
        #expect(table.execute(["hint", "x"]) == .failure)
        #expect(table.execute(["lessons", "--help"]) == .success)
        #expect(screen().contains("USAGE: lessons [--json]"))
        #expect(table.execute(["lessons", "--workspace", "/elsewhere"]) == .failure)
        #expect(screen().contains("apply when the shell starts"))
    }

    @Test("next and prev walk the course; past either end is a clear error")
    func walking() {
        #expect(table.execute(["next"]) == .success)
        #expect(screen().contains("lesson 01 ·"))
        #expect(table.execute(["prev"]) == .failure)
        #expect(screen().contains("no lesson before this one"))
        #expect(table.execute(["start", "3"]) == .success)
        #expect(table.execute(["next"]) == .failure)
        #expect(screen().contains("lesson 3 is the last one"))
        #expect(table.execute(["prev"]) == .success)
        #expect(screen().contains("lesson 02 ·"))
    }

    @Test("hints come one tier at a time, are recorded, and run out politely")
    func hints() throws {
        #expect(table.execute(["hint"]) == .failure)
        #expect(screen().contains("no lesson started yet"))
        _ = table.execute(["start", "1"])
        for _ in 0..<4 { #expect(table.execute(["hint"]) == .success) }
        let text = screen()
        #expect(text.contains("Hint 1 of 3 · Nudge"))
        #expect(text.contains("Hint 3 of 3 · Nearly the answer"))
        #expect(text.contains("That was the last hint"))
        #expect(try table.session.workspace.progress()["lesson-1"].hintsUsed == 3)
        #expect(table.execute(["hint", "2"]) == .success)
        #expect(table.execute(["hint", "9"]) == .failure)
    }

    @Test("Tab offers command names, then lesson numbers and ids where a lesson is expected")
    func completion() {
        let completion = table.completion
        #expect(Completion.complete("ne", source: completion) == ["next"])
        #expect(Completion.complete("start lesson-", source: completion) == ["lesson-1", "lesson-2", "lesson-3"])
        #expect(Completion.complete("lesson ", source: completion).contains("2"))
        #expect(Completion.complete("help pro", source: completion) == ["progress"])
        #expect(Completion.complete("agenda ", source: completion) == ["all"])
        #expect(Completion.complete("next ", source: completion) == [])
    }

    @Test("lesson shows the title, objectives and rendered text")
    func lessonText() {
        _ = table.execute(["lesson", "2"])
        let text = screen()
        #expect(text.contains("lesson 02 · Lesson number 2 · 21 min"))
        #expect(text.contains("  • Understand thing 2"))
        #expect(text.contains("LESSON 2"))
        #expect(text.contains("    let x = 2"))
        #expect(!text.contains("```"))
    }
}

@Suite("The course in this repository")
struct RepositoryCourseTests {
    @Test("lessons/ loads without a single problem, its suites included")
    func loads() throws {
        let course = try CoursePackLoader.load(from: WorkshopProcess.repositoryRoot.appendingPathComponent("lessons"), suites: .withThePack)
        let folders = try FileManager.default.contentsOfDirectory(
            at: WorkshopProcess.repositoryRoot.appendingPathComponent("lessons"), includingPropertiesForKeys: nil
        ).filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("lesson.md").path) }
        #expect(course.lessons.count == folders.count, "every lesson folder is in course.yaml, and nothing else is")
        #expect(course.lessons.count == 17)
        for lesson in course.lessons {
            #expect(lesson.hints.count >= 3, "\(lesson.id) needs three tiers of hints")
            #expect(!lesson.starterFiles.isEmpty, "\(lesson.id) needs starter files")
            #expect(
                FileManager.default.fileExists(atPath: course.overlayFolder(of: lesson).path),
                "\(lesson.id) needs a reference solution")
        }
    }

    @Test("every workshop> line in the course's lesson texts and hints would run on its lesson")
    func shownCommandsRun() throws {
        let course = try CoursePackLoader.load(from: WorkshopProcess.repositoryRoot.appendingPathComponent("lessons"))
        let problems = course.lessons.flatMap { lesson in
            ShownCommand.problems(of: lesson) { TypedLineCheck.problem(with: $1, on: $0, in: course) }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(ShownCommand.commands(of: course.lessons[0]).count >= 5, "lesson 1 shows the shell's commands")
    }

    @Test("a typed line is checked against the command table and the domain commands of the lessons so far")
    func typedLines() throws {
        let course = try CoursePackLoader.load(from: WorkshopProcess.repositoryRoot.appendingPathComponent("lessons"))
        let first = course.lessons[0], deciding = try #require(course.lesson("deciding"))
        #expect(TypedLineCheck.problem(with: "show game-42", on: deciding, in: course) == nil)
        #expect(TypedLineCheck.problem(with: "start-game 42 alice bob   # your decide", on: deciding, in: course) == nil)
        #expect(TypedLineCheck.problem(with: "events game-42", on: deciding, in: course)?.contains("game-42") == true)
        #expect(TypedLineCheck.problem(with: "start-game 42 alice", on: deciding, in: course)?.contains("usage: start-game") == true)
        #expect(TypedLineCheck.problem(with: "start-game 42 alice bob", on: first, in: course)?.contains("no command 'start-game'") == true)
        #expect(TypedLineCheck.problem(with: "help nothing", on: first, in: course) != nil)
        #expect(TypedLineCheck.problem(with: "say \"open", on: first, in: course) != nil)
        let projections = try #require(course.lesson("projections"))
        #expect(TypedLineCheck.problem(with: "loyalty helen", on: projections, in: course) == nil, "a read model of the lesson")
        #expect(TypedLineCheck.problem(with: "loyalty", on: projections, in: course)?.contains("usage: loyalty") == true)
        #expect(TypedLineCheck.problem(with: "queue", on: deciding, in: course) != nil, "not before its lesson")
        #expect(TypedLineCheck.problem(with: "help move", on: projections, in: course) == nil, "help knows domain commands")
        #expect(TypedLineCheck.problem(with: "clear", on: first, in: course) == nil)
    }

    @Test("lesson 4 says where rows count from 1 and where from 0, in its text and its starter, not only in the last hint")
    func rowNumbering() throws {
        let course = try CoursePackLoader.load(from: WorkshopProcess.repositoryRoot.appendingPathComponent("lessons"))
        let lesson = try #require(course.lesson("playing-by-the-rules"))
        let yourTurn = try #require(lesson.text.range(of: "## Your turn"))
        #expect(lesson.text[..<yourTurn.lowerBound].contains("row: row - 1"), "the text, before the learner starts writing")
        let rules = try String(contentsOf: lesson.starterFolder.appendingPathComponent("Sources/ConnectFour/Rules.swift"), encoding: .utf8)
        #expect(rules.contains("row: row - 1"), "the starter, beside connectsFour")
    }

    @Test("every question the course's suites ask reads in the domain's words, and lesson 1's does not spell out its answer")
    func questionsInDomainWords() throws {
        let course = try CoursePackLoader.load(from: WorkshopProcess.repositoryRoot.appendingPathComponent("lessons"))
        for lesson in course.lessons {
            let suite = try #require(try course.suite(of: lesson))
            let drivers = Set(suite.scenarios.map(\.when.driver)).subtracting(["decide"])
            #expect(
                drivers.subtracting(suite.asks.keys).isEmpty,
                "\(lesson.id) needs asks: for \(drivers.subtracting(suite.asks.keys).sorted())")
        }
        let first = try #require(course.lessons.first)
        let suite = try #require(try course.suite(of: first))
        let runner = CheckRunner(lesson: first.id, suite: suite)
        for scenario in suite.scenarios {
            if case .value(.string(let answer)) = scenario.then {
                #expect(!runner.when(scenario).contains(answer), "the When line gives away \(answer): \(runner.when(scenario))")
            }
        }
    }
}
