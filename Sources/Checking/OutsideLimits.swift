import Foundation

/// Limits set on a child from outside it, before any of its code runs, by programs that are not
/// linked with the learner's code: `/bin/sh` moves itself into the resource group (when there is
/// one), then `prlimit` sets hard rlimits and runs the command. Nothing the command does can lift
/// them: a hard limit only goes down without privilege in the first user namespace.
public struct OutsideLimits: Sendable, Equatable {
    public var cpuSeconds: Int
    /// Address space, the bound on memory where no resource group can be had.
    public var memoryBytes: UInt64?
    /// Processes of the child's user in all (Linux does not apply it to root).
    public var processes: Int?
    public var fileBytes: UInt64
    public var openFiles = 256

    public init(cpuSeconds: Int, memoryBytes: UInt64?, processes: Int?, fileBytes: UInt64) {
        self.cpuSeconds = cpuSeconds
        self.memoryBytes = memoryBytes
        self.processes = processes
        self.fileBytes = fileBytes
    }

    public static let prlimit = ["/usr/bin/prlimit", "/bin/prlimit"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `command`, run under these limits and inside `group`.
    public func command(_ command: [String], group: ResourceGroup?) throws -> [String] {
        guard let prlimit = Self.prlimit else {
            throw CheckError.prlimitMissing
        }
        var limits = [
            "--cpu=\(cpuSeconds):\(cpuSeconds)", "--fsize=\(fileBytes):\(fileBytes)", "--nofile=\(openFiles):\(openFiles)",
            "--core=0:0",
        ]
        if let memoryBytes { limits.append("--as=\(memoryBytes):\(memoryBytes)") }
        if let processes { limits.append("--nproc=\(processes):\(processes)") }
        let launched = [prlimit] + limits + ["--"] + command
        guard let group else { return launched }
        // The shell writes its own pid into each group, then becomes prlimit: the group holds the
        // child from its first instruction, with no window to fork outside it.
        let join = #"for f do [ "$f" = -- ] && break; echo $$ > "$f" || exit 126; shift; done; shift; exec "$@""#
        return ["/bin/sh", "-c", join, "sh"] + group.processFiles + ["--"] + launched
    }
}
