import Curriculum
import Foundation

/// What `grade similarity` compares: each readable submission's Swift sources in the lessons'
/// modules (gathered as grading gathers them, under the same limits), and the code the course
/// handed out, which never counts as shared.
public struct SimilaritySources: Sendable {
    public var submissions: [ComparedSources] = []
    /// Starter code of the lessons, and the references learners may have been given.
    public var given: [String] = []
    /// A line per submission left out, and why.
    public var warnings: [String] = []

    /// Reads every submission (`progress` hears each), then the given code: the lessons' starters,
    /// their references (`solution`, and what catch-up and skip install for them), and the
    /// reference of any other lesson a submission's workspace records as skipped.
    public static func load(
        _ listed: [Submission], course: Course, lessons: [Lesson], scratch: URL, progress: (Int, String) -> Void = { _, _ in }
    ) -> SimilaritySources {
        var result = SimilaritySources()
        let modules = Set(lessons.compactMap(\.module))
        var skippedLessons = Set<String>()
        for (index, submission) in listed.enumerated() {
            let folder = scratch.appendingPathComponent("similarity-\(index)")
            defer { try? FileManager.default.removeItem(at: folder) }
            do {
                let files = try SubmissionFiles.gather(submission, modules: modules, into: folder)
                skippedLessons.formUnion(
                    SkippedLessons.read(workspace: SubmissionFiles.workspaceRoot(in: files.root), scratch: folder))
                let sources = ReferenceSources.swiftFiles(in: files.workspace).sorted { $0.key < $1.key }
                if sources.isEmpty {
                    result.warnings.append("\(submission.id): no Swift sources under Sources/ for these lessons; left out")
                } else {
                    result.submissions.append(
                        ComparedSources(id: submission.id, files: sources.map { SourceFile(path: $0.key, text: $0.value) }))
                }
            } catch {
                result.warnings.append("\(submission.id): \(error); left out")
            }
            progress(index + 1, submission.id)
        }
        var givenLessons = lessons
        for lesson in course.lessons where skippedLessons.contains(lesson.id) && !givenLessons.contains(where: { $0.id == lesson.id }) {
            givenLessons.append(lesson)
        }
        for lesson in givenLessons {
            result.given += ReferenceSources.starter(of: lesson, in: course).values
            result.given += ReferenceSources.files(of: lesson, in: course).values
        }
        return result
    }
}
