import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Bubblewrap around a learner host, for grading: no network, a read-only view of only the system
/// and the Swift runtime (no home, no repository, no suites), a private /tmp, a clean environment,
/// no capabilities, and death with its parent.
public struct Sandbox: Sendable {
    public var bubblewrap: URL
    /// The Swift runtime libraries the host links against.
    public var runtimeFolder: URL
    /// When the tool runs as root: `setpriv`, to run the sandbox as `nobody`. Linux never applies
    /// the process limit to root, so only another user's host can be kept from a fork bomb.
    public var dropToNobody: URL?
    public static let nobody: UInt32 = 65_534

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

    /// The command that runs `executable` inside the sandbox with `arguments`.
    public func command(for executable: URL, arguments: [String]) -> [String] {
        var command = dropToNobody.map { [$0.path, "--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups"] } ?? []
        command += [
            bubblewrap.path, "--unshare-all", "--die-with-parent", "--cap-drop", "ALL",
            "--ro-bind", "/usr", "/usr", "--tmpfs", "/tmp", "--proc", "/proc", "--dev", "/dev",
            "--ro-bind", runtimeFolder.path, runtimeFolder.path,
            "--ro-bind", executable.path, "/sandbox/host",
            "--chdir", "/tmp", "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp",
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
        return command + ["/sandbox/host"] + arguments
    }
}
