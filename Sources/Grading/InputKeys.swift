import Checking
import Curriculum
import Foundation

/// Content keys of what a grade depends on, so a second `grade` into the same `--out` grades
/// again only what changed: like check's host cache (HostBuilder), a fingerprint of every input,
/// never a file's time. A lesson's key covers the kit (toolchain and kit sources), the lesson's
/// suite, private suites and binding, the limits and the sandbox; a submission's key its bytes.
enum InputKeys {
    /// Bumped when grading itself changes what it makes of the same inputs.
    static let graderVersion = "grading-3"

    /// Each lesson's key, by id.
    static func lessons(_ grader: Grader, kit: URL) throws -> [String: String] {
        var keys: [String: String] = [:]
        // Whether code is the reference depends on the references of the lesson and those after it.
        var references = Fingerprint()
        for lesson in grader.course.lessons {
            for (path, text) in ReferenceSources.files(of: lesson, in: grader.course).sorted(by: { $0.key < $1.key }) {
                references.add("\(lesson.id)/\(path)")
                references.add(text)
            }
        }
        for lesson in grader.lessons {
            var fingerprint = Fingerprint()
            fingerprint.add(graderVersion)
            fingerprint.add(references.hex)
            fingerprint.add(kit.lastPathComponent)
            fingerprint.add(lesson.id)
            fingerprint.add(lesson.module ?? "")
            for file in [lesson.suiteFile, lesson.bindingFile].compactMap({ $0 })
                + grader.privateSuites.map({
                    $0.appendingPathComponent(lesson.id).appendingPathComponent("suite.yaml")
                })
            {
                fingerprint.add(file.lastPathComponent)
                fingerprint.add(FileManager.default.contents(atPath: file.path) ?? Data())
            }
            let limits = grader.limits
            fingerprint.add(
                "\(limits.cpuSeconds) \(limits.memoryMegabytes) \(limits.fileSizeMegabytes) \(limits.outputCap) \(grader.submissionTimeout)"
                    + " sandbox=\(grader.sandbox != nil)")
            keys[lesson.id] = fingerprint.hex
        }
        return keys
    }

    /// A submission's content: its archive's bytes, or every regular file of its folder (paths and
    /// bytes, build folders skipped); nil for one that cannot be read safely (it is always graded).
    static func submission(_ submission: Submission) -> String? {
        guard submission.problem == nil else { return nil }
        var fingerprint = Fingerprint()
        if submission.isArchive {
            guard let data = FileManager.default.contents(atPath: submission.location.path) else { return nil }
            fingerprint.add(data)
            return fingerprint.hex
        }
        let keys: [URLResourceKey] = [.isRegularFileKey, .isSymbolicLinkKey]
        guard let enumerator = FileManager.default.enumerator(at: submission.location, includingPropertiesForKeys: keys) else { return nil }
        let base = submission.location.standardizedFileURL.path
        var files: [(String, URL)] = []
        for case let url as URL in enumerator {
            if SubmissionArchive.skippedFolders.contains(url.lastPathComponent) {
                enumerator.skipDescendants()
                continue
            }
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values?.isSymbolicLink == true { files.append((String(url.standardizedFileURL.path.dropFirst(base.count)), url)) }
            guard values?.isRegularFile == true else { continue }
            files.append((String(url.standardizedFileURL.path.dropFirst(base.count)), url))
        }
        for (path, url) in files.sorted(by: { $0.0 < $1.0 }) {
            fingerprint.add(path)
            // A link's target is its content: grading never follows it, but a changed link is a change.
            let link = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)
            fingerprint.add(link.map { Data("link:\($0)".utf8) } ?? FileManager.default.contents(atPath: url.path) ?? Data())
        }
        return fingerprint.hex
    }

    /// A lesson grade's key: the submission's content with the lesson's inputs.
    static func lesson(submission: String?, lesson: String?) -> String? {
        guard let submission, let lesson else { return nil }
        var fingerprint = Fingerprint()
        fingerprint.add(submission)
        fingerprint.add(lesson)
        return fingerprint.hex
    }
}

/// What the last run into the same `--out` can lend this one: grades whose inputs are unchanged.
struct PreviousGrades: Sendable {
    private var byID: [String: SubmissionGrade] = [:]

    init(_ run: GradingRun?) {
        for submission in run?.submissions ?? [] { byID[submission.id] = submission }
    }

    /// A lesson's earlier grade when its key matches and it was a verdict on the learner's code
    /// (not a timeout of the whole submission, nor a failure of the grader's).
    func lesson(_ id: String, of submission: String, key: String?) -> LessonGrade? {
        guard let key, let grade = byID[submission]?.lessons.first(where: { $0.lesson == id }), grade.inputKey == key else { return nil }
        return [.pass, .fail, .compileError, .missing].contains(grade.status) ? grade : nil
    }

    /// The whole earlier grade when every lesson's key matches (then nothing is unpacked or built);
    /// an unreadable one is kept when its content is unchanged, as it would fail again.
    func submission(_ id: String, keys: [String?], contentKey: String?) -> SubmissionGrade? {
        guard let contentKey, let grade = byID[id], grade.contentKey == contentKey else { return nil }
        if grade.status == .unreadable { return grade }
        guard grade.status == .graded, grade.lessons.count == keys.count else { return nil }
        for (lesson, key) in zip(grade.lessons, keys) {
            guard key != nil, lesson.inputKey == key, [.pass, .fail, .compileError, .missing].contains(lesson.status) else { return nil }
        }
        return grade
    }
}
