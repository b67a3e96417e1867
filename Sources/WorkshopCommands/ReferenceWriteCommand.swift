import ArgumentParser
import Curriculum
import Foundation

/// `workshop reference N --to DIR`: the whole reference of a lesson as one folder, for its author.
///
/// `solutions/<lesson>/` holds only what a lesson adds or changes, so no folder there is complete;
/// this writes the composition (the same one catch-up, skip, solution and lint use) where an author
/// can build it, open it in an editor or diff it against a learner's workspace.
struct ReferenceWriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference", abstract: "Write lesson N's whole reference code (its overlay on the earlier lessons') into a folder.",
        discussion: """
            For lesson authors. solutions/<lesson>/ holds only what a lesson writes: <path>.patch of its starter's \
            file or of the earlier lessons' file, or a whole new file; solutions/<lesson>.wrong/<name>.patch only the \
            lines a wrong solution changes. This writes the composed \
            reference of the lessons up to N in the lesson's module (with --wrong, that wrong solution laid \
            over it) into a new or empty folder, laid out as a learner's workspace (Sources/<Module>/…). \
            solutions/ lives beside the pack: for --pack DIR, in DIR/../solutions/.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The lesson's number or id.", valueName: "lesson")) var reference: String
    @Option(name: .customLong("to"), help: ArgumentHelp("The folder to write into (new, or empty).", valueName: "dir")) var folder: String
    @Option(help: ArgumentHelp("One of the lesson's wrong solutions, laid over its reference.", valueName: "name")) var wrong: String?

    func run() throws {
        let course = try CoursePackLoader.load(from: Session.packFolder(global, environment: ProcessInfo.processInfo.environment))
        let lesson = try Session.lesson(reference, in: course)
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let present = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
        guard present.isEmpty else { throw WorkshopError("\(target.path) is not empty; give --to a new or empty folder") }
        let composed = try course.composedReference(of: lesson, wrong: wrong)
        guard !composed.changed.isEmpty else {
            let folder = course.overlayFolder(of: lesson).path
            throw WorkshopError("lesson \(lesson.number) (\(lesson.id)) has no reference solution in \(folder)/")
        }
        try composed.write(into: target)
        let what = wrong.map { "the wrong solution '\($0)' of lesson \(lesson.number)" } ?? "the reference of lesson \(lesson.number)"
        print("wrote \(what) · \(lesson.title) to \(target.path): \(composed.files.count) files")
        for path in composed.paths {
            print("  \(path)" + (composed.changed.contains(path) ? (wrong == nil ? "  (this lesson's)" : "  (changed)") : ""))
        }
    }
}
