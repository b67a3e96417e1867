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
struct ReferenceDetector: Sendable {
    /// Per lesson id: for each file of its overlay, the normal forms that count as the reference.
    private var accepted: [String: [Set<String>]] = [:]

    init(course: Course, lessons: [Lesson]) {
        var versions: [String: [Int: String]] = [:]  // path → lesson number → normal form
        for lesson in course.lessons {
            for (path, text) in ReferenceSources.files(of: lesson, in: course) {
                versions[path, default: [:]][lesson.number] = SwiftTokens.normalised(text)
            }
        }
        for lesson in lessons {
            let starter = Set(ReferenceSources.starter(of: lesson).values.map(SwiftTokens.normalised))
            var files: [Set<String>] = []
            for (path, text) in ReferenceSources.overlay(of: lesson, in: course) {
                // A file the starter gives as it is, is nobody's writing.
                guard !starter.contains(SwiftTokens.normalised(text)) else { continue }
                files.append(Set((versions[path] ?? [:]).filter { $0.key >= lesson.number }.map(\.value)))
            }
            accepted[lesson.id] = files
        }
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
