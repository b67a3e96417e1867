import Foundation
import ToolFiles

/// The one owner of "find the toolchain, build the kit, build the learner's host, and say what
/// limits and sandbox it runs under". `check`, `grade`, `lint`, `prepare` and the playground ask
/// it for a builder and a profile, so the choices live here once and the callers stay thin.
public struct LearnerRuntime: Sendable {
    /// Who is waiting for the learner's code, which decides its limits.
    public enum Profile: Sendable {
        /// `check` and `lint`: the suite's own timeout, the default limits.
        case interactive
        /// `grade` and `check --as-grader`: the grader's limits, in the sandbox.
        case grading
        /// A domain command typed in the shell, or the window: a person waits, so a few seconds.
        case playground
    }

    public let builder: HostBuilder

    /// Finds the toolchain and the tool's own sources (its checkout, or the copy in the binary).
    public static func find() throws -> LearnerRuntime {
        guard let toolRoot = ToolLocation.packageRoot else {
            throw CheckError.kitSourcesMissing
        }
        return LearnerRuntime(
            builder: HostBuilder(
                toolchain: try Toolchain.find(), toolSources: toolRoot.appendingPathComponent("Sources"),
                cacheFolder: HostBuilder.defaultCacheFolder()))
    }

    public init(builder: HostBuilder) { self.builder = builder }

    /// The limits a host of this profile runs under.
    public static func limits(_ profile: Profile) -> HostLimits {
        var limits = HostLimits()
        switch profile {
        case .interactive: break
        case .grading:
            limits.cpuSeconds = 30
            limits.memoryMegabytes = 2_048
            limits.fileSizeMegabytes = 16
            limits.outputCap = 8_192
        case .playground:
            // A person is waiting; a few seconds is still an answer, but never forever.
            limits.requestTimeout = 5
        }
        return limits
    }

    /// Starts a built host under `limits` with a suite's timeout, in `sandbox` when given. Dropped to
    /// the unprivileged user there, the process limit counts that user's tasks machine-wide, so
    /// the host is allowed what the user already runs and 64 more.
    public static func start(
        _ executable: URL, limits: HostLimits, timeout: Double? = nil, sandbox: Sandbox?
    ) throws -> HostProcess {
        var limits = limits
        if let timeout { limits.requestTimeout = timeout }
        if sandbox?.dropToNobody != nil { limits.processes = (HostLimits.userTasks(of: Sandbox.nobody) ?? 0) + 64 }
        return try HostProcess(executable: executable, limits: limits, sandbox: sandbox)
    }

    /// The builder for a profile: grading compiles in the sandbox when bubblewrap is there (nil
    /// sandbox then means it is not installed, and the caller says so).
    public func builder(for profile: Profile) -> (builder: HostBuilder, sandbox: Sandbox?) {
        guard case .grading = profile else { return (builder, nil) }
        var sandboxed = builder
        let sandbox = Sandbox.find(toolchain: builder.toolchain)
        sandboxed.compileSandbox = sandbox
        return (sandboxed, sandbox)
    }

    /// Builds the kit if it is missing, saying so through `announce` before and after: it takes
    /// seconds, and silence would look like a hang.
    public func ensureKit(announce: (String) -> Void) throws {
        guard !builder.kitIsBuilt else { return }
        announce("building the kit your code compiles against (once for this Swift toolchain, about 10 s)…")
        let started = Date()
        _ = try builder.kit()
        announce("the kit is ready (\(Int(Date().timeIntervalSince(started).rounded())) s)")
    }
}
