import Curriculum
import Foundation

/// The course's reference code as the pack format composes it: `solutions/` holds only what each
/// lesson (or wrong solution) adds or changes, so tests ask the same composition the tool uses
/// instead of reading a lesson's folder, which is not a whole reference.
public enum ReferenceCode {
    /// The course in this repository.
    public static func course() throws -> Course {
        try CoursePackLoader.load(from: WorkshopProcess.repositoryRoot.appendingPathComponent("lessons"))
    }

    /// Every file of a lesson's reference (with `wrong`, of that wrong solution), by its path in a workspace.
    public static func files(of lesson: String, wrong: String? = nil) throws -> [String: String] {
        let course = try course()
        guard let found = course.lesson(lesson) else { throw Missing(description: "no lesson '\(lesson)' in lessons/") }
        return try course.composedReference(of: found, wrong: wrong).texts
    }

    /// One file of a lesson's reference, by its path in a workspace (`Sources/ConnectFour/Decide.swift`).
    public static func text(of lesson: String, _ path: String, wrong: String? = nil) throws -> String {
        guard let text = try files(of: lesson, wrong: wrong)[path] else {
            throw Missing(description: "the reference of '\(lesson)' has no \(path)")
        }
        return text
    }

    /// Writes a lesson's reference (its Swift files) into `folder`, under `prefix` (such as `ws/`).
    public static func install(_ lesson: String, wrong: String? = nil, into folder: TemporaryFolder, under prefix: String = "") throws {
        for (path, text) in try files(of: lesson, wrong: wrong) where path.hasSuffix(".swift") { folder.write(prefix + path, text) }
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }
}
