import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Shows text taller than the window one screen at a time, as git and man do: through `$PAGER`
/// (run by `sh -c`), else `less -R`. Only on a terminal; a pipe gets the text as it is.
public struct Pager: Sendable {
    /// The pager's command line; nil when paging is off (`PAGER=` or `PAGER=cat`, or no less).
    public var command: String?
    /// Extra environment for the pager: less quits at once on a text that fits and leaves the
    /// text on the screen (`LESS=FRX`, as git sets it), unless the person set LESS themselves.
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let chosen = environment["PAGER"]
        if let chosen {
            let trimmed = chosen.trimmingCharacters(in: .whitespaces)
            command = trimmed.isEmpty || trimmed == "cat" ? nil : trimmed
        } else {
            let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            command = path.contains { FileManager.default.isExecutableFile(atPath: "\($0)/less") } ? "less -R" : nil
        }
        self.environment = environment["LESS"] == nil ? ["LESS": "FRX"] : [:]
    }

    /// Writes `text` to standard output, through the pager when it has more lines than the window.
    /// Falls back to writing it directly if the pager cannot start.
    public func show(_ text: String, rows: Int?) {
        let lineCount = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        guard let command, let rows, lineCount >= rows else { return StandardStream.write(text, to: STDOUT_FILENO) }
        // posix_spawn, not Foundation's Process: the pager must stay in the shell's process group,
        // on its controlling terminal, to read keys from it (Process starts a session of its own).
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return StandardStream.write(text, to: STDOUT_FILENO) }
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
        posix_spawn_file_actions_addclose(&actions, ends[0])
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, "/bin/sh", &actions, nil, argv, envp)
        close(ends[0])
        guard status == 0 else {
            close(ends[1])
            return StandardStream.write(text, to: STDOUT_FILENO)
        }
        // The pager may quit before reading everything (q on the first screen): that is no error.
        let previous = signal(SIGPIPE, SIG_IGN)
        StandardStream.write(text, to: ends[1])
        close(ends[1])
        var exit: Int32 = 0
        while waitpid(child, &exit, 0) < 0, errno == EINTR {}
        signal(SIGPIPE, previous)
        // Ctrl-C inside the pager is the pager's; the shell should not see it afterwards.
        _ = Interrupt.take()
    }
}

extension Output {
    /// Runs `body` with what it writes collected instead of written, and returns the text.
    public func capturing(_ body: () throws -> Void) rethrows -> String {
        let collected = CollectedText()
        let previous = swapSink { collected.append($0) }
        defer { _ = swapSink(previous) }
        try body()
        return collected.text
    }
}
