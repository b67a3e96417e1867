import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One learner's submission: a folder, or a `.zip` / `.tar.gz` as learning platforms export them.
public struct Submission: Sendable, Hashable {
    /// The folder or archive name, without the archive's extension (unless two would share it).
    public var id: String
    public var location: URL
    /// Why this entry cannot be graded: it still gets a row.
    public var problem: Unreadable?

    /// An entry of the submissions folder that cannot be read safely.
    public enum Unreadable: Sendable, Hashable {
        /// Its name is not UTF-8.
        case nameNotUTF8
        /// A symbolic link, which grading never follows.
        case symbolicLink
    }

    public init(id: String, location: URL, problem: Unreadable? = nil) {
        self.id = id
        self.location = location
        self.problem = problem
    }

    public var isArchive: Bool { Self.archiveExtension(of: location.lastPathComponent) != nil }

    static let archiveExtensions = [".tar.gz", ".tgz", ".zip"]

    static func archiveExtension(of name: String) -> String? {
        archiveExtensions.first { name.lowercased().hasSuffix($0) }
    }

    /// The submissions of a folder, and a line for every entry that is not one.
    public struct Listing: Sendable {
        public var submissions: [Submission]
        public var warnings: [String]
    }

    /// Every submission in a folder, sorted by id, so every run (and every shard) sees one order.
    /// Every entry is a submission (with a `problem` when it cannot be graded) or named in a warning;
    /// ids are unique: when two entries would share one, each keeps its full name.
    public static func all(in folder: URL) throws -> Listing {
        guard let directory = opendir(folder.path) else { throw GradingError.noSubmissionsFolder(folder.path) }
        defer { closedir(directory) }
        var submissions: [Submission] = []
        var hidden: [String] = [], other: [String] = []
        while let entry = readdir(directory) {
            // Names are read as bytes: one that is not UTF-8 still gets a row.
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if bytes == Array(".".utf8) || bytes == Array("..".utf8) { continue }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                let shown = String(decoding: bytes, as: UTF8.self)
                submissions.append(
                    Submission(
                        id: shown, location: folder,
                        problem: .nameNotUTF8))
                continue
            }
            if name.hasPrefix(".") {
                hidden.append(name)
                continue
            }
            let location = folder.appendingPathComponent(name)
            var info = stat()
            guard lstat(location.path, &info) == 0 else { continue }
            let kind = info.st_mode & S_IFMT
            let suffix = archiveExtension(of: name)
            if kind == S_IFLNK {
                submissions.append(
                    Submission(
                        id: suffix.map { String(name.dropLast($0.count)) } ?? name, location: location,
                        problem: .symbolicLink))
            } else if kind == S_IFDIR {
                submissions.append(Submission(id: name, location: location))
            } else if kind == S_IFREG, let suffix {
                submissions.append(Submission(id: String(name.dropLast(suffix.count)), location: location))
            } else {
                other.append(name)
            }
        }
        var warnings: [String] = []
        let clashing = Dictionary(grouping: submissions, by: \.id).filter { $0.value.count > 1 }
        for (id, group) in clashing.sorted(by: { $0.key < $1.key }) {
            let names = group.map { $0.location.lastPathComponent }.sorted()
            warnings.append("\(names.joined(separator: ", ")) share the id \(id); each is graded under its full name")
        }
        submissions = submissions.map { submission in
            var submission = submission
            if clashing[submission.id] != nil, submission.location != folder { submission.id = submission.location.lastPathComponent }
            return submission
        }
        // Whatever still clashes (a folder named like another's archive) is numbered.
        var seen: [String: Int] = [:]
        submissions.sort { ($0.id, $0.location.path) < ($1.id, $1.location.path) }
        for index in submissions.indices {
            let id = submissions[index].id
            seen[id, default: 0] += 1
            if seen[id]! > 1 { submissions[index].id = "\(id)~\(seen[id]!)" }
        }
        if !hidden.isEmpty { warnings.append("hidden entries skipped: " + hidden.sorted().joined(separator: ", ")) }
        if !other.isEmpty {
            warnings.append("skipped, neither a folder nor a .zip / .tar.gz: " + other.sorted().joined(separator: ", "))
        }
        return Listing(submissions: submissions.sorted { $0.id < $1.id }, warnings: warnings)
    }
}

/// A submission's Swift sources, gathered into a private folder: only `Sources/<Module>/**/*.swift`
/// regular files. Everything else (a Package.swift, plugins, binaries, links) is listed as ignored.
struct SubmissionFiles {
    /// A private workspace holding only the accepted sources.
    var workspace: URL
    var ignored: [String]
    /// The submission's own files: its folder, or where its archive was unpacked.
    var root: URL

    static let maximumFileBytes = 1 << 20
    /// The learner's sources in all: more than any lesson needs, far less than a frontend can be
    /// driven to gigabytes with (a single large literal).
    static let maximumTotalBytes = 256 << 10
    static let maximumSourceFiles = 200

    static func gather(_ submission: Submission, modules: Set<String>, into scratch: URL) throws -> SubmissionFiles {
        if let problem = submission.problem { throw GradingError.unreadableSubmission(problem) }
        let unpacked = scratch.appendingPathComponent("unpacked")
        let workspace = scratch.appendingPathComponent("workspace")
        try FileManager.default.createDirectory(at: unpacked, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        let root: URL
        if submission.isArchive {
            try SubmissionArchive().unpack(submission.location, into: unpacked)
            root = unpacked
        } else {
            root = submission.location
        }
        let base = workspaceRoot(in: root)
        var ignored: [String] = []
        let keys: [URLResourceKey] = [.isRegularFileKey, .isSymbolicLinkKey, .isDirectoryKey, .fileSizeKey]
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: keys) else {
            return SubmissionFiles(workspace: workspace, ignored: [], root: root)
        }
        let basePath = base.standardizedFileURL.path
        var sourceFiles = 0, sourceBytes = 0
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
                sourceFiles += 1
                sourceBytes += values?.fileSize ?? 0
                guard sourceFiles <= maximumSourceFiles else {
                    throw GradingError.tooManySourceFiles(limit: maximumSourceFiles)
                }
                guard sourceBytes <= maximumTotalBytes else {
                    throw GradingError.sourcesTooLarge(kibibytes: maximumTotalBytes >> 10)
                }
                let target = workspace.appendingPathComponent(relative)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: url, to: target)
            } else if relative != SubmissionTime.metadataName {
                ignored.append(relative)
            }
        }
        return SubmissionFiles(workspace: workspace, ignored: ignored.sorted(), root: root)
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
}
