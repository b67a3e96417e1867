import Foundation

/// What a compile of the learner's code may use: a type-checker bomb or a flood of errors ends as
/// a verdict on their code, not as a grader that hangs or fills its disk.
public struct CompileLimits: Sendable {
    /// Wall-clock seconds for one compile.
    public var seconds: Double = 120
    public var memoryMegabytes = 2_048
    public var tasks = 256
    /// Bytes of diagnostics kept; the rest is counted and dropped.
    public var diagnosticsCap = 32_768

    public init() {}

    var budget: LimitedRun.Budget {
        LimitedRun.Budget(
            seconds: seconds,
            limits: OutsideLimits(
                cpuSeconds: Int(seconds) + 5, memoryBytes: UInt64(memoryMegabytes) << 20, processes: nil, fileBytes: 512 << 20),
            memoryMegabytes: memoryMegabytes, tasks: tasks, outputCap: diagnosticsCap)
    }
}

/// Runs the compiler and collects its diagnostics; Ctrl-C (through `shouldStop`) ends it early.
enum CompilerRun {
    /// Runs `swiftc` with `arguments` in `directory`, under `limits` and, given a `sandbox`, inside
    /// it, seeing only `readable` and writing only `writable`.
    static func run(
        _ swiftc: URL, _ arguments: [String], in directory: URL, limits: CompileLimits? = nil,
        sandbox: (Sandbox, readable: [URL], writable: [URL])? = nil, shouldStop: () -> Bool = { false }
    ) throws -> LimitedRun {
        var command = [swiftc.path] + arguments
        if let (sandbox, readable, writable) = sandbox {
            command = sandbox.compileCommand(command, directory: directory, readable: readable, writable: writable)
        }
        do {
            return try LimitedRun.run(command, in: directory, budget: limits?.budget, sandboxed: sandbox != nil, shouldStop: shouldStop)
        } catch let error as CheckError {
            throw CheckError.cannotRunCompiler(path: swiftc.path, because: error)
        }
    }
}
