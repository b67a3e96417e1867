/// One thing wrong with a lesson pack: where it is and what to change.
public struct PackProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file, relative to the pack's folder.
    public var file: String
    /// 1-based; nil when the problem concerns the whole file.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}

/// A pack that cannot be used, with every problem found in it (not just the first).
public struct PackValidationError: Error, CustomStringConvertible, Sendable {
    public var folder: String
    public var problems: [PackProblem]

    public init(folder: String, problems: [PackProblem]) {
        self.folder = folder
        self.problems = problems
    }

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "the lesson pack in \(folder) has \(count):\n"
            + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
