import Checking
import Curriculum
import Foundation

/// The per-submission files learning platforms read: Gradescope's `results.json` and exercism's
/// test-runner `results.json` (here `exercism.json`), version 3.
public enum PlatformReports {
    /// Gradescope's autograder format.
    public static func gradescope(_ submission: SubmissionGrade, detail: FeedbackDetail) -> JSONValue {
        var tests: [JSONValue] = []
        for lesson in submission.lessons {
            if lesson.scenarios.isEmpty {
                tests.append(
                    .object([
                        "name": .string("\(lesson.lesson) · \(lesson.status)"), "score": .number(0),
                        "max_score": .number(Double(lesson.maxScore)),
                        "status": .string("failed"), "output": .string(lesson.compileErrors ?? lesson.status),
                    ]))
            }
            for scenario in lesson.scenarios {
                tests.append(
                    .object([
                        "name": .string("\(lesson.lesson) · \(scenario.name)"),
                        "score": .number(scenario.status == .pass ? Double(scenario.weight) : 0),
                        "max_score": .number(Double(scenario.weight)),
                        "status": .string(scenario.status == .pass ? "passed" : "failed"),
                        "output": .string(FeedbackReport.explanation(scenario, lesson: lesson, namesOnly: detail == .namesOnly)),
                    ]))
            }
        }
        return .object([
            "score": .number(Double(submission.score)), "max_score": .number(Double(submission.maxScore)),
            "output": .string(submission.message ?? summary(submission)), "tests": .array(tests),
        ])
    }

    /// exercism's test-runner interface, version 3.
    public static func exercism(_ submission: SubmissionGrade, detail: FeedbackDetail) -> JSONValue {
        guard submission.status == "graded" else {
            return .object([
                "version": .number(3), "status": .string("error"), "message": .string(submission.message ?? "not graded"),
                "tests": .array([]),
            ])
        }
        if let broken = submission.lessons.first(where: { $0.compileErrors != nil }) {
            return .object([
                "version": .number(3), "status": .string("error"),
                "message": .string("\(broken.lesson): \(broken.compileErrors ?? broken.status)"), "tests": .array([]),
            ])
        }
        var tests: [JSONValue] = []
        for (task, lesson) in submission.lessons.enumerated() {
            for scenario in lesson.scenarios {
                var test: JSONObject = [
                    "name": .string("\(lesson.lesson) · \(scenario.name)"),
                    "status": .string(scenario.status == .pass ? "pass" : (scenario.status == .fail ? "fail" : "error")),
                    "task_id": .number(Double(task + 1)),
                ]
                if detail == .full { test["test_code"] = .string("Given \(scenario.given)\nWhen \(scenario.when)") }
                if scenario.status != .pass {
                    test["message"] = .string(FeedbackReport.explanation(scenario, lesson: lesson, namesOnly: detail == .namesOnly))
                }
                if let output = scenario.output { test["output"] = .string(String(output.prefix(500))) }
                tests.append(.object(test))
            }
        }
        let passed = submission.lessons.allSatisfy { $0.status == "pass" }
        return .object(["version": .number(3), "status": .string(passed ? "pass" : "fail"), "tests": .array(tests)])
    }

    static func summary(_ submission: SubmissionGrade) -> String {
        submission.lessons.map { "\($0.lesson): \($0.score)/\($0.maxScore) (\($0.status))" }.joined(separator: "\n")
    }
}
