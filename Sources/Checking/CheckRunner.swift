import Curriculum
import Foundation

/// Runs a suite against a learner's host and judges each scenario.
public struct CheckRunner {
    public var lesson: String
    public var suite: Suite

    public init(lesson: String, suite: Suite) {
        self.lesson = lesson
        self.suite = suite
    }

    /// A report for code that did not compile: every scenario counts as not passed.
    public func compileFailure(_ compile: CompileReport) -> CheckReport {
        let message: String
        if let folder = compile.noSources {
            message = "there is no Swift code in \(folder) yet; `start` copies the lesson's starter files in"
        } else if !compile.missing.isEmpty {
            message = "your code does not define " + compile.missing.map { "`\($0)`" }.joined(separator: ", ") + ", which this lesson needs"
        } else {
            message = "your code does not compile"
        }
        return CheckReport(
            lesson: lesson, passed: 0, total: suite.scenarios.count, score: 0, maxScore: suite.totalWeight,
            scenarios: suite.scenarios.map { scenario in
                ScenarioResult(
                    name: scenario.name, status: .error, weight: scenario.weight, message: message,
                    given: Self.given(scenario), when: Self.when(scenario))
            },
            compileErrors: compile.diagnostics.isEmpty && !compile.mismatches.isEmpty
                ? compile.mismatches.joined(separator: "\n") : (compile.diagnostics.isEmpty ? nil : compile.diagnostics),
            missing: compile.missing.isEmpty ? nil : compile.missing)
    }

    /// Asks the host every scenario in turn; `progress` hears each result as it comes.
    public func run(on host: HostProcess, reusedBuild: Bool, progress: (ScenarioResult) -> Void = { _ in }) throws -> CheckReport {
        var results: [ScenarioResult] = []
        for scenario in suite.scenarios {
            let input = JSONValue.object([
                "given": .array(scenario.given), "command": scenario.when.input, "input": scenario.when.input,
            ])
            let exchange = try host.ask(driver: scenario.when.driver, input: input, timeout: suite.timeout)
            let verdict = Judge.verdict(scenario.then, exchange.answer)
            var printed = exchange.output.isEmpty ? nil : exchange.output
            if exchange.droppedOutput > 0 {
                printed = (printed ?? "") + "\n… and \(exchange.droppedOutput) more bytes of output, not shown"
            }
            let result = ScenarioResult(
                name: scenario.name, status: verdict.status, weight: scenario.weight, message: verdict.message,
                given: Self.given(scenario), when: Self.when(scenario), difference: verdict.difference,
                feedback: verdict.status == .pass ? nil : scenario.feedback, output: printed)
            progress(result)
            results.append(result)
        }
        let passing = results.filter { $0.status == .pass }
        return CheckReport(
            lesson: lesson, passed: passing.count, total: results.count, score: passing.reduce(0) { $0 + $1.weight },
            maxScore: suite.totalWeight, scenarios: results, reusedBuild: reusedBuild)
    }

    static func given(_ scenario: Scenario) -> String {
        DomainWords.events(scenario.given)
    }

    /// A decider's command reads as itself; any other driver says what it is asked: `eventType of GameWon(…)`.
    static func when(_ scenario: Scenario) -> String {
        if scenario.when.input == .object([:]) || scenario.when.input == .null { return scenario.when.driver }
        let input = DomainWords.describe(scenario.when.input)
        return scenario.when.driver == "decide" ? input : "\(scenario.when.driver) of \(input)"
    }
}
