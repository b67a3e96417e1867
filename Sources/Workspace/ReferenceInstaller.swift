import Curriculum
import Foundation

/// What installing a lesson's reference solution did to the workspace.
public struct ReferenceReport: Sendable, Equatable {
    public var installed: [String] = []
    /// The learner's own versions, moved aside (never deleted), by path → where they are now.
    public var setAside: [String: String] = [:]
}

extension Workspace {
    /// The reference solution's files of a lesson, as paths relative to its solution folder.
    public static func referenceFiles(of lesson: Lesson, in course: Course) -> [String] {
        let folder = course.solutionsFolder.appendingPathComponent(lesson.id)
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        let base = folder.standardizedFileURL.path
        return enumerator.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .map { String($0.standardizedFileURL.path.dropFirst(base.count + 1)) }
            .sorted()
    }

    /// Copies a lesson's reference solution in, so a learner who joins late can go on from there.
    /// A file of theirs that differs is moved to `.workshop/set-aside/<lesson>-<time>/` first.
    public func installReference(of lesson: Lesson, in course: Course, now: Date = Date()) throws(WorkspaceError) -> ReferenceReport {
        var report = ReferenceReport()
        let solution = course.solutionsFolder.appendingPathComponent(lesson.id)
        let stamp = Int(now.timeIntervalSince1970)
        for path in Self.referenceFiles(of: lesson, in: course) {
            guard let reference = files.contents(atPath: solution.appendingPathComponent(path).path) else { continue }
            let target = root.appendingPathComponent(path)
            if let current = files.contents(atPath: target.path) {
                if current == reference { continue }
                if !isPristine(current, at: path) {
                    let aside = ".workshop/set-aside/\(lesson.id)-\(stamp)/\(path)"
                    try write(current, to: root.appendingPathComponent(aside))
                    report.setAside[path] = aside
                }
            }
            try write(reference, to: target)
            report.installed.append(path)
        }
        try writeEditorPackage()
        return report
    }
}
