import Foundation

/// One learner's submission: a folder, or a `.zip` / `.tar.gz` as learning platforms export them.
public struct Submission: Sendable, Hashable {
    /// The folder or archive name, without the archive's extension.
    public var id: String
    public var location: URL

    public var isArchive: Bool { Self.archiveExtension(of: location.lastPathComponent) != nil }

    static let archiveExtensions = [".tar.gz", ".tgz", ".zip"]

    static func archiveExtension(of name: String) -> String? {
        archiveExtensions.first { name.lowercased().hasSuffix($0) }
    }

    /// Every submission in a folder, sorted by id, so every run (and every shard) sees one order.
    public static func all(in folder: URL) throws -> [Submission] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw GradingError("no submissions folder at \(folder.path)")
        }
        let entries = try FileManager.default.contentsOfDirectory(
            at: folder, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey])
        var submissions: [Submission] = []
        for entry in entries where !entry.lastPathComponent.hasPrefix(".") {
            let values = try? entry.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            if values?.isSymbolicLink == true { continue }
            let name = entry.lastPathComponent
            if values?.isDirectory == true {
                submissions.append(Submission(id: name, location: entry))
            } else if let suffix = archiveExtension(of: name) {
                submissions.append(Submission(id: String(name.dropLast(suffix.count)), location: entry))
            }
        }
        return submissions.sorted { $0.id < $1.id }
    }
}

/// A submission's Swift sources, gathered into a private folder: only `Sources/<Module>/**/*.swift`
/// regular files. Everything else (a Package.swift, plugins, binaries, links) is listed as ignored.
struct SubmissionFiles {
    /// A private workspace holding only the accepted sources.
    var workspace: URL
    var ignored: [String]

    static let maximumFileBytes = 1 << 20

    static func gather(_ submission: Submission, modules: Set<String>, into scratch: URL) throws -> SubmissionFiles {
        let unpacked = scratch.appendingPathComponent("unpacked")
        let workspace = scratch.appendingPathComponent("workspace")
        try FileManager.default.createDirectory(at: unpacked, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        let root: URL
        if submission.isArchive {
            try unpack(submission.location, into: unpacked)
            root = unpacked
        } else {
            root = submission.location
        }
        let base = workspaceRoot(in: root)
        var ignored: [String] = []
        let keys: [URLResourceKey] = [.isRegularFileKey, .isSymbolicLinkKey, .isDirectoryKey, .fileSizeKey]
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: keys) else {
            return SubmissionFiles(workspace: workspace, ignored: [])
        }
        let basePath = base.standardizedFileURL.path
        for case let url as URL in enumerator {
            let relative = String(url.standardizedFileURL.path.dropFirst(basePath.count + 1))
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values?.isDirectory == true {
                if [".build", ".git", ".swiftpm", ".workshop"].contains(url.lastPathComponent) {
                    enumerator.skipDescendants()
                    if url.lastPathComponent != ".git" { ignored.append(relative + "/") }
                }
                continue
            }
            let parts = relative.split(separator: "/")
            let accepted =
                values?.isSymbolicLink != true && values?.isRegularFile == true
                && url.pathExtension == "swift" && parts.count >= 3 && parts[0] == "Sources" && modules.contains(String(parts[1]))
                && (values?.fileSize ?? 0) <= maximumFileBytes
            if accepted {
                let target = workspace.appendingPathComponent(relative)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: url, to: target)
            } else {
                ignored.append(relative)
            }
        }
        return SubmissionFiles(workspace: workspace, ignored: ignored.sorted())
    }

    /// The folder holding `Sources/`: the submission itself, or the one folder an export wraps it in.
    static func workspaceRoot(in folder: URL) -> URL {
        var current = folder
        for _ in 0..<3 {
            if FileManager.default.fileExists(atPath: current.appendingPathComponent("Sources").path) { return current }
            let children =
                ((try? FileManager.default.contentsOfDirectory(at: current, includingPropertiesForKeys: [.isDirectoryKey])) ?? [])
                .filter { !$0.lastPathComponent.hasPrefix(".") && !$0.lastPathComponent.hasPrefix("__MACOSX") }
            guard children.count == 1, (try? children[0].resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true else { break }
            current = children[0]
        }
        return folder
    }

    /// Unpacks with the system's tools, which refuse absolute paths and `..` (no writing outside).
    static func unpack(_ archive: URL, into folder: URL) throws {
        let name = archive.lastPathComponent.lowercased()
        let (tool, arguments) =
            name.hasSuffix(".zip")
            ? ("/usr/bin/unzip", ["-qq", "-o", archive.path, "-d", folder.path])
            : ("/bin/tar", ["-xzf", archive.path, "-C", folder.path, "--no-same-owner", "--no-same-permissions"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch { throw GradingError("cannot unpack \(archive.lastPathComponent): \(tool) is missing") }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason =
                String(decoding: message, as: UTF8.self).components(separatedBy: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty && !$0.hasPrefix("[") } ?? "damaged archive"
            throw GradingError("cannot unpack \(archive.lastPathComponent): \(reason)")
        }
    }
}

/// A problem with grading itself, for the person running it.
public struct GradingError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
