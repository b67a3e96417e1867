import Curriculum
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Limits a learner host runs under.
public struct HostLimits: Sendable {
    /// Seconds one request may take.
    public var requestTimeout: Double = 2
    /// CPU seconds over the host's whole life (a loop that escapes the timeout still ends).
    public var cpuSeconds = 60
    public var memoryMegabytes = 4_096
    /// Processes (threads included) the host's user may have in all; by default what the user runs
    /// now plus a margin, so a fork bomb stops there. (Linux does not apply it to root.)
    public var processes: Int? = HostLimits.userTasks().map { $0 + 128 }
    public var fileSizeMegabytes = 64
    /// Tasks (processes and threads) the host's resource group may hold, where there is one.
    public var groupTasks = 128
    /// Bytes of the learner's output kept per request; the rest is counted and dropped.
    public var outputCap = 16_384

    public init() {}

    /// These limits, as set from outside the host before it runs.
    public var outside: OutsideLimits {
        OutsideLimits(
            cpuSeconds: cpuSeconds, memoryBytes: UInt64(memoryMegabytes) << 20, processes: processes,
            fileBytes: UInt64(fileSizeMegabytes) << 20)
    }

    /// How many tasks (processes and threads) a user (by default the current one) has, read from /proc; nil if unreadable.
    public static func userTasks(of user: UInt32 = getuid()) -> Int? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        var tasks = 0
        for entry in entries where entry.first?.isNumber == true {
            var info = stat()
            guard stat("/proc/\(entry)", &info) == 0, info.st_uid == user else { continue }
            tasks += (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(entry)/task").count) ?? 1
        }
        return tasks
    }
}

/// A running learner host: a child process in its own process group, asked one question at a time
/// over its own descriptors (3 in, 4 out), with the learner's output captured apart and capped.
/// Its limits are set from outside, before it runs (`OutsideLimits`, a `ResourceGroup`), and it
/// holds no descriptor of the tool but those three pipes.
public final class HostProcess {
    public let executable: URL
    public let limits: HostLimits
    /// Bubblewrap around the host, or nil to run it directly.
    public let sandbox: Sandbox?
    private var pid: pid_t = 0
    private var requests: Int32 = -1
    private var answers: Int32 = -1
    private var output: Int32 = -1
    private var answerBuffer = Data()
    /// The control group the running host is held in, when the machine offers one.
    private var group: ResourceGroup?
    private var nextId = 1
    /// Checked while waiting; true stops the wait (Ctrl-C).
    public var shouldStop: () -> Bool = { false }

    public init(executable: URL, limits: HostLimits, sandbox: Sandbox? = nil) throws {
        self.executable = executable
        self.limits = limits
        self.sandbox = sandbox
        try start()
    }

    deinit { stop() }

    /// The process the tool started for the host (the launcher, then the sandbox), 0 when stopped.
    public var processIdentifier: pid_t { pid }

