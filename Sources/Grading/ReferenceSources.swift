import Curriculum
import Foundation

/// The course's reference code of a lesson, for reference detection and similarity, composed from
/// the overlays in `solutions/` by the course (`Course.composedReference(of:)`).
public enum ReferenceSources {
    /// The complete reference of `lesson` (every file a learner has after lesson N's reference is
    /// installed), as relative path → text; Swift files only.
    public static func files(of lesson: Lesson, in course: Course) -> [String: String] {
        ((try? course.composedReference(of: lesson))?.texts ?? [:]).filter { $0.key.hasSuffix(".swift") }
    }

    /// What lesson N's reference adds or changes over lesson N-1's: the learner's own work of that lesson.
    public static func overlay(of lesson: Lesson, in course: Course) -> [String: String] {
        let own = files(of: lesson, in: course)
        let before = course.lesson(before: lesson).map { files(of: $0, in: course) } ?? [:]
        return own.filter { before[$0.key] != $0.value }
    }

    /// A lesson's starter files (Swift only), as relative path → text, read as the course reads
    /// them for composition and lint (`Course.starter(of:)`).
    public static func starter(of lesson: Lesson, in course: Course) -> [String: String] {
        ((try? course.starter(of: lesson)) ?? [:]).filter { $0.key.hasSuffix(".swift") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// Every `.swift` regular file under `folder`, by path relative to it.
    static func swiftFiles(in folder: URL) -> [String: String] {
        let keys: [URLResourceKey] = [.isRegularFileKey, .isSymbolicLinkKey]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { return [:] }
        let base = folder.standardizedFileURL.path
        var files: [String: String] = [:]
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let values = try? url.resourceValues(forKeys: Set(keys))
            guard values?.isRegularFile == true, values?.isSymbolicLink != true,
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = text
        }
        return files
    }
}
