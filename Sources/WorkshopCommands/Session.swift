import Curriculum
import Foundation
import Playground
import Room
import Shell
import StoreWindow
import ToolFiles
import Workspace

/// Everything a command works with: the course, the learner's workspace and where to write.
final class Session: @unchecked Sendable {
    // @unchecked Sendable: `window`, `forwarder` and `isShell` are set on the shell's thread before anything else shares the session; the rest is `let`.
    let course: Course
    let workspace: Workspace
    let out: Output
    let terminal: Terminal
    /// Domain commands and their warm hosts.
    lazy var playground = Playground(session: self)
    /// The web window (`ui`), once opened; it serves until the shell ends.
    var window: WindowServer?
    /// Forwards progress to the room the workspace joined, while the shell runs.
    var forwarder: RoomForwarder?
    /// Set by the shell: commands that run in the background there finish before returning from the command line.
    var isShell = false
    /// When this session began: the room's suggestions made before it are not asked (nobody was there).
    let started = Date()

    init(course: Course, workspace: Workspace, out: Output, terminal: Terminal) {
        self.course = course
        self.workspace = workspace
        self.out = out
        self.terminal = terminal
    }

    /// Loads the pack and opens (or creates) the workspace named by the options or the environment.
    static func open(
        _ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Session {
        let terminal = Terminal.current(environment: environment)
        let course = try CoursePackLoader.load(from: packFolder(options, environment: environment))
        let workspaceFolder = options.workspace ?? environment[Workspace.environmentVariable] ?? Workspace.defaultFolderName
        let workspace = try Workspace(root: URL(fileURLWithPath: workspaceFolder), storeURL: options.store ?? environment["WORKSHOP_STORE"])
        return Session(course: course, workspace: workspace, out: .standard(terminal: terminal), terminal: terminal)
    }

    static func packFolder(_ options: GlobalOptions, environment: [String: String]) -> URL {
        if let folder = options.pack ?? environment["WORKSHOP_PACK"] { return URL(fileURLWithPath: folder) }
        return (ToolLocation.packageRoot ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .appendingPathComponent("lessons")
    }

    // MARK: Lessons

    /// The lesson a reference names (number or id), or an error that suggests the nearest.
    func lesson(_ reference: String) throws -> Lesson { try Self.lesson(reference, in: course) }

    /// A lesson of `course` by number or id, or an error that suggests the closest id.
    static func lesson(_ reference: String, in course: Course) throws -> Lesson {
        if let lesson = course.lesson(reference) { return lesson }
        let suggestion = Suggestion.closest(to: reference, among: course.lessons.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
        throw WorkshopError(
            "there is no lesson '\(reference)'\(suggestion) (lessons are numbered 1 to \(course.lessons.count); `lessons` lists them)")
    }

    /// The lesson the learner is on, if any has been started.
    func currentLesson() throws -> Lesson? {
        try workspace.progress().currentLesson.flatMap(course.lesson)
    }

    /// The named lesson, else the current one, else an error saying how to start.
    func lessonOrCurrent(_ reference: String?) throws -> Lesson {
        if let reference { return try lesson(reference) }
        if let current = try currentLesson() { return current }
        throw WorkshopError("no lesson started yet; `start 1` begins the first")
    }

    /// The lessons whose code `lesson` builds on (earlier ones in its module, and its prerequisites)
    /// that this workspace has neither completed nor skipped.
    func unfinishedFoundations(of lesson: Lesson) throws -> [Lesson] {
        let progress = try workspace.progress()
        return course.lessons.prefix(lesson.number - 1).filter { earlier in
            (earlier.module == lesson.module || lesson.prerequisites.contains(earlier.id))
                && ![.completed, .skipped].contains(progress[earlier.id].status)
        }
    }

    /// How to get the code of unfinished earlier lessons, said where it is missing.
    func foundationsAdvice(for lesson: Lesson, unfinished: [Lesson]) -> String {
        let names = unfinished.map { "\($0.number) (\($0.id))" }
        let list = names.count == 1 ? "lesson \(names[0])" : "lessons " + names.dropLast().joined(separator: ", ") + " and \(names.last!)"
        return "this lesson builds on the code of \(list), not done in this workspace: `catch-up \(lesson.number)` installs"
            + " their reference code, or `start \(unfinished[0].number)` to write it yourself."
    }

    /// "lesson 02 · Deciding · 25 min"
    func title(of lesson: Lesson) -> String {
        "lesson \(Self.number(lesson)) · \(lesson.title) · \(lesson.duration) min"
    }

    static func number(_ lesson: Lesson) -> String {
        lesson.number < 10 ? "0\(lesson.number)" : "\(lesson.number)"
    }

    /// Writes a value as pretty JSON with sorted keys (`--json`).
    func json<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        out.line(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Runs a command, paging what it prints when the command says it can be long.
    func run(_ command: any WorkshopCommand) throws {
        if type(of: command).pagesOutput { try paged { try command.run(in: self) } } else { try command.run(in: self) }
    }

    /// Runs `body`; on a terminal, what it printed goes through the pager when it is taller than
    /// the window (never on a pipe, so scripts and transcripts get every line).
    func paged(_ body: () throws -> Void) throws {
        guard terminal.isInteractive, isatty(STDOUT_FILENO) == 1 else { return try body() }
        var failure: Error?
        let text = out.capturing {
            do { try body() } catch { failure = error }
        }
        Pager().show(text, rows: Terminal.windowHeight(of: STDOUT_FILENO))
        if let failure { throw failure }
    }

    /// An error line, wrapped to the screen under its label.
    func error(_ message: String) {
        out.paragraph(out.styled("error: ", .failure, .bold) + message, hanging: "       ")
    }
}
