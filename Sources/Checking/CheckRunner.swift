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
                    given: Self.given(scenario), when: when(scenario), visibility: Self.visibility(scenario))
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
            let verdict = Judge.verdict(scenario.then, exchange.answer, stoppedIn: exchange.stoppedIn)
            var printed = exchange.output.isEmpty ? nil : exchange.output
            if exchange.droppedOutput > 0 {
                printed = (printed ?? "") + "\n… and \(exchange.droppedOutput) more bytes of output, not shown"
            }
            let result = ScenarioResult(
                name: scenario.name, status: verdict.status, weight: scenario.weight, message: verdict.message,
                given: Self.given(scenario), givenEvents: scenario.given.isEmpty ? nil : scenario.given, when: when(scenario),
                difference: verdict.difference,
                feedback: Self.feedback(for: scenario, verdict.status, stoppedIn: exchange.stoppedIn), output: printed,
                visibility: Self.visibility(scenario))
            progress(result)
            results.append(result)
        }
        let passing = results.filter { $0.status == .pass }
        return CheckReport(
            lesson: lesson, passed: passing.count, total: results.count, score: passing.reduce(0) { $0 + $1.weight },
            maxScore: suite.totalWeight, scenarios: results, reusedBuild: reusedBuild)
    }

    /// A result carries the visibility only when it is not the default, so check's JSON stays as it was.
    static func visibility(_ scenario: Scenario) -> ScenarioVisibility? {
        scenario.visibility == .visible ? nil : scenario.visibility
    }

    /// The scenario's teaching line when the code answered wrongly. A loop that never answered has
    /// not met the scenario's rule yet, so it gets a line about loops instead.
    static func feedback(for scenario: Scenario, _ status: ScenarioStatus, stoppedIn: CodeLocation?) -> String? {
        switch status {
        case .pass: return nil
        case .timeout:
            let place =
                stoppedIn.map { location in location.line.map { "line \($0) of \(location.file)" } ?? location.description } ?? "your loops"
            return "A loop ends only when something inside it changes what its condition reads: look at \(place),"
                + " and at what each turn of the loop changes."
        default: return scenario.feedback
        }
    }

    static func given(_ scenario: Scenario) -> String {
        DomainWords.events(scenario.given)
    }

    /// What a scenario asks, in the words the suite gives its driver (`asks:`); else a decider's
    /// command reads as itself and any other driver says what it is asked: `handle of OrderPaid(…)`.
    public func when(_ scenario: Scenario) -> String {
        let input = scenario.when.input
        let isEmpty = input == .object([:]) || input == .null
        if let phrase = suite.asks[scenario.when.driver] {
            return phrase.replacingOccurrences(of: "{input}", with: DomainWords.describe(input))
                .replacingOccurrences(of: "{swift}", with: DomainWords.swift(input))
        }
        if isEmpty { return scenario.when.driver }
        return scenario.when.driver == "decide" ? DomainWords.describe(input) : "\(scenario.when.driver) of \(DomainWords.describe(input))"
    }
}
