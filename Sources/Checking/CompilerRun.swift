import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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

    var outside: OutsideLimits {
        OutsideLimits(
            cpuSeconds: Int(seconds) + 5, memoryBytes: UInt64(memoryMegabytes) << 20, processes: nil, fileBytes: 512 << 20)
    }
}

/// Runs the compiler and collects its diagnostics; Ctrl-C (through `shouldStop`) ends it early.
struct CompilerRun {
    /// How the compiler ended.
    enum Ending: Equatable {
        case exited(Int32)
        case outOfTime
        case outOfMemory
        case killed(Int32)
    }

    var ending: Ending
    var output: String
    var status: Int32 { if case .exited(let status) = ending { return status } else { return -1 } }

    /// Runs `swiftc` with `arguments` in `directory`, under `limits` (set from outside, in a resource
    /// group where there is one) and, given a `sandbox`, inside it, seeing only `readable` and
    /// writing only `writable`.
    static func run(
        _ swiftc: URL, _ arguments: [String], in directory: URL, limits: CompileLimits? = nil,
        sandbox: (Sandbox, readable: [URL], writable: [URL])? = nil, shouldStop: () -> Bool = { false }
    ) throws -> CompilerRun {
        let pipe = try ChildSpawn.pipe()
        let group = limits.flatMap { ResourceGroup.create(memoryBytes: UInt64($0.memoryMegabytes) << 20, tasks: $0.tasks) }
        defer { group?.remove() }
        var command = [swiftc.path] + arguments
        if let (sandbox, readable, writable) = sandbox {
            command = sandbox.compileCommand(command, directory: directory, readable: readable, writable: writable)
        }
        if let limits { command = try limits.outside.command(command, group: group) }
        let pid: pid_t
        do {
            // The sandbox starts in `directory` itself; a direct run changes there through the shell's
            // `cd`, so no descriptor or working directory of the tool leaks.
            let launched = sandbox == nil ? ["/bin/sh", "-c", #"cd "$0" && exec "$@""#, directory.path] + command : command
            pid = try ChildSpawn.spawn(launched, descriptors: [1: pipe.write, 2: pipe.write], environment: ProcessInfo.processInfo.environment)
        } catch {
            close(pipe.read)
            close(pipe.write)
            throw CheckError("cannot run \(swiftc.path): \(error)")
        }
        close(pipe.write)
        defer { close(pipe.read) }
        let deadline = limits.map { Date().addingTimeInterval($0.seconds) }
        let cap = limits?.diagnosticsCap ?? Int.max
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
        let outOfMemory = (group?.memoryKills ?? 0) > 0
        var text = String(decoding: output, as: UTF8.self)
        if dropped > 0 { text += "\n… \(dropped) more bytes of diagnostics cut" }
        var signal = status & 0x7F
        // Bubblewrap reports its child's death by signal N as exit status 128 + N.
        if signal == 0, sandbox != nil, (129...159).contains((status >> 8) & 0xFF) { signal = ((status >> 8) & 0xFF) - 128 }
        let ending: Ending =
            timedOut
            ? .outOfTime
            : outOfMemory
                ? .outOfMemory : signal == SIGXCPU ? .outOfTime : signal != 0 ? .killed(signal) : .exited((status >> 8) & 0xFF)
        return CompilerRun(ending: ending, output: text)
    }
}
