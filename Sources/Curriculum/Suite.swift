import Foundation

/// A lesson's hidden suite: named scenarios in given/when/then form, as data.
public struct Suite: Sendable, Hashable {
    /// Seconds a single request may take before the scenario is judged timed out.
    public var timeout: Double
    public var scenarios: [Scenario]
    /// How a driver's question reads in a When line (`asks:`), by driver: words in which
    /// `{input}` stands for the input in domain words and `{swift}` for it as a Swift value, so an
    /// internal driver name never shows and a question need not spell out its own answer.
    public var asks: [String: String] = [:]

    public var totalWeight: Int { scenarios.reduce(0) { $0 + $1.weight } }
}

/// One scenario: given past events, when the learner's code is asked something, then an outcome.
public struct Scenario: Sendable, Hashable {
    public var name: String
    public var weight: Int
    /// A line that teaches, shown when the scenario fails.
    public var feedback: String?
    /// Events that happened before, in the learner's event encoding.
    public var given: [JSONValue]
    public var when: Request
    public var then: Expectation
    /// Where it is written, for the authors' error messages (never shown to learners).
    public var line: Int?
    /// What a grader's reports may show of it to the learner.
    public var visibility: ScenarioVisibility = .visible
}

/// What graded reports show a learner of a scenario (`visibility:` in a suite). The words are
/// Gradescope's, whose per-test `visibility` they map onto.
public enum ScenarioVisibility: String, Sendable, Hashable, Codable, CaseIterable {
    /// Everything: given, when, expected and got.
    case visible
    /// Its name and whether it passed, never what it expects.
    case hidden
    /// Hidden until the due date has passed.
    case afterDue = "after-due"
    /// Hidden until the grades are published.
    case afterPublished = "after-published"
}

/// What the scenario asks the host: a driver of the lesson's binding, with its input.
public struct Request: Sendable, Hashable {
    /// The binding's driver, such as `decide`, `fold` or `eventType`.
    public var driver: String
    public var input: JSONValue
}

/// The outcome a scenario expects.
public enum Expectation: Sendable, Hashable {
    /// These events, in this order.
    case events([JSONValue])
    /// A rejection: the learner's code throws this error (its case name, or its description).
    case error(String)
    /// The state after folding the given events.
    case state(JSONValue)
    /// Any other returned value.
    case value(JSONValue)
}
