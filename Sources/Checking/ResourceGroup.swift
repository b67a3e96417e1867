import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A control group holding one learner host (or one compile) and everything it starts: its memory,
/// tmpfs pages included, and its number of tasks are bounded by the kernel, whatever the code does.
///
/// Made where the machine delegates one to the tool: cgroup v2 (`memory.max`, `pids.max`) or the
/// v1 memory and pids hierarchies. Where neither is writable, `create` gives nil and only the
/// rlimits apply.
public final class ResourceGroup: Sendable {
    /// The group's folders, one per hierarchy (one for v2, memory and pids for v1).
    let folders: [URL]
    let version: Int
    public let memoryBytes: UInt64
    public let tasks: Int

    init(folders: [URL], version: Int, memoryBytes: UInt64, tasks: Int) {
        self.folders = folders
        self.version = version
        self.memoryBytes = memoryBytes
        self.tasks = tasks
    }

    /// The files a launcher writes its own pid to, joining the group before it runs anything.
    public var processFiles: [String] { folders.map { $0.appendingPathComponent("cgroup.procs").path } }

    nonisolated(unsafe) private static var made = 0
    private static let lock = NSLock()

    /// A new group with these limits, or nil when the machine offers none to this user.
    public static func create(memoryBytes: UInt64, tasks: Int, cgroupFile: String = "/proc/self/cgroup") -> ResourceGroup? {
        guard let lines = try? String(contentsOfFile: cgroupFile, encoding: .utf8).split(separator: "\n") else { return nil }
        var paths: [String: String] = [:]
        for line in lines {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            for controller in parts[1].split(separator: ",") { paths[String(controller)] = String(parts[2]) }
            if parts[0] == "0" { paths["v2"] = String(parts[2]) }
        }
        let name = lock.withLock {
            made += 1
            return "workshop-\(getpid())-\(made)"
        }
        if let memory = paths["memory"], let pids = paths["pids"] {
            let memoryFolder = URL(fileURLWithPath: "/sys/fs/cgroup/memory" + memory)
            let pidsFolder = URL(fileURLWithPath: "/sys/fs/cgroup/pids" + pids)
            removeStale(in: memoryFolder)
            removeStale(in: pidsFolder)
            let group = ResourceGroup(
                folders: [memoryFolder.appendingPathComponent(name), pidsFolder.appendingPathComponent(name)], version: 1,
                memoryBytes: memoryBytes, tasks: tasks)
            if group.make([
                (0, "memory.limit_in_bytes", "\(memoryBytes)"), (0, "memory.memsw.limit_in_bytes?", "\(memoryBytes)"),
                (1, "pids.max", "\(tasks)"),
            ]) {
                return group
            }
        }
        if let path = paths["v2"], FileManager.default.fileExists(atPath: "/sys/fs/cgroup/cgroup.controllers") {
            let parent = URL(fileURLWithPath: "/sys/fs/cgroup" + path)
            removeStale(in: parent)
            let group = ResourceGroup(folders: [parent.appendingPathComponent(name)], version: 2, memoryBytes: memoryBytes, tasks: tasks)
            if group.make([(0, "memory.max", "\(memoryBytes)"), (0, "memory.swap.max?", "0"), (0, "pids.max", "\(tasks)")]) {
                return group
            }
        }
        return nil
    }

    /// Makes the folders and writes the limits (a name ending in `?` may be absent); undoes all on failure.
    private func make(_ settings: [(folder: Int, file: String, value: String)]) -> Bool {
        for folder in folders where mkdir(folder.path, 0o755) != 0 {
            remove()
            return false
        }
        for setting in settings {
            let optional = setting.file.hasSuffix("?")
            let file = folders[setting.folder].appendingPathComponent(String(setting.file.prefix(while: { $0 != "?" })))
            if !Self.write(setting.value, to: file.path), !optional {
                remove()
                return false
            }
        }
        return true
    }

    private static func write(_ text: String, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return text.withCString { Glibc.write(descriptor, $0, strlen($0)) } == text.utf8.count
    }

    /// How many times the kernel killed a task of the group for memory.
    public var memoryKills: Int {
        let file = version == 1 ? "memory.oom_control" : "memory.events"
        guard let text = try? String(contentsOf: folders[0].appendingPathComponent(file), encoding: .utf8) else { return 0 }
        let line = text.split(separator: "\n").first { $0.hasPrefix("oom_kill ") }
        return line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    }

    /// Bytes the group's tasks hold now, tmpfs pages included.
    public var memoryInUse: UInt64 {
        let file = version == 1 ? "memory.usage_in_bytes" : "memory.current"
        let text = (try? String(contentsOf: folders[0].appendingPathComponent(file), encoding: .utf8)) ?? ""
        return UInt64(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Kills whatever is left in the group and removes it.
    public func remove() {
        for folder in folders {
            for _ in 0..<50 {
                let procs = (try? String(contentsOf: folder.appendingPathComponent("cgroup.procs"), encoding: .utf8)) ?? ""
                let pids = procs.split(separator: "\n").compactMap { pid_t($0) }
                pids.forEach { kill($0, SIGKILL) }
                if rmdir(folder.path) == 0 || errno == ENOENT { break }
                usleep(10_000)
            }
        }
    }

    /// Groups left by a tool that was killed (its pid no longer runs), removed once they are empty.
    private static func removeStale(in parent: URL) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries where entry.hasPrefix("workshop-") {
            let parts = entry.split(separator: "-")
            guard parts.count == 3, let pid = pid_t(parts[1]), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            rmdir(parent.appendingPathComponent(entry).path)
        }
    }
}
