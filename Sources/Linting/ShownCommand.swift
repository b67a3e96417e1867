import Curriculum
import Foundation

/// A `workshop> …` line in a lesson's text or hints, anywhere (prose, plain code blocks, sessions):
/// what the text tells a learner to type, so lint makes sure it would run.
public struct ShownCommand: Sendable, Equatable {
    /// The file, relative to the pack: `deciding/lesson.md`.
    public var file: String
    /// The line in that file, from 1 (front matter counted).
    public var line: Int
    /// What follows the prompt, as a learner would type it.
    public var command: String

    public static let prompt = "workshop> "

    /// Every shown command of a file's text.
    public static func commands(in text: String, file: String) -> [ShownCommand] {
        text.components(separatedBy: "\n").enumerated().compactMap { index, line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(prompt) else { return nil }
            return ShownCommand(file: file, line: index + 1, command: String(trimmed.dropFirst(prompt.count)))
        }
    }

    /// Every shown command of a lesson's `lesson.md` and `hints.md`, read from its folder so the
    /// lines are the file's own.
    public static func commands(of lesson: Lesson) -> [ShownCommand] {
        [CoursePackLoader.lessonFile, CoursePackLoader.hintsFile].flatMap { name -> [ShownCommand] in
            let url = lesson.folder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
            return commands(in: text, file: "\(lesson.id)/\(name)")
        }
    }

    /// A problem, with file and line, for each shown command of the lesson that would not run;
    /// `problem` says why a line would not run on a lesson, or nil if it would.
    public static func problems(of lesson: Lesson, _ problem: (Lesson, String) -> String?) -> [String] {
        commands(of: lesson).compactMap { shown in
            problem(lesson, shown.command).map { "\(shown.file):\(shown.line): `workshop> \(shown.command)` would not run: \($0)" }
        }
    }
}
