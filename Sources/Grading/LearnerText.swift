import Checking
import Foundation

/// Caps on text the learner's code controls (returned values, thrown descriptions, printed output,
/// diagnostics, file names), applied once to a grade, so every report written from it is bounded
/// and says how much was cut.
public enum LearnerText {
    /// Characters kept of a scenario's message, difference or output.
    public static let scenarioCap = 2_000
    /// Characters kept of a lesson's compiler diagnostics or a submission's error.
    public static let diagnosticsCap = 8_000
    /// Ignored files listed by name.
    public static let ignoredCap = 50

    /// `text`, or its first `limit` characters and a note of how many more there were.
    public static func capped(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "… (\(text.count - limit) more characters cut)"
    }

    /// The grade with every learner-controlled string capped.
    static func capped(_ grade: SubmissionGrade) -> SubmissionGrade {
        var grade = grade
        grade.message = grade.message.map { capped($0, to: diagnosticsCap) }
        if grade.ignored.count > ignoredCap {
            grade.ignored = grade.ignored.prefix(ignoredCap) + ["… and \(grade.ignored.count - ignoredCap) more"]
        }
        grade.ignored = grade.ignored.map { capped($0, to: 300) }
        for index in grade.lessons.indices {
            grade.lessons[index].compileErrors = grade.lessons[index].compileErrors.map { capped($0, to: diagnosticsCap) }
            grade.lessons[index].scenarios = grade.lessons[index].scenarios.map { scenario in
                var scenario = scenario
                scenario.message = capped(scenario.message, to: scenarioCap)
                scenario.difference = scenario.difference.map { capped($0, to: scenarioCap) }
                scenario.output = scenario.output.map { capped($0, to: scenarioCap) }
                return scenario
            }
        }
        return grade
    }
}
