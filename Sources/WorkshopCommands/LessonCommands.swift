import ArgumentParser
import Curriculum
import Foundation
import Shell
import Workspace

/// `lessons`: every lesson with its status.
struct LessonsCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(commandName: "lessons", abstract: "List the lessons and where you stand in each.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON instead of a table.") var json = false

    struct Entry: Encodable {
        var number: Int
        var id: String
        var title: String
        var minutes: Int
        var status: String
        var current: Bool
        /// On an optional day: for when time allows.
        var optional: Bool
    }

    func run(in session: Session) throws {
        let progress = try session.workspace.progress()
        let course = session.course
        let entries = course.lessons.map { lesson in
            Entry(
                number: lesson.number, id: lesson.id, title: lesson.title, minutes: lesson.duration,
                status: progress[lesson.id].status.rawValue, current: progress.currentLesson == lesson.id,
                optional: course.day(of: lesson)?.isOptional ?? false)
        }
        if json { return try session.json(entries) }
        let out = session.out
        let rows = entries.map { entry in
            [
                (entry.current ? "▸ " : "  ") + (entry.number < 10 ? "0\(entry.number)" : "\(entry.number)"),
                entry.id, "\(entry.minutes) min", Self.badge(entry.status, out),
                entry.title + (entry.optional ? out.styled(" · optional", .dim) : ""),
            ]
        }
        for line in TableRenderer(styler: out.styler, width: out.width).render(
            header: ["  #", "id", "time", "status", "title"], rows: rows)
        {
            out.line(line)
        }
    }

    static func badge(_ status: String, _ out: Output) -> String {
        switch LessonStatus(rawValue: status) {
        case .completed: out.styled("✓ done", .success)
        case .inProgress: out.styled("● started", .warning)
        case .skipped: out.styled("↷ skipped", .dim)
        default: out.styled("· new", .dim)
        }
    }
}

/// `lesson [N|id]`: the lesson's text, rendered for the terminal.
struct LessonCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(commandName: "lesson", abstract: "Read a lesson's text (the current one by default).")
    static let completions: [ArgumentCompletion] = [.lesson]
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The lesson's number or id.", valueName: "lesson")) var reference: String?

    func run(in session: Session) throws {
        let lesson = try session.lessonOrCurrent(reference)
        let out = session.out
        out.line(out.styled(session.title(of: lesson), .accent))
        out.line()
        out.line(out.styled("You will be able to:", .bold))
        for objective in lesson.objectives {
            for line in TextWrapper.wrap(objective, width: out.width, firstPrefix: "  • ", restPrefix: "    ") { out.line(line) }
        }
        out.line()
        for line in MarkdownRenderer(styler: out.styler, width: out.width).render(lesson.text) { out.line(line) }
        out.line()
        out.line(out.styled("`hint` helps in \(lesson.hints.count) tiers · `next` moves on", .dim))
    }
}

/// `start N|id`: make a lesson the current one and copy its starter files in.
struct StartCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start a lesson: copy its starter files into your workspace.",
        discussion: "Files you have edited are never overwritten; the lesson's version is kept beside them.")
    static let completions: [ArgumentCompletion] = [.lesson]
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The lesson's number or id.", valueName: "lesson")) var reference: String

    func run(in session: Session) throws {
        try Self.begin(try session.lesson(reference), in: session)
    }

    /// Starts a lesson: records it, installs its starter, says what changed in the workspace.
    static func begin(_ lesson: Lesson, in session: Session) throws {
        let out = session.out
        let report = try session.workspace.installStarter(of: lesson)
        try session.workspace.record(.lessonStarted(lesson: lesson.id))
        out.line(out.styled(session.title(of: lesson), .accent))
        let unfinished = try session.unfinishedFoundations(of: lesson)
        if !unfinished.isEmpty {
            out.paragraph(out.styled("note: ", .warning) + session.foundationsAdvice(for: lesson, unfinished: unfinished))
        }
        for path in report.added { out.line("  " + out.styled("+ ", .success) + path) }
        for path in report.updated {
            out.line("  " + out.styled("~ ", .warning) + path + " (the new lesson's version; you had not edited it)")
        }
        for kept in report.kept {
            out.paragraph(
                "  " + out.styled("= ", .dim) + "\(kept.path) kept as you wrote it; the lesson's version is at \(kept.lessonVersion)")
        }
        out.paragraph(out.styled("Your code lives in \(session.workspace.root.path)/Sources. `lesson` shows the text.", .dim))
    }
}

/// `next`: start the lesson after the current one.
struct NextCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(commandName: "next", abstract: "Start the next lesson.")
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        guard let current = try session.currentLesson() else {
            return try StartCommand.begin(session.course.lessons[0], in: session)
        }
        guard let next = session.course.lesson(after: current) else {
            throw WorkshopError("lesson \(current.number) is the last one; `progress` shows what is left to finish")
        }
        try StartCommand.begin(next, in: session)
    }
}

/// `prev`: start the lesson before the current one.
struct PrevCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(commandName: "prev", abstract: "Go back to the previous lesson.")
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        guard let current = try session.currentLesson(), let previous = session.course.lesson(before: current) else {
            throw WorkshopError("there is no lesson before this one; `lessons` lists them all")
        }
        try StartCommand.begin(previous, in: session)
    }
}

/// `hint`: the next tier of help for the current lesson; each use is recorded.
struct HintCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "hint", abstract: "Show the next hint for the current lesson.",
        discussion: "Hints come in tiers: a nudge, an approach, nearly the answer. `hint N` shows a tier you have already seen.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Show this tier again (one already seen).", valueName: "tier")) var tier: Int?

    func run(in session: Session) throws {
        guard let lesson = try session.currentLesson() else {
            throw WorkshopError("no lesson started yet; `start 1` begins the first")
        }
        let used = try session.workspace.progress()[lesson.id].hintsUsed
        let out = session.out
        let shown: Int
        if let tier {
            guard (1...max(1, used)).contains(tier), tier <= lesson.hints.count else {
                throw WorkshopError(
                    used == 0 ? "no hints seen yet; `hint` shows the first" : "you have seen hints 1 to \(used); `hint` shows the next")
            }
            shown = tier
        } else if used >= lesson.hints.count {
            out.paragraph(
                "That was the last hint (\(lesson.hints.count) of \(lesson.hints.count)). `hint N` shows one again; the reference solution opens once the lesson passes."
            )
            return
        } else {
            shown = used + 1
            try session.workspace.record(.hintShown(lesson: lesson.id, tier: shown))
        }
        let hint = lesson.hints[shown - 1]
        out.line(out.styled("Hint \(shown) of \(lesson.hints.count) · \(hint.title)", .accent))
        for line in MarkdownRenderer(styler: out.styler, width: out.width).render(hint.text) { out.line(line) }
    }
}