    private func start() throws {
        let requestPipe = try ChildSpawn.pipe(), answerPipe = try ChildSpawn.pipe(), outputPipe = try ChildSpawn.pipe()
        group = ResourceGroup.create(memoryBytes: UInt64(limits.memoryMegabytes) << 20, tasks: limits.groupTasks)
        var environment = ProcessInfo.processInfo.environment
        // The runtime's backtracer, without its prompts and register dumps: a crash, or the SIGQUIT
        // sent to a host that does not answer, prints where the learner's code was.
        environment["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,registers=none,images=none,threads=all,symbolicate=fast"
        do {
            let command = try limits.outside.command(sandbox?.command(for: executable, arguments: []) ?? [executable.path], group: group)
            pid = try ChildSpawn.spawn(
                command, descriptors: [1: outputPipe.write, 2: outputPipe.write, 3: requestPipe.read, 4: answerPipe.write],
                environment: environment)
        } catch {
            for end in [requestPipe, answerPipe, outputPipe] {
                close(end.read)
                close(end.write)
            }
            group?.remove()
            group = nil
            throw (error as? CheckError).map { CheckError.cannotStartCode(executable: executable.lastPathComponent, because: $0) } ?? error
        }
        [requestPipe.read, answerPipe.write, outputPipe.write].forEach { close($0) }
        requests = requestPipe.write
        answers = answerPipe.read
        output = outputPipe.read
        answerBuffer = Data()
    }

    /// Stops the host and everything it started.
    public func stop() {
        guard pid > 0 else { return }
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        _ = ChildSpawn.wait(pid)
        pid = 0
        group?.remove()
        group = nil
        [requests, answers, output].forEach { if $0 >= 0 { close($0) } }
        requests = -1
        answers = -1
        output = -1
    }

    /// What one request gave, and what the learner's code printed meanwhile.
    public struct Exchange: Sendable {
        public var answer: HostAnswer
        public var output: String
        /// Bytes printed beyond what was kept.
        public var droppedOutput: Int
        /// Where the learner's code was running when it was stopped for taking too long, if known.
        public var stoppedIn: CodeLocation? = nil
    }

    /// Asks one question. A timeout or a crash is the exchange's answer; the host is then started
    /// again, so the next question finds it ready.
    public func ask(driver: String, input: JSONValue, timeout: Double? = nil) throws -> Exchange {
        if pid == 0 { try start() }
        let id = nextId
        nextId += 1
        let request = JSONValue.object(["id": .number(Double(id)), "driver": .string(driver), "input": input]).json + "\n"
        var printed = Data()
        var dropped = 0
        guard writeAll(request) else {
            let reason = finish()
            try start()
            return Exchange(answer: .crashed(reason), output: "", droppedOutput: 0)
        }
        let deadline = Date().addingTimeInterval(timeout ?? limits.requestTimeout)
        while true {
            if let line = takeLine() {
                drainOutput(into: &printed, dropped: &dropped)
                return Exchange(
                    answer: Self.decode(line, expecting: id), output: String(decoding: printed, as: UTF8.self), droppedOutput: dropped)
            }
            if shouldStop() {
                stop()
                throw CheckInterrupted()
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                drainOutput(into: &printed, dropped: &dropped)
                // Filling memory is slow (the kernel zeroes every page): a bomb is mostly still
                // growing when time runs out, and is told as what it is, not as a loop. A sixteenth of
                // the budget is several times what any scenario's host holds.
                let hoarding = group.flatMap { $0.memoryInUse > $0.memoryBytes / 16 ? $0.memoryInUse : nil }
                let location = hoarding == nil ? whereStuck(printed: &printed, dropped: &dropped) : nil
                stop()
                try start()
                let answer =
                    hoarding.map {
                        HostAnswer.crashed(
                            "it ran out of memory: it held \($0 >> 20) MiB of its \(limits.memoryMegabytes) MiB and was still taking more when its time ran out"
                        )
                    } ?? .timedOut(seconds: timeout ?? limits.requestTimeout)
                return Exchange(
                    answer: answer, output: String(decoding: printed, as: UTF8.self), droppedOutput: dropped, stoppedIn: location)
            }
            var descriptors = [
                pollfd(fd: answers, events: Int16(POLLIN), revents: 0), pollfd(fd: output, events: Int16(POLLIN), revents: 0),
            ]
            _ = poll(&descriptors, 2, Int32(min(remaining, 0.1) * 1000) + 1)
            if descriptors[1].revents != 0 { readOutput(into: &printed, dropped: &dropped) }
            if descriptors[0].revents != 0, !readAnswers() {
                // The answer channel closed: the host is gone.
                drainOutput(into: &printed, dropped: &dropped)
                let reason = finish()
                try start()
                let (text, backtrace) = CodeLocation.split(String(decoding: printed, as: UTF8.self))
                let crash = Self.crash(reason, output: text, location: backtrace.flatMap(CodeLocation.innermostLearnerFrame))
                return Exchange(answer: .crashed(crash.reason), output: crash.output, droppedOutput: dropped)
            }
        }
    }

    private func writeAll(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(requests, $0.baseAddress, $0.count) }
            if written <= 0 { return false }
            bytes = bytes.dropFirst(written)
        }
        return true
    }

    private func readAnswers() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = read(answers, &chunk, chunk.count)
        if count <= 0 { return false }
        answerBuffer.append(contentsOf: chunk[0..<count])
        return true
    }

    private func takeLine() -> Data? {
        guard let newline = answerBuffer.firstIndex(of: 0x0A) else { return nil }
        let line = Data(answerBuffer[answerBuffer.startIndex..<newline])
        answerBuffer = Data(answerBuffer[(newline + 1)...])
        return line
    }

    private func readOutput(into printed: inout Data, dropped: inout Int) {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = read(output, &chunk, chunk.count)
        guard count > 0 else { return }
        keep(chunk[0..<count], in: &printed, dropped: &dropped)
    }

    /// Keeps what fits under the output cap and counts the rest.
    private func keep<Bytes: Collection<UInt8>>(_ bytes: Bytes, in printed: inout Data, dropped: inout Int) {
        let room = max(0, limits.outputCap - printed.count)
        printed.append(contentsOf: bytes.prefix(room))
        dropped += max(0, bytes.count - room)
    }

    /// Asks a host that does not answer where it is: on SIGQUIT the runtime's backtracer prints its
    /// stack, and the learner's innermost frame is found in it. What the code printed before the
    /// backtrace joins `printed`. Nil in the sandbox, whose runtime has no backtracer.
    private func whereStuck(printed: inout Data, dropped: inout Int) -> CodeLocation? {
        guard sandbox == nil, pid > 0 else { return nil }
        kill(pid, SIGQUIT)
        var rest = Data()
        let deadline = Date().addingTimeInterval(5)
        // Until the host ends (the output closes), a flood aside.
        while deadline.timeIntervalSinceNow > 0, rest.count < 4 << 20 {
            var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) >= 0 else { break }
            guard descriptor.revents != 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(output, &chunk, chunk.count)
            if count <= 0 { break }
            rest.append(contentsOf: chunk[0..<count])
        }
        let (before, backtrace) = CodeLocation.split(String(decoding: rest, as: UTF8.self))
        if !before.isEmpty { keep(Data(before.utf8), in: &printed, dropped: &dropped) }
        return backtrace.flatMap(CodeLocation.innermostLearnerFrame)
    }

    /// Reads whatever output is waiting, without blocking.
    private func drainOutput(into printed: inout Data, dropped: inout Int) {
        while true {
            var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0, descriptor.revents & Int16(POLLIN) != 0 else { return }
            let before = printed.count + dropped
            readOutput(into: &printed, dropped: &dropped)
            if printed.count + dropped == before { return }
        }
    }

    /// Waits for a host that is ending and says how it ended.
    private func finish() -> String {
        let status = ChildSpawn.wait(pid)
        kill(-pid, SIGKILL)
        pid = 0
        let outOfMemory = (group?.memoryKills ?? 0) > 0
        group?.remove()
        group = nil
        [requests, answers, output].forEach { close($0) }
        requests = -1
        answers = -1
        output = -1
        if outOfMemory { return "it ran out of memory (its limit is \(limits.memoryMegabytes) MiB)" }
        var signal = status & 0x7F
        let exitStatus = (status >> 8) & 0xFF
        // Bubblewrap reports its child's death by signal N as exit status 128 + N.
        if signal == 0, sandbox != nil, (129...159).contains(exitStatus) { signal = exitStatus - 128 }
        if signal == 0 { return "it exited with status \(exitStatus) before answering" }
        switch signal {
        case SIGSEGV: return "a crash (SIGSEGV): a stack overflow from endless recursion, or memory misuse"
        case SIGILL, SIGTRAP: return "a runtime trap"
        case SIGKILL: return "it was killed (SIGKILL), likely for using too much memory or CPU time"
        case SIGXCPU: return "it used up its CPU time"
        case SIGXFSZ: return "it wrote a file larger than allowed"
        case SIGABRT: return "it aborted (SIGABRT)"
        default: return "signal \(signal)"
        }
    }

    /// Why a host crashed: the runtime's own message (`Fatal error: …`) when there is one, else how
    /// the process ended, with the learner's frame when the message does not name a line; and
    /// what the code printed, without that message, so it is said once. (`output` comes without
    /// the backtrace, whose addresses change every run, so the same code gives the same report.)
    static func crash(_ ending: String, output: String, location: CodeLocation?) -> (reason: String, output: String) {
        var lines = output.components(separatedBy: "\n")
        var reason = ending
        if let index = lines.lastIndex(where: {
            $0.contains("Fatal error") || $0.contains("fatal error") || $0.contains("Precondition failed")
        }) {
            reason = lines.remove(at: index).trimmingCharacters(in: .whitespaces)
        }
        if let location, !reason.contains(".swift:") { reason += ", in \(location)" }
        return (reason, lines.joined(separator: "\n").trimmingCharacters(in: .newlines))
    }

    static func decode(_ line: Data, expecting id: Int) -> HostAnswer {
        guard case .object(let object)? = try? JSONValue.parse(line), object["id"] == .number(Double(id)) else {
            return .mismatch("the host answered something unreadable")
        }
        if let value = object["ok"] { return .returned(value) }
        if case .object(let thrown)? = object["thrown"] {
            func text(_ value: JSONValue?) -> String? {
                if case .string(let text)? = value { text } else { value.map(DomainWords.describe) }
            }
            return .threw(type: text(thrown["type"]) ?? "Error", description: text(thrown["description"]) ?? "")
        }
        if case .string(let message)? = object["failure"] { return .mismatch(message) }
        return .mismatch("the host answered something unreadable")
    }
}

/// Ctrl-C stopped a check.
public struct CheckInterrupted: Error {}
