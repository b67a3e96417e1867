import Foundation

/// A submission's score as every report shows it, from its grade and the run: each lesson's
/// automatic score (blank when it could not be graded and the policy says blank), their raw
/// total, lateness against the due date (moved by the learner's extra days), and the final score.
public struct FinalScore: Sendable, Equatable {
    /// Each lesson's automatic score, by lesson id; nil is blank.
    public var lessons: [String: Int?]
    /// The automatic total; nil when nothing of the submission ran and the policy is blank.
    public var raw: Int?
    public var maxScore: Int
    /// Days late (nil without `--due` or a submission time), and the percentage taken off.
    public var lateDays: Int?
    public var penalty: Double
    /// Manual points on top of the automatic ones (adjustments.csv), and their sum.
    public var adjustments: [Adjustment]
    public var adjusted: Double { adjustments.reduce(0) { $0 + $1.points } }
    /// What the learner gets: (raw + adjustments, never below 0) less the late penalty.
    public var total: Double?

    public init(_ submission: SubmissionGrade, in run: GradingRun) {
        let policy = run.policy
        let blank = policy.ungradable == .blank
        var lessons: [String: Int?] = [:]
        var credited = 0
        for lesson in submission.lessons {
            // Reference code and skipped lessons earn what the policy says (default: nothing).
            let earned = lesson.origin != nil && policy.referenceCode == .none ? 0 : lesson.score
            credited += earned
            lessons[lesson.lesson] = blank && !lesson.status.ran ? nil : earned
        }
        self.lessons = lessons
        maxScore = submission.maxScore
        raw = blank && !submission.anyLessonRan ? nil : credited
        if let due = policy.due, let submitted = submission.submitted {
            let days = LatePolicy.daysLate(submitted: submitted, due: due, extraDays: run.learner(submission.id)?.extraDays ?? 0)
            lateDays = days
            penalty = policy.late.penalty(daysLate: days)
        } else {
            lateDays = nil
            penalty = 0
        }
        let penalty = penalty
        adjustments = run.adjustments(of: submission.id)
        // A blank score with adjustments is the instructor's decision: the adjustments are the score.
        let base = raw.map(Double.init) ?? (adjustments.isEmpty ? nil : 0)
        let adjusted = adjustments.reduce(0) { $0 + $1.points }
        total = base.map { (max(0, $0 + adjusted) * (100 - penalty) / 100 * 100).rounded() / 100 }
    }

    /// The score of a lesson as a cell: blank, or its points.
    public func cell(_ lesson: String) -> String {
        guard let entry = lessons[lesson] else { return "" }
        return entry.map(String.init) ?? ""
    }

    /// A line on lateness for a learner, or nil when on time or unknown.
    public var lateness: String? {
        guard let lateDays, lateDays > 0 else { return nil }
        let days = lateDays == 1 ? "1 day" : "\(lateDays) days"
        guard penalty > 0 else { return "Handed in \(days) late, within the grace allowed: no penalty." }
        return "Handed in \(days) late: \(Self.text(penalty))% off (\(raw.map(String.init) ?? "no score") → \(Self.text(total)))."
    }

    /// The adjustments for a learner, a line each, or none.
    public var adjustmentLines: [String] {
        adjustments.map { adjustment in
            let points = (adjustment.points > 0 ? "+" : "") + Self.text(adjustment.points)
            return
                "\(points) (\(adjustment.lesson ?? "whole submission")): \(adjustment.reason.isEmpty ? "adjusted by hand" : adjustment.reason)"
        }
    }

    /// A score as text: whole numbers without a decimal point, else two decimals.
    public static func text(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded() { return String(Int(value)) }
        return String(format: "%.2f", value)
    }
}
