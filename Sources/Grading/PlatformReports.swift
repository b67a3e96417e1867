import Checking
import Curriculum
import Foundation

/// The per-submission files learning platforms read: Gradescope's `results.json` and exercism's
/// test-runner `results.json` (here `exercism.json`), version 3.
public enum PlatformReports {
    /// Gradescope's autograder format (gradescope-autograders.readthedocs.io, "specs"). A
    /// submission that could not be graded says so in the top-level `output`; under `--ungradable
    /// blank` it has no `score` (nor do its ungradable lessons), so Gradescope shows none.
    public static func gradescope(_ submission: SubmissionGrade, in run: GradingRun, shown: Disclosure) -> JSONValue {
        let score = FinalScore(submission, in: run)
        var tests: [JSONValue] = []
        for lesson in submission.lessons {
            if let origin = lesson.origin {
                tests.append(
                    .object([
                        "name": .string("\(lesson.lesson) · \(origin.rawValue)"),
                        "score": .number(Double(score.lessons[lesson.lesson].flatMap { $0 } ?? 0)),
                        "max_score": .number(0), "status": .string(run.policy.referenceCode == .none ? "failed" : "passed"),
                        "output": .string(FeedbackReport.originText(origin, credit: run.policy.referenceCode)),
                    ]))
                // The lesson's points are that entry's; its scenarios still show what the code does.
            }
            if lesson.scenarios.isEmpty || !lesson.status.ran {
                var test: JSONObject = [
                    "name": .string("\(lesson.lesson) · \(lesson.status.rawValue)"),
                    "status": .string("failed"),
                    "output": .string(lesson.compileErrors ?? FeedbackReport.notGraded(lesson, submission: submission)),
                ]
                if score.lessons[lesson.lesson] != .some(nil) {
                    test["score"] = .number(0)
                    test["max_score"] = .number(Double(lesson.maxScore))
                }
                tests.append(.object(test))
                if !lesson.status.ran { continue }
            }
            for scenario in lesson.scenarios {
                let (visibility, detailed) = shown.gradescope(scenario)
                tests.append(
                    .object([
                        "name": .string("\(lesson.lesson) · \(scenario.name)"),
                        "score": .number(scenario.status == .pass && lesson.origin == nil ? Double(scenario.weight) : 0),
                        "max_score": .number(Double(scenario.weight)),
                        "status": .string(scenario.status == .pass ? "passed" : "failed"),
                        "output": .string(FeedbackReport.explanation(scenario, lesson: lesson, namesOnly: !detailed)),
                        "visibility": .string(visibility),
                    ]))
            }
        }
        var output =
            submission.outcome.isGradable
            ? summary(submission)
            : "Not graded (\(submission.outcome.rawValue)): \(submission.ungradableReason ?? "")"
        for line in score.adjustmentLines { output += "\nAdjusted " + line }
        if let lateness = score.lateness { output += "\n" + lateness }
        for adjustment in score.adjustments {
            tests.append(
                .object([
                    "name": .string("adjustment · \(adjustment.lesson ?? "whole submission")"), "score": .number(adjustment.points),
                    "max_score": .number(0), "status": .string(adjustment.points >= 0 ? "passed" : "failed"),
                    "output": .string(adjustment.reason),
                ]))
        }
        var extra: JSONObject = ["status": .string(submission.outcome.rawValue)]
        if !submission.originNote.isEmpty { extra["not_own"] = .string(submission.originNote) }
        var result: JSONObject = [
            "max_score": .number(Double(score.maxScore)), "output": .string(output), "tests": .array(tests),
            "extra_data": .object(extra),
        ]
        if let total = score.total { result["score"] = .number(total) }
        return .object(result)
    }

    /// exercism's test-runner interface, version 3: `error` with a message when the submission
    /// could not be graded, `fail` when it ran and some scenario failed.
    public static func exercism(_ submission: SubmissionGrade, in run: GradingRun, shown: Disclosure) -> JSONValue {
        let outcome = submission.outcome
        guard outcome.isGradable else {
            var message = "Not graded (\(outcome.rawValue)): \(submission.ungradableReason ?? "")"
            if let broken = submission.lessons.first(where: { $0.compileErrors != nil }), let errors = broken.compileErrors {
                message = "Not graded (\(outcome.rawValue)): \(broken.lesson): \(errors)"
            }
            return .object(["version": .number(3), "status": .string("error"), "message": .string(message), "tests": .array([])])
        }
        var tests: [JSONValue] = []
        for (task, lesson) in submission.lessons.enumerated() {
            if let origin = lesson.origin {
                tests.append(
                    .object([
                        "name": .string("\(lesson.lesson) · \(origin.rawValue)"),
                        "status": .string(run.policy.referenceCode == .none ? "fail" : "pass"), "task_id": .number(Double(task + 1)),
                        "message": .string(FeedbackReport.originText(origin, credit: run.policy.referenceCode)),
                    ]))
            }
            for scenario in lesson.scenarios {
                var test: JSONObject = [
                    "name": .string("\(lesson.lesson) · \(scenario.name)"),
                    "status": .string(scenario.status == .pass ? "pass" : (scenario.status == .fail ? "fail" : "error")),
                    "task_id": .number(Double(task + 1)),
                ]
                // Name only: no test code, no expectation, and not the output (a host may echo its input).
                let detailed = shown.showsDetail(scenario)
                if detailed { test["test_code"] = .string("Given \(scenario.given)\nWhen \(scenario.when)") }
                if scenario.status != .pass {
                    test["message"] = .string(FeedbackReport.explanation(scenario, lesson: lesson, namesOnly: !detailed))
                }
                if detailed, let output = scenario.output { test["output"] = .string(String(output.prefix(500))) }
                tests.append(.object(test))
            }
        }
        let passed = outcome == .pass || (outcome != .fail && run.policy.referenceCode == .full)
        return .object(["version": .number(3), "status": .string(passed ? "pass" : "fail"), "tests": .array(tests)])
    }

    static func summary(_ submission: SubmissionGrade) -> String {
        submission.lessons.map { "\($0.lesson): \($0.score)/\($0.maxScore) (\($0.shownStatus))" }.joined(separator: "\n")
    }
}
