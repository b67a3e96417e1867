import Curriculum

/// The outcome of running a lesson's suite against the learner's code.
public struct CheckReport: Sendable, Codable, Equatable {
    public var lesson: String
    public var passed: Int
    public var total: Int
    /// Points earned: the weights of the passing scenarios.
    public var score: Int
    public var maxScore: Int
    public var scenarios: [ScenarioResult]
    /// Set when the code did not compile; then no scenario ran.
    public var compileErrors: String?
    /// Names the lesson needs that the learner's code lacks.
    public var missing: [String]?
    /// Whether the host was reused from an earlier identical build.
    public var reusedBuild: Bool?

    public var allPassed: Bool { total > 0 && passed == total }
}

/// One scenario's line in the report.
public struct ScenarioResult: Sendable, Codable, Equatable {
    public var name: String
    public var status: ScenarioStatus
    public var weight: Int
    /// Expected and got, in the domain's words; empty on a pass.
    public var message: String
    public var given: String
    /// The given events themselves, so a renderer can draw them (a board, for a game).
    public var givenEvents: [JSONValue]?
    public var when: String
    public var difference: String?
    /// The lesson's teaching line for this scenario, shown when it fails.
    public var feedback: String?
    /// What the learner's code printed while answering.
    public var output: String?
    /// The scenario's visibility when it is not `visible` (graders' reports honour it).
    public var visibility: ScenarioVisibility? = nil
}
