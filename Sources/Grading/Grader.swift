import Checking
import Curriculum
import Foundation

/// Grades submissions against lessons' suites (and private ones), in parallel, each host in the
/// sandbox when there is one and always under the grader's limits.
public struct Grader: Sendable {
    public var course: Course
    public var lessons: [Lesson]
    /// Folders of private suites: `<folder>/<lesson-id>/suite.yaml`, added to the lesson's own.
    public var privateSuites: [URL]
    public var builder: HostBuilder
    public var sandbox: Sandbox?
    public var limits: HostLimits
    /// Wall-clock seconds one submission may take in all.
    public var submissionTimeout: Double = 300

    public init(course: Course, lessons: [Lesson], privateSuites: [URL], builder: HostBuilder, sandbox: Sandbox?, limits: HostLimits) {
        self.course = course
        self.lessons = lessons
        self.privateSuites = privateSuites
        self.builder = builder
        self.sandbox = sandbox
        self.limits = limits
    }

    /// Each lesson's suite: its own scenarios, then the private ones.
    public func suites() throws -> [String: Suite] {
        var suites: [String: Suite] = [:]
        for lesson in lessons {
            guard var suite = try course.suite(of: lesson), lesson.bindingFile != nil, lesson.module != nil else {
                throw GradingError.noSuite(lesson: lesson.number, id: lesson.id)
            }
            for folder in privateSuites {
                let extra = folder.appendingPathComponent(lesson.id).appendingPathComponent("suite.yaml")
                guard FileManager.default.fileExists(atPath: extra.path) else { continue }
                let privateSuite = try SuiteLoader.load(extra, displayName: extra.path)
                let clash = Set(suite.scenarios.map(\.name)).intersection(privateSuite.scenarios.map(\.name))
                guard clash.isEmpty else {
                    throw GradingError.privateScenarioClash(file: extra.path, names: clash.sorted())
                }
                suite.scenarios += privateSuite.scenarios
            }
            suites[lesson.id] = suite
        }
        return suites
    }

    /// Grades every submission with `jobs` at a time; `progress` hears each finished one.
    public func grade(
        _ submissions: [Submission], jobs: Int, scratch: URL, previous: GradingRun? = nil,
        progress: @escaping @Sendable (SubmissionGrade) -> Void = { _ in }
    ) throws -> GradingRun {
        let suites = try suites()
        let detector = ReferenceDetector(course: course, lessons: lessons)
        let lessonKeys = try InputKeys.lessons(self, kit: try builder.kit())
        let earlier = PreviousGrades(previous)
        // Each result says whether the last run's grade was kept, unbuilt.
        let results = WorkerPool.map(count: submissions.count, workers: jobs) { index, _ -> (grade: SubmissionGrade, kept: Bool) in
            let submission = submissions[index]
            let contentKey = InputKeys.submission(submission)
            let keys = self.lessons.map { InputKeys.lesson(submission: contentKey, lesson: lessonKeys[$0.id]) }
            if var kept = earlier.submission(submission.id, keys: keys, contentKey: contentKey) {
                // Unchanged: nothing is unpacked or built; a folder's time is read again.
                if !submission.isArchive, let time = SubmissionTime.find(submission, unpacked: nil) {
                    kept.submitted = time.date
                    kept.submittedFrom = time.source
                }
                progress(kept)
                return (kept, true)
            }
            var fresh = LearnerText.capped(
                self.grade(
                    submission, suites: suites, scratch: scratch.appendingPathComponent("\(index)"), keys: keys,
                    earlier: earlier, detector: detector))
            fresh.contentKey = contentKey
            progress(fresh)
            return (fresh, false)
        }
        var warnings: [String] = []
        if sandbox == nil {
            warnings.append(
                "bubblewrap is not installed: hosts ran without the sandbox (network, files and environment not isolated); install it with `apt-get install bubblewrap`"
            )
        }
        return GradingRun(
            lessons: lessons.map(\.id), lessonNumbers: lessons.map(\.number), sandboxed: sandbox != nil, warnings: warnings,
            submissions: results.map(\.grade), lessonMaxScores: lessons.map { suites[$0.id]?.totalWeight ?? 0 },
            reused: results.filter(\.kept).map(\.grade.id))
    }

