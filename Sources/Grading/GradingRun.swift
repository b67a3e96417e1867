import Checking
import Foundation

/// A whole grading run: what was graded, how, and every submission's grade. Saved as
/// `grading.json`; every report is written from it, so merged shards give the same reports.
public struct GradingRun: Codable, Equatable, Sendable {
    public static let formatVersion = 1
    public var formatVersion = GradingRun.formatVersion
    /// Lesson ids, in course order.
    public var lessons: [String]
    /// Their numbers in the course (absent in runs saved before they were kept).
    public var lessonNumbers: [Int]?
    public var sandboxed: Bool
    public var warnings: [String]
    public var submissions: [SubmissionGrade]

    public init(lessons: [String], lessonNumbers: [Int]? = nil, sandboxed: Bool, warnings: [String], submissions: [SubmissionGrade]) {
        self.lessons = lessons
        self.lessonNumbers = lessonNumbers
        self.sandboxed = sandboxed
        self.warnings = warnings
        self.submissions = submissions
    }
}

/// One submission's grade.
public struct SubmissionGrade: Codable, Equatable, Sendable {
    public var id: String
    /// `graded`, or `error` when it could not be graded at all (say, a damaged archive).
    public var status: String
    public var message: String?
    public var lessons: [LessonGrade]
    /// Files present but never built or run: a Package.swift, plugins, binaries, links.
    public var ignored: [String]
    /// Wall-clock seconds; the one field that differs between identical runs.
    public var seconds: Double

    public var score: Int { lessons.reduce(0) { $0 + $1.score } }
    public var maxScore: Int { lessons.reduce(0) { $0 + $1.maxScore } }
}

/// One lesson of one submission.
public struct LessonGrade: Codable, Equatable, Sendable {
    public var lesson: String
    /// `pass` (every scenario), `fail`, `compile-error`, `missing` (no sources) or `timeout`.
    public var status: String
    public var score: Int
    public var maxScore: Int
    public var scenarios: [ScenarioResult]
    public var compileErrors: String?
}
