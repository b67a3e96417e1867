import Foundation

/// `grades.csv`: one row per submission, a column per lesson, then total, max and status. With a
/// roster, name and email follow the id; with adjustments or `--due`, the raw (automatic) score,
/// the `adjustments`' sum, the submission time, `late_days` and `penalty` (percent) stand before
/// the final total. Lesson columns are always the automatic scores (reference code and skipped
/// lessons as `--reference-code` scores them); `not_own` names such lessons when there are any.
public enum Gradebook {
    public static func csv(_ run: GradingRun) -> String {
        let roster = run.roster != nil, dated = run.policy.due != nil, adjusted = !(run.adjustments ?? []).isEmpty
        var header = ["id"]
        if roster { header += ["name", "email"] }
        header += run.lessons
        if dated || adjusted { header.append("raw") }
        if adjusted { header.append("adjustments") }
        if dated { header += ["submitted", "late_days", "penalty"] }
        header += ["total", "max", "status"]
        // Which lessons are reference code or skipped, when any are: what `status` sums up.
        let origins = run.submissions.contains { $0.lessons.contains { $0.origin != nil } }
        if origins { header.append("not_own") }
        var lines = [header.map(field).joined(separator: ",")]
        for submission in run.submissions {
            let score = FinalScore(submission, in: run)
            var row = [submission.id]
            if roster {
                let learner = run.learner(submission.id)
                row += [learner?.name ?? "", learner?.email ?? ""]
            }
            row += run.lessons.map { score.cell($0) }
            if dated || adjusted { row.append(score.raw.map(String.init) ?? "") }
            if adjusted { row.append(score.adjustments.isEmpty ? "" : FinalScore.text(score.adjusted)) }
            if dated {
                row += [
                    submission.submitted.map(GradingDate.text) ?? "", score.lateDays.map(String.init) ?? "", FinalScore.text(score.penalty),
                ]
            }
            row += [FinalScore.text(score.total), String(score.maxScore), submission.outcome.rawValue]
            if origins { row.append(submission.originNote) }
            lines.append(row.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: quote fields holding commas, quotes or line breaks.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
