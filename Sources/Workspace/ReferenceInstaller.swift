import Curriculum
import Foundation

/// What installing a lesson's reference solution did to the workspace.
public struct ReferenceReport: Sendable, Equatable {
    /// Files copied in where there was none, or only one the tool had put there (a starter, an
    /// earlier reference).
    public var installed: [String] = []
    /// The learner's own versions this lesson's reference changes, moved aside (never deleted),
    /// by path → where they are now.
    public var setAside: [String: String] = [:]
    /// The learner's own versions left in place: this lesson's reference does not change them
    /// (they hold the learner's code of an earlier lesson).
    public var kept: [String] = []
}

extension Workspace {
    /// Copies a lesson's reference solution in, so a learner who joins late can go on from there.
    ///
    /// A file the tool put there itself (a starter, or a reference installed earlier) is simply
    /// replaced. A file of the learner's is replaced only when this lesson's reference adds or
    /// changes it (its overlay in `solutions/<lesson>/` holds it), and then moved to
    /// `.workshop/set-aside/<lesson>-<time>/` first; otherwise it is their earlier lesson's code and
    /// stays. Each installed file is remembered under `.workshop/references/<lesson>/`, so a later
    /// install knows it as the tool's own and never sets it aside as the learner's.
    public func installReference(of lesson: Lesson, in course: Course, now: Date = Date()) throws(WorkspaceError) -> ReferenceReport {
        var report = ReferenceReport()
        let reference: ComposedReference
        do { reference = try course.composedReference(of: lesson) } catch { throw .reference(error) }
        let stamp = Int(now.timeIntervalSince1970)
        for path in reference.paths {
            guard let content = reference.files[path] else { continue }
            let target = root.appendingPathComponent(path)
            if let current = files.contents(atPath: target.path) {
                if current == content {
                    try remember(content, of: lesson, at: path)
                    continue
                }
                if !isToolsOwn(current, at: path) {
                    guard reference.changed.contains(path) else {
                        report.kept.append(path)
                        continue
                    }
                    let aside = ".workshop/set-aside/\(lesson.id)-\(stamp)/\(path)"
                    try write(current, to: root.appendingPathComponent(aside))
                    report.setAside[path] = aside
                }
            }
            try write(content, to: target)
            try remember(content, of: lesson, at: path)
            report.installed.append(path)
        }
        try writeEditorPackage()
        return report
    }

    var referencesFolder: URL { stateFolder.appendingPathComponent("references") }

    private func remember(_ content: Data, of lesson: Lesson, at path: String) throws(WorkspaceError) {
        try write(content, to: referencesFolder.appendingPathComponent(lesson.id).appendingPathComponent(path))
    }

    /// Whether `content` is something the tool put at `path` (a starter or a reference), not the learner's writing.
    func isToolsOwn(_ content: Data, at path: String) -> Bool {
        isPristine(content, at: path) || anyLesson(under: referencesFolder, holds: content, at: path)
    }
}