    /// Grades one submission; a lesson whose key matches the last run's grade keeps that grade.
    func grade(
        _ submission: Submission, suites: [String: Suite], scratch: URL, keys: [String?] = [],
        earlier: PreviousGrades = PreviousGrades(nil),
        detector: ReferenceDetector? = nil
    ) -> SubmissionGrade {
        let started = Date()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files: SubmissionFiles
        do {
            files = try SubmissionFiles.gather(submission, modules: Set(lessons.compactMap(\.module)), into: scratch)
        } catch {
            // Still a full row: every lesson at zero out of its maximum.
            let zeros = lessons.map {
                LessonGrade(
                    lesson: $0.id, status: .error, score: 0, maxScore: suites[$0.id]?.totalWeight ?? 0, scenarios: [], compileErrors: nil)
            }
            let time = submission.problem == nil ? SubmissionTime.find(submission, unpacked: nil) : nil
            return SubmissionGrade(
                id: submission.id, status: .unreadable, message: "\(error)", lessons: zeros, ignored: [],
                seconds: Date().timeIntervalSince(started), submitted: time?.date, submittedFrom: time?.source)
        }
        var grades: [LessonGrade] = []
        // Code that is not the learner's own: lessons the workspace records as skipped, and the reference.
        let skipped = SkippedLessons.read(workspace: SubmissionFiles.workspaceRoot(in: files.root), scratch: scratch)
        let sources = ReferenceSources.swiftFiles(in: files.workspace)
        func origin(_ lesson: Lesson, _ grade: LessonGrade) -> CodeOrigin? {
            guard grade.status.ran else { return nil }
            if skipped.contains(lesson.id) { return .skipped }
            return detector?.isReference(lesson, sources: sources) == true ? .reference : nil
        }
        for (index, lesson) in lessons.enumerated() {
            let key = index < keys.count ? keys[index] : nil
            if var kept = earlier.lesson(lesson.id, of: submission.id, key: key) {
                kept.origin = origin(lesson, kept)
                grades.append(kept)
                continue
            }
            let suite = suites[lesson.id]!
            let runner = CheckRunner(lesson: lesson.id, suite: suite)
            guard Date().timeIntervalSince(started) < submissionTimeout else {
                grades.append(
                    LessonGrade(
                        lesson: lesson.id, status: .timeout, score: 0, maxScore: suite.totalWeight, scenarios: [], compileErrors: nil))
                continue
            }
            var grade = grade(lesson, runner: runner, workspace: files.workspace, build: scratch.appendingPathComponent("build"))
            grade.inputKey = key
            grade.origin = origin(lesson, grade)
            grades.append(grade)
        }
        let time = SubmissionTime.find(submission, unpacked: submission.isArchive ? files.root : nil)
        return SubmissionGrade(
            id: submission.id, status: .graded, message: nil, lessons: grades, ignored: files.ignored,
            seconds: Date().timeIntervalSince(started), submitted: time?.date, submittedFrom: time?.source)
    }

    func grade(_ lesson: Lesson, runner: CheckRunner, workspace: URL, build: URL) -> LessonGrade {
        let maxScore = runner.suite.totalWeight
        do {
            switch try builder.host(workspace: workspace, module: lesson.module!, binding: lesson.bindingFile!, buildFolder: build) {
            case .compileErrors(let compile):
                let report = runner.compileFailure(compile)
                return LessonGrade(
                    lesson: lesson.id, status: compile.noSources == nil ? .compileError : .missing, score: 0, maxScore: maxScore,
                    scenarios: report.scenarios,
                    compileErrors: report.compileErrors
                        ?? report.missing.map { "your code does not define " + $0.joined(separator: ", ") + ", which this lesson needs" }
                        ?? report.scenarios.first?.message)
            case .built(let executable, _):
                let host = try LearnerRuntime.start(executable, limits: limits, timeout: runner.suite.timeout, sandbox: sandbox)
                defer { host.stop() }
                let report = try runner.run(on: host, reusedBuild: false)
                return LessonGrade(
                    lesson: lesson.id, status: report.allPassed ? .pass : .fail, score: report.score, maxScore: maxScore,
                    scenarios: report.scenarios, compileErrors: nil)
            }
        } catch {
            return LessonGrade(lesson: lesson.id, status: .error, score: 0, maxScore: maxScore, scenarios: [], compileErrors: "\(error)")
        }
    }
}
