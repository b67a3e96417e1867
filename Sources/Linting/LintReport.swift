/// What `workshop lint` found: counts for the figures, and every problem that fails the gate.
public struct LintReport: Codable, Sendable, Equatable {
    public var lessons: Int
    public var scenarios: Int
    public var mutantsTried: Int
    public var mutantsKilled: Int
    /// Mutants that did not compile: neither killed nor survivors.
    public var mutantsStillborn: Int
    public var transcriptsReplayed: Int
    public var problems: [String]
    public var details: [LessonLint]

    public var passed: Bool { problems.isEmpty }
}

/// One lesson's line in the lint report.
public struct LessonLint: Codable, Sendable, Equatable {
    public var lesson: String
    public var scenarios: Int
    public var referencePasses: Bool
    public var starterFails: Bool
    public var mutantsTried: Int
    public var mutantsKilled: Int
    /// Scenarios that no mutant failed.
    public var unkilledScenarios: [String]
    /// Mutants that passed every scenario (some may be equivalent to the reference).
    public var survivors: [String]
}
