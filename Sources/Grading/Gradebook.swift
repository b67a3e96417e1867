import Foundation

/// `grades.csv`: one row per submission, a column per lesson, then total, max and status.
public enum Gradebook {
    public static func csv(_ run: GradingRun) -> String {
        var lines = [(["id"] + run.lessons + ["total", "max", "status"]).map(field).joined(separator: ",")]
        for submission in run.submissions {
            let score = FinalScore(submission, in: run)
            let scores = run.lessons.map { score.cell($0) }
            lines.append(
                ([submission.id] + scores + [FinalScore.text(score.total), String(score.maxScore), submission.outcome.rawValue]).map(field)
                    .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: quote fields holding commas, quotes or line breaks.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
