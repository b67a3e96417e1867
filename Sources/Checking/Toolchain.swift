import Foundation

/// The Swift compiler the tool builds learner hosts with: `SWIFTC` if set, else `swiftc` on PATH.
public struct Toolchain: Sendable {
    public var swiftc: URL
    /// Identifies this compiler for cache keys: its path, size and modification time.
    public var identity: String
    /// Whether the toolchain ships lld beside swiftc (faster links than the system linker).
    public var hasLLD: Bool {
        FileManager.default.isExecutableFile(
            atPath: swiftc.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("ld.lld").path)
    }

    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Toolchain {
        let candidate: URL?
        if let explicit = environment["SWIFTC"], !explicit.isEmpty {
            candidate = URL(fileURLWithPath: explicit)
        } else {
            candidate = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
                .map { URL(fileURLWithPath: String($0)).appendingPathComponent("swiftc") }
                .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        }
        guard let swiftc = candidate, FileManager.default.isExecutableFile(atPath: swiftc.path) else {
            throw CheckError("no Swift compiler found: put swiftc on PATH, or set SWIFTC to its path")
        }
        let attributes = (try? FileManager.default.attributesOfItem(atPath: swiftc.resolvingSymlinksInPath().path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return Toolchain(swiftc: swiftc, identity: "\(swiftc.resolvingSymlinksInPath().path)|\(size)|\(modified)")
    }
}

/// A problem with checking itself (not with the learner's code), worded for the person at the keyboard.
public struct CheckError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
