import Foundation

/// Code kept as the hunks it changes: a unified diff (`diff -u`, `git diff`) against a composed
/// reference. A wrong solution (`solutions/<lesson>.wrong/<name>.patch`) patches its lesson's
/// reference; a lesson's overlay (`solutions/<lesson>/<path>.patch`) patches the earlier lessons'.
///
/// A whole-file copy of a reference repeats every line but the mistake, and goes on compiling
/// against a reference that has moved on; a patch holds only the mistake, and when the lines around
/// it change it stops applying and says where, instead of drifting. Hunks apply exactly (no fuzz).
struct ReferencePatch {
    /// The changes to one file.
    struct FileChange {
        /// The file's path in a workspace (`Sources/Barstucks/Forgetting.swift`).
        var path: String
        var hunks: [Hunk]
    }

    /// One `@@ -start,count +start,count @@` block.
    struct Hunk {
        /// Where it starts in the file it changes, from 1 (0 for a new file).
        var oldStart: Int
        /// Its lines: a space (context), `-` (removed) or `+` (added), then the text; with the patch's line.
        var lines: [(kind: Character, text: String, line: Int)]
    }

    var changes: [FileChange]
    /// The patch's name in messages, under `solutions/` (`projections.wrong/queue-never-fills.patch`,
    /// `process-manager/Sources/Barstucks/Orders.swift.patch`).
    var name: String

    init(_ text: String, name: String) throws(ReferenceCompositionError) {
        self.name = name
        changes = []
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        var index = 0
        func problem(_ message: String) -> ReferenceCompositionError { .patch(name: name, line: index + 1, message: message) }
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("--- "), index + 1 < lines.count, lines[index + 1].hasPrefix("+++ ") {
                let path = Self.path(in: String(lines[index + 1].dropFirst(4)))
                guard !path.isEmpty, path != "/dev/null" else { throw problem("a patch changes or adds files; it cannot delete one") }
                changes.append(FileChange(path: path, hunks: []))
                index += 2
                continue
            }
            if line.hasPrefix("@@") {
                guard !changes.isEmpty else { throw problem("a hunk before any '--- a/PATH' and '+++ b/PATH' lines") }
                guard let (oldStart, oldCount, newCount) = Self.counts(in: line) else {
                    throw problem("'\(line)' is not a hunk header like '@@ -12,7 +12,8 @@'")
                }
                var hunk = Hunk(oldStart: oldStart, lines: [])
                var old = 0, new = 0
                index += 1
                while old < oldCount || new < newCount {
                    guard index < lines.count, let kind = lines[index].first ?? (lines[index].isEmpty ? " " : nil),
                        " -+".contains(kind)
                    else {
                        throw problem("the hunk ends early: its header promises \(oldCount) old and \(newCount) new lines")
                    }
                    hunk.lines.append((kind, String(lines[index].dropFirst()), index + 1))
                    if kind != "+" { old += 1 }
                    if kind != "-" { new += 1 }
                    index += 1
                }
                if index < lines.count, lines[index].hasPrefix("\\") {
                    throw problem("files without a newline at the end are not supported; end the file with one")
                }
                changes[changes.count - 1].hunks.append(hunk)
                continue
            }
            index += 1
        }
        guard !changes.isEmpty else { throw .patch(name: name, line: 1, message: "holds no '--- a/PATH', '+++ b/PATH' and hunks") }
    }

    /// `b/Sources/X.swift\t2026-…` → `Sources/X.swift`.
    static func path(in header: String) -> String {
        let path = header.split(separator: "\t", maxSplits: 1).first.map(String.init) ?? header
        return path.hasPrefix("b/") ? String(path.dropFirst(2)) : path
    }

    /// The old start, old count and new count of `@@ -12,7 +12,8 @@`.
    static func counts(in header: String) -> (Int, Int, Int)? {
        let parts = header.split(separator: " ")
        guard parts.count >= 4, parts[0] == "@@", parts[1].hasPrefix("-"), parts[2].hasPrefix("+") else { return nil }
        func range(_ part: Substring) -> (Int, Int)? {
            let numbers = part.dropFirst().split(separator: ",", omittingEmptySubsequences: false)
            guard let start = Int(numbers[0]) else { return nil }
            guard numbers.count > 1 else { return (start, 1) }
            return Int(numbers[1]).map { (start, $0) }
        }
        guard let (oldStart, oldCount) = range(parts[1]), let (_, newCount) = range(parts[2]) else { return nil }
        return (oldStart, oldCount, newCount)
    }

    /// The files this patch changes, each as it is after the change; `files` is the reference.
    func apply(to files: [String: Data]) throws(ReferenceCompositionError) -> [String: Data] {
        var result: [String: Data] = [:]
        for change in changes {
            let original = files[change.path].map { String(decoding: $0, as: UTF8.self) } ?? ""
            var lines = original.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            // Hunks apply from the last to the first, so each one's line numbers still hold.
            for hunk in change.hunks.reversed() {
                let old = hunk.lines.filter { $0.kind != "+" }
                var at = max(hunk.oldStart - 1, 0)
                if old.isEmpty, hunk.oldStart > 0 { at = hunk.oldStart }
                for (offset, expected) in old.enumerated() where at + offset >= lines.count || lines[at + offset] != expected.text {
                    let found = at + offset < lines.count ? "'\(lines[at + offset])'" : "the end of the file"
                    throw .patch(
                        name: name, line: expected.line,
                        message: "no longer applies to \(change.path): line \(at + offset + 1) of the reference is \(found), "
                            + "not '\(expected.text)'; update the patch against `workshop reference`")
                }
                lines.replaceSubrange(at..<(at + old.count), with: hunk.lines.filter { $0.kind != "-" }.map(\.text))
            }
            result[change.path] = Data((lines.joined(separator: "\n") + "\n").utf8)
        }
        return result
    }
}
