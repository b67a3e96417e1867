import Foundation

/// A learner's workspace in a fresh temporary folder, with the real binary run in it as a learner
/// would: a private HOME, the tests' shared kit cache, a wide screen.
public struct LearnerWorkspace: Sendable {
    public let folder = TemporaryFolder()
    /// Options given before every command, such as `--store URL`.
    public var options: [String] = []
    public var columns = 160

    public init(options: [String] = [], columns: Int = 160) {
        self.options = options
        self.columns = columns
    }

    public var url: URL { folder.url.appendingPathComponent("ws") }

    /// The kit and host cache the end-to-end tests share, so each builds the kit once.
    public static let cache = WorkshopProcess.repositoryRoot.appendingPathComponent(".build/workshop-test-cache").path

    /// `timeout` is for commands that compile many times over (e.g. `scenario`, which builds mutants).
    public func run(_ arguments: [String], input: String? = nil, timeout: TimeInterval = 60) throws -> WorkshopProcess.Result {
        try WorkshopProcess.run(
            ["--workspace", url.path] + options + arguments, input: input,
            environment: WorkshopProcess.environment(home: folder.path, extra: ["WORKSHOP_CACHE": Self.cache, "COLUMNS": "\(columns)"]),
            timeout: timeout)
    }

    /// Writes the reference's version (or a wrong solution's) of each file of a lesson's module into
    /// the workspace: the learner has solved it that way.
    public func solve(_ lesson: String, wrong: String? = nil, module: String, files: [String]) throws {
        let reference = try ReferenceCode.files(of: lesson, wrong: wrong)
        for name in files {
            let path = "Sources/\(module)/\(name)"
            guard let text = reference[path] else {
                throw ReferenceCode.Missing(description: "the reference of '\(lesson)' has no \(path)")
            }
            folder.write("ws/\(path)", text)
        }
    }

    /// A text file of the workspace, by its path inside it.
    public func read(_ path: String) -> String? { folder.read("ws/\(path)") }

    public func write(_ path: String, _ text: String) { folder.write("ws/\(path)", text) }
}
