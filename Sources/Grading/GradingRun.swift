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
    /// Each lesson's maximum, in `lessons` order (for the rows of learners who handed nothing in).
    public var lessonMaxScores: [Int]?
    /// The course's learners (`--roster`): joined to the gradebook; kept here so merges keep it.
    public var roster: [Learner]?
    /// `I/N` when this run graded one slice: its reports then leave missing learners to the merge.
    public var shard: String?
    /// Manual changes of points (`adjustments.csv`), applied on top of the automatic scores.
    public var adjustments: [Adjustment]?
    /// Ids whose grades were taken unchanged from the last run into the same folder (not saved).
    public var reused: [String] = []

    enum CodingKeys: String, CodingKey {
        case formatVersion, lessons, lessonNumbers, sandboxed, warnings, submissions, policy, lessonMaxScores, roster, shard, adjustments
    }

    public init(
        lessons: [String], lessonNumbers: [Int]? = nil, sandboxed: Bool, warnings: [String], submissions: [SubmissionGrade],
        policy: GradingPolicy = GradingPolicy(), lessonMaxScores: [Int]? = nil, roster: [Learner]? = nil, shard: String? = nil,
        adjustments: [Adjustment]? = nil, reused: [String] = []
    ) {
        self.adjustments = adjustments
        self.reused = reused
        self.policy = policy
        self.lessonMaxScores = lessonMaxScores
        self.roster = roster
        self.shard = shard
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
    /// When it was handed in, and where that was read (`submission_metadata.json`, a file's time).
    public var submitted: Date? = nil
    public var submittedFrom: String? = nil
    /// The fingerprint of the submission's content (InputKeys), for regrading only what changed.
    public var contentKey: String? = nil

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
    /// The fingerprint of everything this grade depends on (InputKeys).
    public var inputKey: String? = nil
    /// Set when the code is the course's reference or the lesson was skipped: its status in every
    /// report, scored by the run's `ReferenceCredit`.
    public var origin: CodeOrigin? = nil

    /// The status every report shows: the origin when there is one, else how it ran.
    public var shownStatus: String { origin?.rawValue ?? status.rawValue }
}

/// The instructor's choices for scores: what an ungradable submission gets.
public struct GradingPolicy: Codable, Equatable, Sendable {
    public var ungradable: UngradablePolicy
    /// When the work was due (`--due`): decides `after-due` scenarios, and lateness.
    public var due: Date?
    public var late: LatePolicy
    /// What reference code and skipped lessons score (`--reference-code`).
    public var referenceCode: ReferenceCredit

    public init(
        ungradable: UngradablePolicy = .zero, due: Date? = nil, late: LatePolicy = LatePolicy(), referenceCode: ReferenceCredit = .none
    ) {
        self.ungradable = ungradable
        self.due = due
        self.late = late
        self.referenceCode = referenceCode
    }

    enum CodingKeys: String, CodingKey { case ungradable, due, late, referenceCode }

    /// Runs saved before `referenceCode` existed gave reference code full credit.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ungradable = try container.decode(UngradablePolicy.self, forKey: .ungradable)
        due = try container.decodeIfPresent(Date.self, forKey: .due)
        late = try container.decode(LatePolicy.self, forKey: .late)
        referenceCode = try container.decodeIfPresent(ReferenceCredit.self, forKey: .referenceCode) ?? .full
    }
}
