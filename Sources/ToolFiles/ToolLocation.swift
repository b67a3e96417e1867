import Foundation

/// Where the tool's own files live: the kit and host sources it compiles learner code against,
/// the default lesson pack (`lessons/`) and its references (`solutions/`).
///
/// Run from its checkout (`make run`, `swift run`), the tool reads the checkout, so an author's
/// edit counts at once. Anywhere else (an installed or copied binary) it reads the copy compiled
/// into the binary, unpacked once into the cache under its fingerprint.
public enum ToolLocation {
    /// The checkout the tool runs from, found from the executable's path (`.build/<config>/workshop`)
    /// or the current folder; nil when there is none.
    public static var checkout: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent(),
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        ]
        for start in candidates {
            var folder = start.standardizedFileURL
            for _ in 0..<6 {
                if isToolRoot(folder) { return folder }
                folder.deleteLastPathComponent()
            }
        }
        return nil
    }

    /// The folder that holds the tool's files (`Package.swift`, `Sources/EventSourcing`, `lessons/`,
    /// `solutions/`): the checkout, or else the embedded copy unpacked; nil only if unpacking failed.
    public static var packageRoot: URL? {
        if let checkout { return checkout }
        return try? EmbeddedToolFiles.unpacked(into: cacheFolder())
    }

    /// The fingerprint of the files compiled into this binary; `workshop --version` shows it.
    public static var embeddedFingerprint: String { EmbeddedToolFiles.fingerprint }

    /// Where built kits, learner hosts and the unpacked files are kept: `$WORKSHOP_CACHE`, else
    /// `$XDG_CACHE_HOME/workshop`, else `~/.cache/workshop`.
    public static func cacheFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let explicit = environment["WORKSHOP_CACHE"] { return URL(fileURLWithPath: explicit) }
        let base =
            environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSTemporaryDirectory()).appendingPathComponent(".cache")
        return base.appendingPathComponent("workshop")
    }

    static func isToolRoot(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path)
            && FileManager.default.fileExists(atPath: folder.appendingPathComponent("lessons").path)
            && FileManager.default.fileExists(atPath: folder.appendingPathComponent("Sources/EventSourcing").path)
    }
}
