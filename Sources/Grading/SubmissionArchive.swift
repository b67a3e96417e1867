import Checking
import Foundation
import ZIPFoundation

/// Unpacks a submission's `.zip` or `.tar.gz` within limits on total size, number of entries and
/// time, so a bomb ends as that submission's error. Paths leaving the folder are refused, build
/// folders (`.build`, `.git`…) are never unpacked, and errors name the archive, never the
/// grader's scratch folder.
struct SubmissionArchive {
    var totalBytes = 64 << 20
    var entries = 5_000
    var seconds: Double = 60

    /// Folders an exported workspace may carry that grading never reads.
    static let skippedFolders: Set<String> = [".build", ".git", ".swiftpm", ".workshop"]
    /// `.workshop/events.sqlite` (and its write-ahead log): where the workspace records skipped lessons.
    static let progressFiles: Set<String> = ["events.sqlite", "events.sqlite-wal"]

    func unpack(_ archive: URL, into folder: URL) throws {
        let name = archive.lastPathComponent
        do {
            if name.lowercased().hasSuffix(".zip") {
                try unzip(archive, into: folder)
            } else {
                try untar(archive, into: folder)
            }
        } catch let problem as Problem {
            throw GradingError.archive(name: name, problem)
        }
    }

    /// Why an archive was refused; `unpack` names the archive.
    typealias Problem = GradingError.ArchiveProblem

    var tooLarge: Problem { .tooLarge(mebibytes: totalBytes >> 20) }
    var tooMany: Problem { .tooManyEntries(entries) }
    var tooSlow: Problem { .tooSlow(seconds: Int(seconds)) }

    /// The path's parts if it stays inside the folder and outside skipped folders; nil to skip it.
    func parts(of path: String) throws -> [String]? {
        let parts = path.split(separator: "/").map(String.init).filter { $0 != "." }
        if path.hasPrefix("/") || parts.contains("..") { throw Problem.pathLeavesFolder(path) }
        // The one file of a workspace's state grading reads: its progress store, for skipped lessons.
        if parts.count >= 2, parts[parts.count - 2] == ".workshop", Self.progressFiles.contains(parts[parts.count - 1]),
            !parts.dropLast(2).contains(where: Self.skippedFolders.contains)
        {
            return parts
        }
        return parts.contains(where: Self.skippedFolders.contains) || parts.isEmpty ? nil : parts
    }

    // MARK: zip, entry by entry

    private func unzip(_ url: URL, into folder: URL) throws {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch { throw Problem.notReadableZip }
        let deadline = Date().addingTimeInterval(seconds)
        var written = 0, count = 0
        for entry in archive {
            count += 1
            guard count <= entries else { throw tooMany }
            guard let parts = try parts(of: entry.path) else { continue }
            let target = parts.reduce(folder) { $0.appendingPathComponent($1) }
            switch entry.type {
            case .directory:
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            case .symlink:
                continue  // never followed, never made: grading reads regular files only
            case .file:
                // The declared size can lie; the bytes are counted as they come.
                guard written + Int(clamping: entry.uncompressedSize) <= totalBytes else { throw tooLarge }
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: target.path, contents: nil),
                    let handle = FileHandle(forWritingAtPath: target.path)
                else { throw Problem.entryCannotBeUnpacked(entry.path) }
                defer { try? handle.close() }
                do {
                    _ = try archive.extract(entry) { data in
                        written += data.count
                        guard written <= totalBytes else { throw tooLarge }
                        guard Date() < deadline else { throw tooSlow }
                        try handle.write(contentsOf: data)
                    }
                } catch let problem as Problem {
                    throw problem
                } catch {
                    throw Problem.damagedEntry(entry.path)
                }
            }
            guard Date() < deadline else { throw tooSlow }
        }
    }

    // MARK: tar.gz, listed before it is unpacked

    private func untar(_ url: URL, into folder: URL) throws {
        // A tar header's size is the size of the data that follows, so the listing tells the truth;
        // it is read within the time limit and a cap on its own length.
        let budget = LimitedRun.Budget(
            seconds: seconds, limits: OutsideLimits(cpuSeconds: Int(seconds), memoryBytes: 512 << 20, processes: nil, fileBytes: 0),
            memoryMegabytes: 512, tasks: 16, outputCap: entries * 300)
        let listing = try LimitedRun.run(["/bin/tar", "-tzvf", url.path], in: folder, budget: budget)
        guard listing.ending != .outOfTime else { throw tooSlow }
        guard listing.status == 0 else { throw Problem.notReadableTar }
        var total = 0, count = 0
        for line in listing.output.split(separator: "\n") {
            count += 1
            guard count <= entries else { throw tooMany }
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6, let kind = fields[0].first else { throw tooMany }  // only a cut listing has a short line
            guard "-dlh".contains(kind) else {
                throw Problem.specialFile(String(fields[5]))
            }
            _ = try parts(of: String(fields[5].split(separator: " -> ").first ?? ""))
            total += Int(fields[2]) ?? 0
            guard total <= totalBytes else { throw tooLarge }
        }
        var unpacking = budget
        unpacking.limits.fileBytes = UInt64(totalBytes)
        unpacking.outputCap = 4_096
        let exclusions = Self.skippedFolders.sorted().map { "--exclude=\($0)" }
        let run = try LimitedRun.run(
            ["/bin/tar", "-xzf", url.path, "-C", folder.path, "--no-same-owner", "--no-same-permissions"] + exclusions, in: folder,
            budget: unpacking)
        guard run.ending != .outOfTime else { throw tooSlow }
        guard run.status == 0 else { throw Problem.notUnpackedWhole }
    }
}
