import Curriculum
import EventSourcing
import EventStores
import Foundation
import Workspace

/// Where a lesson's graded code came from, when it was not the learner's own writing: the
/// course's reference, or a lesson the learner's workspace records as skipped (`skip`,
/// `catch-up`, which install the reference). Such a lesson is still run (the run shows the code
/// works), but it is reported as `reference` or `skipped` and scored by `--reference-code`.
public enum CodeOrigin: String, Codable, Sendable, CaseIterable {
    case reference
    case skipped
}

/// What code that came from the reference scores (`--reference-code`): nothing (the default), or
/// the points it earns, as before this policy existed.
public enum ReferenceCredit: String, Codable, Sendable, CaseIterable {
    case none
    case full
}

/// Tells whether a submission's code for a lesson is the course's reference, after normalising
/// whitespace and comments (SwiftTokens).
///
/// A lesson's own code is what its reference adds or changes over the lesson before
/// (ReferenceSources.overlay). The lesson is `reference` when every such file is, token for
/// token, in the submission as the reference of that lesson or of a later one (a learner who
/// caught up to lesson 8 holds lesson 7's version of a file lesson 3 introduced).
///
/// A lesson whose answer is forced is never called reference: when its reference differs from
/// what the learner starts from (the starter, else the previous reference) by fewer than
/// `minimumWork` tokens, an honest learner writes the very same tokens (lesson 1 changes four
/// strings), so identity says nothing there.
struct ReferenceDetector: Sendable {
    /// Tokens a lesson's reference must add or change for identity with it to mean anything.
    static let minimumWork = 30
    /// Per lesson id: for each file of its overlay, the normal forms that count as the reference.
    private var accepted: [String: [Set<String>]] = [:]
    /// Per lesson id: the tokens its reference adds or changes over where the learner starts.
    private(set) var work: [String: Int] = [:]

    init(course: Course, lessons: [Lesson]) {
        var versions: [String: [Int: String]] = [:]  // path → lesson number → normal form
        for lesson in course.lessons {
            for (path, text) in ReferenceSources.files(of: lesson, in: course) {
                versions[path, default: [:]][lesson.number] = SwiftTokens.normalised(text)
            }
        }
        for lesson in lessons {
            let starterFiles = ReferenceSources.starter(of: lesson, in: course)
            let starter = Set(starterFiles.values.map(SwiftTokens.normalised))
            let previous = course.lesson(before: lesson).map { ReferenceSources.files(of: $0, in: course) } ?? [:]
            var files: [Set<String>] = []
            var work = 0
            for (path, text) in ReferenceSources.overlay(of: lesson, in: course) {
                // A file the starter gives as it is, is nobody's writing.
                guard !starter.contains(SwiftTokens.normalised(text)) else { continue }
                files.append(Set((versions[path] ?? [:]).filter { $0.key >= lesson.number }.map(\.value)))
                let base = starterFiles[path] ?? previous[path] ?? ""
                let tokens = SwiftTokens.tokens(text).map(\.text)
                work += tokens.count - Self.commonLength(SwiftTokens.tokens(base).map(\.text), tokens)
            }
            self.work[lesson.id] = work
            accepted[lesson.id] = work >= Self.minimumWork ? files : []
        }
    }

    /// The length of the longest common subsequence of two token lists (two rows of the table).
    static func commonLength(_ a: [String], _ b: [String]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var ids: [String: Int] = [:]
        func id(_ token: String) -> Int {
            if let known = ids[token] { return known }
            ids[token] = ids.count
            return ids.count - 1
        }
        let left = a.map(id), right = b.map(id)
        var above = [Int](repeating: 0, count: right.count + 1), row = above
        for x in left {
            for (column, y) in right.enumerated() {
                row[column + 1] = x == y ? above[column] + 1 : max(above[column + 1], row[column])
            }
            swap(&above, &row)
        }
        return above[right.count]
    }

    /// Whether the submission's sources (path → text, relative to its workspace) hold the
    /// reference of `lesson`, in the lesson's module.
    func isReference(_ lesson: Lesson, sources: [String: String]) -> Bool {
        guard let files = accepted[lesson.id], !files.isEmpty, let module = lesson.module else { return false }
        let forms = Set(sources.filter { $0.key.hasPrefix("Sources/\(module)/") }.values.map(SwiftTokens.normalised))
        return files.allSatisfy { !$0.isDisjoint(with: forms) }
    }
}

/// The lessons a submission's workspace records as skipped: its progress store's `LessonSkipped`
/// events (what `skip` and `catch-up` record). The store is copied out and read there, so the
/// submission is never written to; one that cannot be read records nothing.
enum SkippedLessons {
    static let storeName = "events.sqlite"
    /// A learner's progress is a few hundred events; a store beyond this is not read (nor copied).
    static let maximumBytes = 64 << 20

    static func read(workspace root: URL, scratch: URL) -> Set<String> {
        let state = root.appendingPathComponent(".workshop")
        let store = state.appendingPathComponent(storeName)
        let values = try? store.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey])
        guard values?.isRegularFile == true, values?.isSymbolicLink != true, (values?.fileSize ?? 0) <= maximumBytes else { return [] }
        let copy = scratch.appendingPathComponent("progress")
        do {
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            for suffix in ["", "-wal"] {
                let file = state.appendingPathComponent(storeName + suffix)
                guard FileManager.default.fileExists(atPath: file.path) else { continue }
                try FileManager.default.copyItem(at: file, to: copy.appendingPathComponent(storeName + suffix))
            }
            let events = try SQLiteEventStore(path: copy.appendingPathComponent(storeName).path).readIfPresent(ProgressEvent.stream)
            let progress = LearnerProgress.project(events, now: Date())
            return Set(progress.lessons.filter { $0.value.status == .skipped }.keys)
        } catch {
            return []
        }
    }
}
