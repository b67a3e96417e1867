import Curriculum

/// How a scenario ended.
public enum ScenarioStatus: String, Sendable, Codable {
    case pass, fail, error, timeout, crash
}

/// The verdict on one scenario, with what to tell the learner.
public struct Verdict: Sendable, Equatable {
    public var status: ScenarioStatus
    /// What was expected and what came, in domain words; empty on a pass.
    public var message: String
    /// Where the first difference is, when there is one.
    public var difference: String?
}

/// Compares what the learner's code did with what a scenario expects. It runs in the tool,
/// never in the learner's process.
public enum Judge {
    /// `stoppedIn` is where a host that timed out was running, when the runtime could say.
    public static func verdict(_ expectation: Expectation, _ answer: HostAnswer, stoppedIn: CodeLocation? = nil) -> Verdict {
        let expected = describe(expectation)
        switch answer {
        case .timedOut(let seconds):
            guard let stoppedIn else {
                return Verdict(
                    status: .timeout,
                    message:
                        "your code did not answer within \(format(seconds)) s: an endless loop, or waiting for something that never comes?"
                )
            }
            return Verdict(
                status: .timeout,
                message: "your code did not answer within \(format(seconds)) s; it was still in \(stoppedIn): an endless loop there?")
        case .crashed(let message):
            return Verdict(status: .crash, message: "your code crashed: \(message)")
        case .mismatch(let message):
            return Verdict(status: .error, message: message)
        case .threw(let type, let description):
            if case .error(let name) = expectation {
                if description == name || description.hasSuffix(".\(name)") || type == name {
                    return Verdict(status: .pass, message: "")
                }
                return Verdict(status: .fail, message: "expected: \(expected) · got: rejected, \(description)")
            }
            return Verdict(status: .fail, message: "expected: \(expected) · got: rejected, \(description) (\(type))")
        case .returned(let actual):
            switch expectation {
            case .error:
                let got = actual.arrayValue.map(DomainWords.events) ?? DomainWords.describe(actual)
                return Verdict(status: .fail, message: "expected: \(expected) · got: \(got)")
            case .events(let events):
                guard let actualEvents = actual.arrayValue else {
                    return Verdict(status: .error, message: "expected a list of events, got \(actual.json)")
                }
                if actualEvents == events { return Verdict(status: .pass, message: "") }
                return Verdict(
                    status: .fail, message: "expected: \(expected) · got: \(DomainWords.events(actualEvents))",
                    difference: StructuralDiff.firstDifference(expected: .array(events), actual: actual, path: "events"))
            case .state(let state), .value(let state):
                if actual == state { return Verdict(status: .pass, message: "") }
                // A path to the difference helps inside structures; for a single value it would repeat the message.
                let structured = state.isStructure && actual.isStructure
                return Verdict(
                    status: .fail, message: "expected: \(expected) · got: \(DomainWords.describe(actual))",
                    difference: structured ? StructuralDiff.firstDifference(expected: state, actual: actual, path: "value") : nil)
            }
        }
    }

    static func describe(_ expectation: Expectation) -> String {
        switch expectation {
        case .events(let events): DomainWords.events(events)
        case .error(let name): "rejected, \(name)"
        case .state(let state): DomainWords.describe(state)
        case .value(let value): DomainWords.describe(value)
        }
    }

    /// Seconds as a person writes them: `2`, `0.5`.
    public static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

extension JSONValue {
    var isStructure: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }

    var arrayValue: [JSONValue]? { if case .array(let items) = self { items } else { nil } }
}

/// Finds the first place two JSON values differ, by path: `events[1].moveMade.row: expected 1, got 2`.
public enum StructuralDiff {
    public static func firstDifference(expected: JSONValue, actual: JSONValue, path: String) -> String? {
        switch (expected, actual) {
        case (.array(let left), .array(let right)):
            for (index, (a, b)) in zip(left, right).enumerated() where a != b {
                return firstDifference(expected: a, actual: b, path: "\(path)[\(index)]")
            }
            if left.count < right.count {
                return
                    "\(path): \(right.count - left.count) more than expected, from [\(left.count)]: \(DomainWords.describe(right[left.count]))"
            }
            if left.count > right.count {
                return "\(path): missing [\(right.count)]: \(DomainWords.describe(left[right.count]))"
            }
            return nil
        case (.object(let left), .object(let right)):
            // The expected fields in the suite's order, then any the code added.
            for key in left.keys + right.keys.filter({ left[$0] == nil }) {
                switch (left[key], right[key]) {
                case (let a?, let b?) where a != b: return firstDifference(expected: a, actual: b, path: "\(path).\(key)")
                case (_?, nil): return "\(path).\(key): missing"
                case (nil, let b?): return "\(path).\(key): not expected, got \(b.json)"
                default: continue
                }
            }
            return nil
        default:
            return expected == actual ? nil : "\(path): expected \(expected.json), got \(actual.json)"
        }
    }
}
