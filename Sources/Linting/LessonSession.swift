import Curriculum
import Foundation

/// A shell session shown in a lesson's text, in a ```` ```session ```` block: `workshop> ` lines
/// are typed, the lines after each are what the shell prints. Lint replays it against the reference.
public struct LessonSession: Sendable, Equatable {
    /// The block's opening line, from 1, in the text it was read from (`sessions(of:)`: the lesson's
    /// file, front matter counted, so an author is sent to the right line).
    public var line: Int
    public var commands: [String]
    /// The whole block as the shell prints it in script mode.
    public var transcript: [String]

    /// The sessions of a lesson's `lesson.md`, read from its folder so the lines are the file's own.
    public static func sessions(of lesson: Lesson) -> [LessonSession] {
        let url = lesson.folder.appendingPathComponent(CoursePackLoader.lessonFile)
        return (try? String(contentsOf: url, encoding: .utf8)).map(sessions(in:)) ?? sessions(in: lesson.text)
    }

    public static func sessions(in text: String) -> [LessonSession] {
        var sessions: [LessonSession] = []
        var current: [String]?
        var start = 0
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed == "```session" {
                current = []
                start = index + 1
            } else if current != nil, trimmed.hasPrefix("```") {
                let lines = current ?? []
                sessions.append(
                    LessonSession(
                        line: start, commands: lines.filter { $0.hasPrefix("workshop> ") }.map { String($0.dropFirst(10)) },
                        transcript: lines))
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        return sessions
    }

    /// Where a replay's output departs from the text, or nil if it prints what the text shows.
    public func firstDifference(from output: String) -> String? {
        let got = output.components(separatedBy: "\n").map { String($0.reversed().drop { $0 == " " }.reversed()) }
        let expected = transcript.map { String($0.reversed().drop { $0 == " " }.reversed()) }
        for (index, line) in expected.enumerated() {
            guard index < got.count else { return "the text shows \"\(line)\", the shell stopped before it" }
            if Self.normalised(got[index]) != Self.normalised(line) {
                return "the text shows \"\(line)\", the shell printed \"\(got[index])\""
            }
        }
        return nil
    }

    /// A line with what differs on every run made alike: clock times (`11:55:02`) and short event
    /// ids (`92d3aa47`, eight hex digits with at least one digit), so a text can show a real stream.
    static func normalised(_ line: String) -> String {
        line.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let isTime =
                word.count == 8
                && word.enumerated().allSatisfy { index, character in
                    [2, 5].contains(index) ? character == ":" : character.isASCII && character.isNumber
                }
            let isShortId =
                word.count == 8 && word.allSatisfy(\.isHexDigit) && word.contains(where: \.isNumber) && word.lowercased() == word
            return isTime ? "hh:mm:ss" : isShortId ? "xxxxxxxx" : String(word)
        }.joined(separator: " ")
    }
}
