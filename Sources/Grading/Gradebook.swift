import Foundation

/// `grades.csv`: one row per submission, a column per lesson, then total, max and status.
public enum Gradebook {
    public static func csv(_ run: GradingRun) -> String {
        var lines = [(["id"] + run.lessons + ["total", "max", "status"]).map(field).joined(separator: ",")]
        for submission in run.submissions {
            let scores = run.lessons.map { id in submission.lessons.first { $0.lesson == id }.map { String($0.score) } ?? "" }
            lines.append(
                ([submission.id] + scores + [String(submission.score), String(submission.maxScore), status(submission)]).map(field).joined(
                    separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `pass` (every lesson), `fail`, `compile-error` (some lesson did not compile) or `error`.
    public static func status(_ submission: SubmissionGrade) -> String {
        if submission.status != "graded" { return "error" }
        if submission.lessons.allSatisfy({ $0.status == "pass" }) { return "pass" }
        if submission.lessons.contains(where: { $0.status == "compile-error" || $0.status == "missing" }) { return "compile-error" }
        return "fail"
    }

    /// RFC 4180: quote fields holding commas, quotes or line breaks.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
