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
    /// Bytes of the learner's output kept per request; the rest is counted and dropped.
    public var outputCap = 16_384

    public init() {}

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

    private func start() throws {
        var requestPipe: [Int32] = [0, 0], answerPipe: [Int32] = [0, 0], outputPipe: [Int32] = [0, 0]
        guard pipe(&requestPipe) == 0, pipe(&answerPipe) == 0, pipe(&outputPipe) == 0 else {
            throw CheckError("cannot start your code: \(String(cString: strerror(errno)))")
        }
        // Close-on-exec, so no other child (a second host, the compiler) inherits these ends.
        for descriptor in requestPipe + answerPipe + outputPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 2)
        posix_spawn_file_actions_adddup2(&actions, requestPipe[0], 3)
        posix_spawn_file_actions_adddup2(&actions, answerPipe[1], 4)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, so everything it starts can be stopped together.
        posix_spawnattr_setpgroup(&attributes, 0)
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGPIPE)
        // The signal that asks a stuck host where it is (the tool's own parent may ignore it).
        sigaddset(&signals, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var limitArguments = [
            "--cpu-seconds", "\(limits.cpuSeconds)", "--memory-mb", "\(limits.memoryMegabytes)", "--file-size-mb",
            "\(limits.fileSizeMegabytes)",
        ]
        if let processes = limits.processes { limitArguments += ["--processes", "\(processes)"] }
        let arguments = sandbox?.command(for: executable, arguments: limitArguments) ?? [executable.path] + limitArguments
        var environment = ProcessInfo.processInfo.environment
        // The runtime's backtracer, without its prompts and register dumps: a crash, or the SIGQUIT
        // sent to a host that does not answer, prints where the learner's code was.
        environment["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,registers=none,images=none,threads=all,symbolicate=fast"
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        close(requestPipe[0])
        close(answerPipe[1])
        close(outputPipe[1])
        guard status == 0 else {
            [requestPipe[1], answerPipe[0], outputPipe[0]].forEach { close($0) }
            throw CheckError("cannot start your code (\(executable.lastPathComponent)): \(String(cString: strerror(status)))")
        }
        requests = requestPipe[1]
        answers = answerPipe[0]
        output = outputPipe[0]
        answerBuffer = Data()
    }

    /// Stops the host and everything it started.
    public func stop() {
        guard pid > 0 else { return }
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        pid = 0
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
                let location = whereStuck(printed: &printed, dropped: &dropped)
                stop()
                try start()
                return Exchange(
                    answer: .timedOut(seconds: timeout ?? limits.requestTimeout), output: String(decoding: printed, as: UTF8.self),
                    droppedOutput: dropped, stoppedIn: location)
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
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        kill(-pid, SIGKILL)
        pid = 0
        [requests, answers, output].forEach { close($0) }
        requests = -1
        answers = -1
        output = -1
        let signal = status & 0x7F
        if signal == 0 { return "it exited with status \((status >> 8) & 0xFF) before answering" }
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
