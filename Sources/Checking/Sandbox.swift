import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Bubblewrap around a learner host, for grading: no network, a read-only view of only the system
/// and the Swift runtime (no home, no repository, no suites), a read-only root, a private /tmp and
/// /dev/shm of bounded size (tmpfs pages escape an address-space limit, so each writable mount has
/// one), a clean environment, no capabilities, and death with its parent.
public struct Sandbox: Sendable {
    public var bubblewrap: URL
    /// The Swift runtime libraries the host links against.
    public var runtimeFolder: URL
    /// The toolchain's root (`<root>/usr/bin/swiftc`), which a sandboxed compile reads.
    public var toolchainRoot: URL { runtimeFolder.deletingLastPathComponent().deletingLastPathComponent() }
    /// When the tool runs as root: `setpriv`, to run the sandbox as `nobody`. Linux never applies
    /// the process limit to root, so only another user's host can be kept from a fork bomb.
    public var dropToNobody: URL?
    public static let nobody: UInt32 = 65_534
    /// Size of the private /tmp, the one folder the host may write; /dev/shm gets a sixteenth.
    public var temporaryMegabytes = 64

    /// The sandbox, if `bwrap` is installed.
    public static func find(toolchain: Toolchain, environment: [String: String] = ProcessInfo.processInfo.environment) -> Sandbox? {
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map {
            URL(fileURLWithPath: String($0)).appendingPathComponent("bwrap")
        }
        guard let bubblewrap = path.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else { return nil }
        // <toolchain>/usr/bin/swiftc → <toolchain>/usr/lib
        let runtime = toolchain.swiftc.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lib")
        let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].map { URL(fileURLWithPath: $0) }.first {
            FileManager.default.isExecutableFile(atPath: $0.path)
        }
        return Sandbox(bubblewrap: bubblewrap, runtimeFolder: runtime, dropToNobody: getuid() == 0 ? setpriv : nil)
    }

    /// The command that runs `executable` inside the sandbox with `arguments`, as `nobody` when the
    /// tool runs as root.
    public func command(for executable: URL, arguments: [String]) -> [String] {
        let user = dropToNobody.map { [$0.path, "--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups"] } ?? []
        return user
            + isolation(
                mounts: ["--ro-bind", runtimeFolder.path, runtimeFolder.path, "--ro-bind", executable.path, "/sandbox/host"],
                temporaryMegabytes: temporaryMegabytes, directory: "/tmp") + ["/sandbox/host"] + arguments
    }

    /// The command that runs the compiler inside the sandbox: it sees the system, the toolchain and
    /// `readable` (read-only), writes only `writable` and a private /tmp, and has no network.
    public func compileCommand(_ command: [String], directory: URL, readable: [URL], writable: [URL]) -> [String] {
        var mounts: [String] = []
        if toolchainRoot.path != "/" && !toolchainRoot.path.hasPrefix("/usr/") {
            mounts += ["--ro-bind", toolchainRoot.path, toolchainRoot.path]
        }
        for folder in readable { mounts += ["--ro-bind", folder.path, folder.path] }
        for folder in writable { mounts += ["--bind", folder.path, folder.path] }
        return isolation(mounts: mounts, temporaryMegabytes: 256, directory: directory.path) + command
    }

    /// Bubblewrap's part of every sandboxed command: namespaces, the read-only system, bounded
    /// writable mounts, a clean environment, then `mounts`, and last a read-only root.
    private func isolation(mounts: [String], temporaryMegabytes: Int, directory: String) -> [String] {
        var command = [
            bubblewrap.path, "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
            "--ro-bind", "/usr", "/usr", "--size", "\(temporaryMegabytes << 20)", "--tmpfs", "/tmp", "--proc", "/proc", "--dev", "/dev",
            "--size", "\(max(1, temporaryMegabytes / 16) << 20)", "--tmpfs", "/dev/shm", "--remount-ro", "/dev",
            "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv", "TMPDIR", "/tmp",
            "--setenv", "SWIFT_BACKTRACE", "enable=no",
        ]
        for folder in ["/lib", "/lib64", "/bin"] where FileManager.default.fileExists(atPath: folder) {
            // On merged-/usr systems these are links into /usr.
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: folder) {
                command += ["--symlink", target, folder]
            } else {
                command += ["--ro-bind", folder, folder]
            }
        }
        // Last, once every mount point exists: the root (a tmpfs bubblewrap made) becomes read-only.
        return command + mounts + ["--remount-ro", "/", "--chdir", directory]
    }
}
