import Foundation

/// The terminal summary of a run: a table, a histogram of totals, the errors and the slowest.
public enum GradeSummary {
    public static func lines(_ run: GradingRun, width: Int) -> [String] {
        var lines: [String] = []
        let idWidth = max(2, min(24, run.submissions.map(\.id.count).max() ?? 2))
        func pad(_ text: String, _ count: Int) -> String {
            text.count >= count ? String(text.prefix(count)) : text + String(repeating: " ", count: count - text.count)
        }
        let labels = run.lessons.indices.map { "L\(run.lessonNumbers?[$0] ?? $0 + 1)" }
        lines.append(pad("id", idWidth) + "  " + labels.map { pad($0, 5) }.joined() + "total     status")
        for submission in run.submissions {
            let score = FinalScore(submission, in: run)
            let scores = run.lessons.map { id in score.lessons[id] == nil ? "-" : score.cell(id).isEmpty ? "·" : score.cell(id) }
            lines.append(
                pad(submission.id, idWidth) + "  " + scores.map { pad($0, 5) }.joined()
                    + pad("\(score.total.map { FinalScore.text($0) } ?? "·")/\(score.maxScore)", 10) + submission.outcome.rawValue)
        }
        lines.append("")
        lines.append("scores (percent of the maximum):")
        var buckets = Array(repeating: 0, count: 10)
        for submission in run.submissions where submission.maxScore > 0 {
            guard let total = FinalScore(submission, in: run).total else { continue }
            buckets[max(0, min(9, Int(total * 10 / Double(submission.maxScore))))] += 1
        }
        let most = max(1, buckets.max() ?? 1)
        let barRoom = max(10, min(40, width - 20))
        for (index, count) in buckets.enumerated() {
            let label = index == 9 ? " 90–100" : String(format: "%3d–%2d ", index * 10, index * 10 + 9)
            lines.append("\(label) \(String(repeating: "█", count: count * barRoom / most)) \(count)")
        }
        let troubled = run.submissions.filter { !$0.outcome.isGradable }
        if !troubled.isEmpty {
            lines.append("")
            lines.append("not gradable (\(run.policy.ungradable == .blank ? "left blank" : "scored zero")):")
            for submission in troubled {
                lines.append("  \(submission.id) (\(submission.outcome.rawValue)): \(submission.ungradableReason ?? "")")
            }
        }
        let notOwn = run.submissions.filter { !$0.originNote.isEmpty }
        if !notOwn.isEmpty {
            lines.append("")
            lines.append(
                "not the learner's own code (\(run.policy.referenceCode == .none ? "no credit" : "full credit"), --reference-code):")
            for submission in notOwn { lines.append("  \(submission.id): \(submission.originNote)") }
        }
        lines.append("")
        lines.append("slowest:")
        for submission in run.submissions.sorted(by: { $0.seconds > $1.seconds }).prefix(5) {
            lines.append(String(format: "  %@  %.1f s", submission.id, submission.seconds))
        }
        for warning in run.warnings { lines.append("warning: \(warning)") }
        return lines
    }

    /// `grading 37/100 [██████░░░░░░] alice`
    public static func progressBar(done: Int, total: Int, last: String, width: Int) -> String {
        let room = max(10, min(30, width - 40))
        let filled = total == 0 ? room : done * room / total
        return "grading \(done)/\(total) [" + String(repeating: "█", count: filled) + String(repeating: "░", count: room - filled) + "] "
            + String(last.prefix(20))
    }
}
