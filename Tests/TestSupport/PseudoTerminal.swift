import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program on a pseudo-terminal of its own, as if a person sat at it: it is the session's
/// controlling terminal (so Ctrl-C raises SIGINT), keys are typed into it, and what the program
/// draws is read back.
public final class PseudoTerminal: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case cannotOpen(String)
        case timedOut(waitingFor: String, screen: String)
        public var description: String {
            switch self {
            case .cannotOpen(let why): "cannot open a pseudo-terminal: \(why)"
            case .timedOut(let text, let screen): "timed out waiting for \"\(text)\"; the screen showed:\n\(screen)"
            }
        }
    }

    private let master: Int32
    private let pid: pid_t
    private let lock = NSLock()
    private var raw = Data()
    private var reader: Thread?
    private var exitStatus: Int32?

    /// Keys as a terminal sends them.
    public enum Key {
        public static let up = "\u{1B}[A"
        public static let down = "\u{1B}[B"
        public static let left = "\u{1B}[D"
        public static let tab = "\t"
        public static let enter = "\r"
        public static let ctrlA = "\u{01}"
        public static let ctrlC = "\u{03}"
        public static let ctrlD = "\u{04}"
        public static let ctrlE = "\u{05}"
        public static let ctrlK = "\u{0B}"
        public static let ctrlR = "\u{12}"
        public static let ctrlW = "\u{17}"
        public static let escape = "\u{1B}"
    }

    public init(
        executable: String, arguments: [String], environment: [String: String],
        columns: UInt16 = 80, rows: UInt16 = 24
    ) throws {
        // Linux's multiplexer; grantpt/unlockpt/ptsname are not visible to Swift, so the two ioctls
        // they wrap are used directly (their numbers are fixed in the kernel's ABI).
        let unlock: UInt = 0x4004_5431  // TIOCSPTLCK
        let number: UInt = 0x8004_5430  // TIOCGPTN
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var locked: Int32 = 0
        var index: UInt32 = 0
        guard master >= 0, ioctl(master, unlock, &locked) == 0, ioctl(master, number, &index) == 0 else {
            throw Failure.cannotOpen(String(cString: strerror(errno)))
        }
        let slavePath = "/dev/pts/\(index)"
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid() and without O_NOCTTY: the terminal becomes the child's controlling one.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let setSessionID: Int32 = 0x80  // POSIX_SPAWN_SETSID
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // The test runner's threads block signals; a person's shell would not pass that on.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(setSessionID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { throw Failure.cannotOpen("spawn \(executable): \(String(cString: strerror(status)))") }
        pid = child
        let thread = Thread { [weak self] in self?.readLoop() }
        reader = thread
        thread.start()
    }

    deinit {
        if exitStatus == nil { kill(pid, SIGKILL); _ = waitForExit(timeout: 5) }
        close(master)
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { return }
            lock.withLock { raw.append(contentsOf: buffer[0..<count]) }
        }
    }

    /// Types text as keys.
    public func type(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// Resizes the window, as a person dragging its corner: the program gets SIGWINCH.
    public func resize(columns: UInt16, rows: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Forgets what was drawn so far, so the next waits see only what comes after.
    public func clearTranscript() {
        lock.withLock { raw = Data() }
    }

    /// Everything the program wrote, escape sequences included.
    public var transcript: String { lock.withLock { String(decoding: raw, as: UTF8.self) } }

    /// The text a person would read: the output replayed on a simple screen model
    /// (cursor movement, carriage returns, backspaces and line erasing applied, colours dropped).
    public var screen: String { ScreenModel.render(transcript) }

    /// Waits until the screen shows `text`; throws with the screen if it does not come.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitUntil(text, timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the screen meets `condition`; throws with the screen if it does not.
    @discardableResult
    public func waitUntil(_ what: String, timeout: TimeInterval = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let current = screen
            if condition(current) { return current }
            usleep(20_000)
        }
        throw Failure.timedOut(waitingFor: what, screen: screen)
    }

    /// Waits for the program to end; its exit status, or nil if it is still running at the deadline.
    public func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        if let exitStatus { return exitStatus }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                exitStatus = code
                return code
            }
            usleep(20_000)
        }
        return nil
    }
}

/// A small terminal screen: enough of VT100 to show what the line editor leaves visible.
enum ScreenModel {
    static func render(_ output: String) -> String {
        var lines: [[Character]] = [[]]
        var row = 0, column = 0
        var scalars = Array(output.unicodeScalars)[...]
        func put(_ character: Character) {
            while lines[row].count < column { lines[row].append(" ") }
            if column < lines[row].count { lines[row][column] = character } else { lines[row].append(character) }
            column += 1
        }
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\u{1B}":
                guard scalars.first == "[" else { _ = scalars.popFirst(); continue }
                scalars.removeFirst()
                var parameters = ""
                while let next = scalars.first, !(0x40...0x7E).contains(next.value) {
                    parameters.unicodeScalars.append(scalars.removeFirst())
                }
                let command = scalars.popFirst() ?? "m"
                let count = Int(parameters.split(separator: ";").first ?? "") ?? 1
                switch command {
                case "C": column += count
                case "D": column = max(0, column - count)
                case "A": row = max(0, row - count)
                case "B": row += count; while lines.count <= row { lines.append([]) }
                case "G": column = max(0, count - 1)
                case "H":
                    // Row and column from 1; no parameters is the top-left corner.
                    let parts = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 1 }
                    row = max(0, (parts.first ?? 1) - 1)
                    column = max(0, (parts.count > 1 ? parts[1] : 1) - 1)
                    while lines.count <= row { lines.append([]) }
                case "K":
                    if parameters.isEmpty || parameters == "0" {
                        if column < lines[row].count { lines[row].removeSubrange(column...) }
                    } else if parameters == "2" {
                        lines[row] = []
                    }
                case "J":
                    if parameters.isEmpty || parameters == "0" {
                        if column < lines[row].count { lines[row].removeSubrange(column...) }
                        lines.removeSubrange((row + 1)...)
                    }
                default: break
                }
            case "\r": column = 0
            case "\n":
                row += 1
                while lines.count <= row { lines.append([]) }
            case "\u{08}": column = max(0, column - 1)
            case "\u{07}": break
            default:
                if scalar.value < 0x20 { continue }
                put(Character(scalar))
            }
        }
        return lines.map { String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
    }
}
