import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a helper program (the compiler, an unpacker) under limits set from outside it, in a
/// resource group where the machine offers one, for at most a wall-clock time, keeping at most a
/// cap of what it prints; it dies with the tool.
public struct LimitedRun: Sendable {
    /// How the program ended.
    public enum Ending: Sendable, Equatable {
        case exited(Int32)
        case outOfTime
        case outOfMemory
        case killed(Int32)
    }

    public var ending: Ending
    /// Standard output and error, at most the cap, with a note of how much more was cut.
    public var output: String
    public var status: Int32 { if case .exited(let status) = ending { return status } else { return -1 } }

    public struct Budget: Sendable {
        public var seconds: Double
        public var limits: OutsideLimits
        public var memoryMegabytes: Int
        public var tasks: Int
        public var outputCap: Int

        public init(seconds: Double, limits: OutsideLimits, memoryMegabytes: Int, tasks: Int, outputCap: Int) {
            self.seconds = seconds
            self.limits = limits
            self.memoryMegabytes = memoryMegabytes
            self.tasks = tasks
            self.outputCap = outputCap
        }
    }

    /// Runs `command` in `directory` under `budget` (nil: no limits, as for the tool's own kit);
    /// `sandboxed` says bubblewrap wraps it, whose exit status 128 + N means its child died of signal N.
    public static func run(
        _ command: [String], in directory: URL, budget: Budget?, sandboxed: Bool = false, shouldStop: () -> Bool = { false }
    ) throws -> LimitedRun {
        let pipe = try ChildSpawn.pipe()
        let group = budget.flatMap { ResourceGroup.create(memoryBytes: UInt64($0.memoryMegabytes) << 20, tasks: $0.tasks) }
        defer { group?.remove() }
        var launched = command
        if var limits = budget?.limits {
            // In a group its memory is the bound: an address-space limit as well would only make
            // swift-driver hang when it is reached (measured: under 300 MiB a one-line compile
            // waits until it is killed), where the group kills the frontend and the verdict says memory.
            if group != nil { limits.memoryBytes = nil }
            launched = try limits.command(launched, group: group)
        }
        // Started in `directory` by the shell, killed if the tool dies first.
        launched = ["/bin/sh", "-c", #"cd "$0" && exec "$@""#, directory.path] + (PDeath.command + launched)
        let pid: pid_t
        do {
            pid = try ChildSpawn.spawn(
                launched, descriptors: [1: pipe.write, 2: pipe.write], environment: ProcessInfo.processInfo.environment)
        } catch {
            close(pipe.read)
            close(pipe.write)
            throw error
        }
        close(pipe.write)
        defer { close(pipe.read) }
        let deadline = budget.map { Date().addingTimeInterval($0.seconds) }
        let cap = budget?.outputCap ?? Int.max
        var output = Data()
        var dropped = 0
        var timedOut = false
        var chunk = [UInt8](repeating: 0, count: 65_536)
        // Read by hand: a signal (Ctrl-C) interrupts reads, which Foundation's readers do not survive.
        while true {
            if shouldStop() {
                kill(-pid, SIGKILL)
                _ = ChildSpawn.wait(pid)
                throw CheckInterrupted()
            }
            if let deadline, deadline.timeIntervalSinceNow <= 0 {
                timedOut = true
                kill(-pid, SIGKILL)
                break
            }
            var poller = pollfd(fd: pipe.read, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = read(pipe.read, &chunk, chunk.count)
            if count > 0 {
                let room = max(0, cap - output.count)
                output.append(contentsOf: chunk[0..<min(count, room)])
                dropped += max(0, count - room)
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        let status = ChildSpawn.wait(pid)
        kill(-pid, SIGKILL)
        var text = String(decoding: output, as: UTF8.self)
        if dropped > 0 { text += "\n… \(dropped) more bytes cut" }
        var signal = status & 0x7F
        let exitStatus = (status >> 8) & 0xFF
        if signal == 0, sandboxed, (129...159).contains(exitStatus) { signal = exitStatus - 128 }
        let ending: Ending
        if timedOut || signal == SIGXCPU {
            ending = .outOfTime
        } else if (group?.memoryKills ?? 0) > 0 {
            ending = .outOfMemory
        } else {
            ending = signal != 0 ? .killed(signal) : .exited(exitStatus)
        }
        return LimitedRun(ending: ending, output: text)
    }
}

/// `setpriv --pdeathsig KILL`: the helper dies when the tool does (SIGTERM from `timeout`, say),
/// instead of running on orphaned.
enum PDeath {
    static let command: [String] =
        ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }.map { [$0, "--pdeathsig", "KILL"] }
        ?? []
}
