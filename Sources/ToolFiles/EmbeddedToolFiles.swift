import Foundation

/// The tool's files as the build embedded them (the `EmbedToolFiles` plugin generates `encoded`
/// and `fingerprint`), unpacked on first use.
enum EmbeddedToolFiles {
    /// Unpacks the files into `<cache>/tool-<fingerprint>/` unless they are there already, and
    /// returns that folder. It is written beside and renamed into place, so a crash or a second
    /// process unpacking at the same moment never leaves a half-written folder in use.
    static func unpacked(into cache: URL) throws -> URL {
        let files = FileManager.default
        let folder = cache.appendingPathComponent("tool-\(fingerprint)")
        if files.fileExists(atPath: folder.appendingPathComponent(".complete").path) { return folder }
        try files.createDirectory(at: cache, withIntermediateDirectories: true)
        let partial = cache.appendingPathComponent(".tool-\(fingerprint)-\(ProcessInfo.processInfo.processIdentifier)")
        try? files.removeItem(at: partial)
        for (path, base64) in encoded {
            let target = partial.appendingPathComponent(path)
            try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(base64Encoded: base64)!.write(to: target)
        }
        // The workspace's editor package points at this folder for the kit.
        try Data(manifest.utf8).write(to: partial.appendingPathComponent("Package.swift"))
        try Data().write(to: partial.appendingPathComponent(".complete"))
        do {
            try files.moveItem(at: partial, to: folder)
        } catch {
            try? files.removeItem(at: partial)
            guard files.fileExists(atPath: folder.appendingPathComponent(".complete").path) else { throw error }
        }
        return folder
    }

    static let manifest = """
        // swift-tools-version: 6.0
        // The kit learner code compiles against, unpacked by workshop for editors (sourcekit-lsp).
        import PackageDescription

        let package = Package(
            name: "workshop",
            products: [.library(name: "EventSourcing", targets: ["EventSourcing"])],
            targets: [.target(name: "EventSourcing")]
        )

        """
}
