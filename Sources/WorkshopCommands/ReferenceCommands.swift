import ArgumentParser
import Curriculum
import Foundation
import Shell
import Workspace

/// `solution [N]`: the reference solution, once the lesson has passed (or for an instructor).
struct SolutionCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "solution", abstract: "Show a lesson's reference solution, once your code passes it.")
    static let completions: [ArgumentCompletion] = [.lesson]
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The lesson's number or id (default: the current one).", valueName: "lesson")) var reference: String?
    // Hidden from learners' help: it is the instructor's (README), and a refusal should not advertise it.
    @Flag(help: ArgumentHelp("Show it before the lesson passes (for instructors).", visibility: .hidden)) var instructor = false

    func run(in session: Session) throws {
        let lesson = try session.lessonOrCurrent(reference)
        let status = try session.workspace.progress()[lesson.id].status
        // A skipped lesson's reference is in the workspace already, so it is no secret any more.
        guard instructor || status == .completed || status == .skipped else {
            throw WorkshopError(
                "the reference for lesson \(lesson.number) opens once your code passes `check`; `hint` helps in tiers, and `skip` moves on without credit"
            )
        }
        let reference = try session.course.composedReference(of: lesson)
        guard !reference.changed.isEmpty else {
            throw WorkshopError("lesson \(lesson.number) has no reference solution in solutions/\(lesson.id)/")
        }
        // Looking is recorded: a reference shown before the lesson passed is a fact of the learner's history.
        let early = status != .completed && status != .skipped
        if early { try session.workspace.record(.referenceViewedEarly(lesson: lesson.id)) }
        let out = session.out
        out.line(out.styled("reference · \(session.title(of: lesson))", .accent))
        if early {
            out.line(out.styled("shown before the lesson passed, and recorded so (`events` shows it; a joined room sees it)", .dim))
        }
        for (path, text) in reference.texts.sorted(by: { $0.key < $1.key }) {
            out.line()
            out.line(out.styled("── \(path)", .bold))
            for line in text.components(separatedBy: "\n") { out.line(out.styled(line, .code)) }
        }
    }
}

/// `catch-up N`: install the references of every lesson before N, so a late learner joins the room.
struct CatchUpCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "catch-up", abstract: "Join at lesson N: install the reference code of every lesson before it you have not passed.",
        discussion:
            "Lessons you passed keep your own code. The others are recorded as skipped (no credit); a file of yours that their reference changes is moved to the workspace's .workshop/set-aside/, never deleted, and catch-up says which."
    )
    static let completions: [ArgumentCompletion] = [.lesson]
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The lesson to join at.", valueName: "lesson")) var reference: String

    func run(in session: Session) throws {
        let target = try session.lesson(reference)
        let progress = try session.workspace.progress()
        let out = session.out
        for lesson in session.course.lessons.prefix(target.number - 1) {
            // The learner's passing code is theirs: a reference would only take their work away.
            guard progress[lesson.id].status != .completed else {
                out.line(out.styled("✓ ", .success) + "lesson \(Session.number(lesson)) · \(lesson.title): passed with your own code, kept")
                continue
            }
            try ReferenceInstall.apply(lesson, in: session)
        }
        try StartCommand.begin(target, in: session)
    }
}

/// `skip`: install the current lesson's reference code and record it as skipped.
struct SkipCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "skip", abstract: "Skip the current lesson: install its reference code (no credit), then `next`.")
    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        guard let lesson = try session.currentLesson() else { throw WorkshopError("no lesson started yet; `start 1` begins the first") }
        try ReferenceInstall.apply(lesson, in: session)
        session.out.paragraph(session.out.styled("`next` moves on; any file of yours replaced is kept under .workshop/set-aside/.", .dim))
    }
}

/// Installs one lesson's reference and records the skip, saying what moved where.
enum ReferenceInstall {
    static func apply(_ lesson: Lesson, in session: Session) throws {
        let out = session.out
        let report = try session.workspace.installReference(of: lesson, in: session.course)
        if try session.workspace.progress()[lesson.id].status != .completed {
            try session.workspace.record(.lessonSkipped(lesson: lesson.id))
        }
        out.line(
            out.styled("↷ ", .dim) + "lesson \(Session.number(lesson)) · \(lesson.title): reference installed"
                + (report.installed.isEmpty ? " (already in place)" : ""))
        for (path, aside) in report.setAside.sorted(by: { $0.key < $1.key }) {
            out.paragraph(
                "replaced your \(path) with this lesson's reference, which changes it; yours is kept at \(aside)", indent: "    ",
                hanging: "      ")
        }
        for path in report.kept {
            out.paragraph("kept your \(path): this lesson's reference does not change it", indent: "    ", hanging: "      ")
        }
    }
}
