import Foundation

/// A submission's score as every report shows it, from its grade and the run's policy: each
/// lesson's automatic score (blank when it could not be graded and the policy says blank), the
/// raw total of them, and the final score.
public struct FinalScore: Sendable, Equatable {
    /// Each lesson's automatic score, by lesson id; nil is blank.
    public var lessons: [String: Int?]
    /// The automatic total; nil when nothing of the submission ran and the policy is blank.
    public var raw: Int?
    public var maxScore: Int
    /// What the learner gets.
    public var total: Double?

    public init(_ submission: SubmissionGrade, in run: GradingRun) {
        let policy = run.policy
        let blank = policy.ungradable == .blank
        var lessons: [String: Int?] = [:]
        for lesson in submission.lessons {
            lessons[lesson.lesson] = blank && !lesson.status.ran ? nil : lesson.score
        }
        self.lessons = lessons
        maxScore = submission.maxScore
        raw = blank && !submission.anyLessonRan ? nil : submission.score
        total = raw.map(Double.init)
    }

    /// The score of a lesson as a cell: blank, or its points.
    public func cell(_ lesson: String) -> String {
        guard let entry = lessons[lesson] else { return "" }
        return entry.map(String.init) ?? ""
    }

    /// A score as text: whole numbers without a decimal point, else two decimals.
    public static func text(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded() { return String(Int(value)) }
        return String(format: "%.2f", value)
    }
}
