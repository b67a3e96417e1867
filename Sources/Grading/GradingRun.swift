import Checking
import Foundation

/// A whole grading run: what was graded, how, and every submission's grade. Saved as
/// `grading.json`; every report is written from it, so merged shards give the same reports.
public struct GradingRun: Codable, Equatable, Sendable {
    /// 2: statuses became enums (`unreadable` where 1 wrote `error`) and the run keeps its policy.
    public static let formatVersion = 2
    public var formatVersion = GradingRun.formatVersion
    /// Lesson ids, in course order.
    public var lessons: [String]
    /// Their numbers in the course (absent in runs saved before they were kept).
    public var lessonNumbers: [Int]?
    public var sandboxed: Bool
    public var warnings: [String]
    public var submissions: [SubmissionGrade]
    /// How scores are decided beyond the scenarios: kept with the run, so merged shards and
    /// rewritten reports score the same way.
    public var policy: GradingPolicy

    public init(
        lessons: [String], lessonNumbers: [Int]? = nil, sandboxed: Bool, warnings: [String], submissions: [SubmissionGrade],
        policy: GradingPolicy = GradingPolicy()
    ) {
        self.policy = policy
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
    public var status: SubmissionStatus
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
    public var status: LessonStatus
    public var score: Int
    public var maxScore: Int
    public var scenarios: [ScenarioResult]
    public var compileErrors: String?
}

/// The instructor's choices for scores: what an ungradable submission gets.
public struct GradingPolicy: Codable, Equatable, Sendable {
    public var ungradable: UngradablePolicy
    /// When the work was due (`--due`): decides `after-due` scenarios, and lateness.
    public var due: Date?

    public init(ungradable: UngradablePolicy = .zero, due: Date? = nil) {
        self.ungradable = ungradable
        self.due = due
    }
}
