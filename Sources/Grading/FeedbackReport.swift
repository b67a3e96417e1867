import Checking
import Foundation

/// A learner's feedback file (Markdown): their score per lesson, then each failed scenario.
public enum FeedbackReport {
    public static func markdown(_ submission: SubmissionGrade, in run: GradingRun, shown: Disclosure) -> String {
        let score = FinalScore(submission, in: run)
        let scoreText = score.total.map { "**\(FinalScore.text($0)) / \(score.maxScore)**" } ?? "not scored yet (out of \(score.maxScore))"
        var lines = ["# Feedback for \(submission.id)", "", "Score: \(scoreText)", ""]
        if !score.adjustments.isEmpty {
            lines += ["Adjusted by your instructor:"] + score.adjustmentLines.map { "- " + $0 } + [""]
        }
        if let lateness = score.lateness { lines += [lateness, ""] }
        if !submission.outcome.isGradable {
            lines += ["Your submission could not be graded (\(submission.outcome.rawValue)): \(submission.ungradableReason ?? "")", ""]
        }
        if !submission.ignored.isEmpty {
            lines += [
                "Not built or run (only Swift sources under `Sources/` are graded): "
                    + submission.ignored.map { "`\($0)`" }.joined(separator: ", "), "",
            ]
        }
        for lesson in submission.lessons {
            let cell = score.cell(lesson.lesson)
            lines.append("## \(lesson.lesson): \(cell.isEmpty ? "not scored" : cell) / \(lesson.maxScore)")
            lines.append("")
            if let origin = lesson.origin {
                lines += [originText(origin, credit: run.policy.referenceCode), ""]
            }
            if let errors = lesson.compileErrors {
                lines += ["Your code for this lesson did not compile:", "", "```", errors, "```", ""]
                continue
            }
            let failed = lesson.scenarios.filter { $0.status != .pass }
            if lesson.scenarios.isEmpty {
                // No scenario ran: the lesson was not graded, which is never a pass.
                lines += [notGraded(lesson, submission: submission), ""]
                continue
            }
            if failed.isEmpty {
                lines += ["Every scenario passes.", ""]
                continue
            }
            for scenario in failed {
                lines.append("- **\(scenario.name)** (\(scenario.status.rawValue))")
                for line in explanation(scenario, lesson: lesson, namesOnly: !shown.showsDetail(scenario)).components(separatedBy: "\n")
                where !line.isEmpty {
                    lines.append("  \(line)")
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// What a lesson whose code is not the learner's own means for its score, in a line.
    public static func originText(_ origin: CodeOrigin, credit: ReferenceCredit) -> String {
        let why =
            switch origin {
            case .reference: "The code graded for this lesson is the course's reference code (layout and comments aside)"
            case .skipped: "Your workspace records this lesson as skipped (`skip` or `catch-up` installed its reference code)"
            }
        let score = credit == .none ? ", so it earns no credit under this course's policy." : "; this course gives it full credit."
        // Identity is strong evidence, not proof: the learner can say so, and the instructor adjust.
        let recourse =
            origin == .reference && credit == .none ? " If you wrote it yourself, tell your instructor, who can adjust the score." : ""
        return why + score + recourse
    }

    /// Why a lesson has no scenario results.
    static func notGraded(_ lesson: LessonGrade, submission: SubmissionGrade) -> String {
        switch submission.status {
        case .unreadable: return "Not graded: your submission could not be read (see above)."
        case .missing: return "Not graded: no submission was handed in."
        case .graded: break
        }
        switch lesson.status {
        case .timeout: return "Not graded: your submission used up its time before this lesson."
        case .missing: return "Not graded: there are no sources for this lesson."
        default: return "Not graded: grading this lesson failed (\(lesson.status.rawValue))."
        }
    }

    /// A failed scenario in words: given/when/then and the difference (unless names only), and the feedback line.
    static func explanation(_ scenario: ScenarioResult, lesson: LessonGrade, namesOnly: Bool) -> String {
        var lines: [String] = []
        if !namesOnly {
            if scenario.status != .pass {
                lines += ["Given \(scenario.given)", "When \(scenario.when)", "Then \(scenario.message)"]
            }
            if let difference = scenario.difference { lines.append("First difference: \(difference)") }
        } else if scenario.status == .timeout || scenario.status == .crash {
            lines.append(scenario.status == .timeout ? "Your code did not answer in time." : "Your code crashed.")
        }
        if let feedback = scenario.feedback { lines.append(feedback) }
        return lines.joined(separator: "\n")
    }
}
