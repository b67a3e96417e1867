import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts every child of the tool (learner hosts, the compiler, unpackers) with exactly the
/// descriptors it is given: pipes are close-on-exec from the moment they exist, and every other
/// descriptor the tool holds (its own, or one inherited from whoever started it) is closed at spawn,
/// so no learner's code can read another job's pipes or a folder the grader was handed.
public enum ChildSpawn {
    /// A pipe whose two ends are close-on-exec atomically (`pipe2(O_CLOEXEC)`), so a child spawned
    /// by another thread between creating and marking it cannot inherit it.
    public static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard pipe2(&ends, O_CLOEXEC) == 0 else {
            throw CheckError.cannotCreatePipe(reason: String(cString: strerror(errno)))
        }
        // Above the descriptors a child is given (0 to 4), so placing one end never overwrites another.
        return (high(ends[0]), high(ends[1]))
    }

    private static func high(_ descriptor: Int32) -> Int32 {
        guard descriptor < 10 else { return descriptor }
        let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, 10)
        guard moved >= 0 else { return descriptor }
        close(descriptor)
        return moved
    }

    /// Spawns `arguments` in a process group of its own, with default signal handling; the child's
    /// descriptor `key` is the tool's `value`, standard input is /dev/null unless given, and every
    /// other descriptor is closed.
    public static func spawn(_ arguments: [String], descriptors: [Int32: Int32], environment: [String: String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if descriptors[0] == nil { posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) }
        for (child, parent) in descriptors.sorted(by: { $0.key < $1.key }) {
            posix_spawn_file_actions_adddup2(&actions, parent, child)
        }
        let highest = (descriptors.keys.max() ?? 2)
        guard addClosefrom(&actions, max(3, highest + 1)) == 0 else {
            throw CheckError.glibcTooOld
        }
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
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGHUP)
        // The signal that asks a stuck host where it is (the tool's own parent may ignore it).
        sigaddset(&signals, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw CheckError.cannotSpawn(program: arguments[0], reason: String(cString: strerror(status)))
        }
        return pid
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc module does not
    /// declare without `_GNU_SOURCE`: looked up once, by name.
    private typealias ClosefromFunction = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias Pipe2Function = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private static let closefrom: ClosefromFunction? = dlsym(
        UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np"
    ).map { unsafeBitCast($0, to: ClosefromFunction.self) }
    private static let pipe2Function: Pipe2Function? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pipe2")
        .map { unsafeBitCast($0, to: Pipe2Function.self) }

    private static func addClosefrom(_ actions: inout posix_spawn_file_actions_t, _ first: Int32) -> Int32 {
        guard let closefrom else { return -1 }
        return closefrom(&actions, first)
    }

    private static func pipe2(_ ends: inout [Int32], _ flags: Int32) -> Int32 {
        guard let pipe2Function else { return -1 }
        return ends.withUnsafeMutableBufferPointer { pipe2Function($0.baseAddress!, flags) }
    }

    /// Waits for a child, retrying when a signal interrupts the wait; its raw wait status.
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return status
    }
}
