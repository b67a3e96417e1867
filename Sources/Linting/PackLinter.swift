import Checking
import Curriculum
import Foundation

/// The quality gate of a lesson pack: it loads; every reference passes all of its scenarios; every
/// starter compiles and fails at least one; every scenario is failed by at least one mutant of the
/// reference (a scenario no wrong solution fails teaches nothing); and the sessions shown in lesson
/// texts replay as shown; and every `workshop> …` line of a lesson's text or hints would run.
public struct PackLinter: Sendable {
    public var course: Course
    public var builder: HostBuilder
    public var limits: HostLimits
    /// The most mutants tried per lesson.
    public var mutantLimit: Int
    public var jobs: Int
    /// Replays a lesson's sessions; given the lesson, the reference workspace and the session.
    public var replay: (@Sendable (Lesson, URL, LessonSession) throws -> String)?
    /// Why a command typed by a learner on the lesson would not run, or nil if it would; the command
    /// table is the tool's, so the caller that has it supplies this.
    public var commandProblem: (@Sendable (Lesson, String) -> String?)?

    public init(course: Course, builder: HostBuilder, limits: HostLimits, mutantLimit: Int, jobs: Int) {
        self.course = course
        self.builder = builder
        self.limits = limits
        self.mutantLimit = mutantLimit
        self.jobs = jobs
    }

    public func lint(scratch: URL, progress: @escaping @Sendable (String) -> Void = { _ in }) throws -> LintReport {
        var problems: [String] = []
        var details: [LessonLint] = []
        var scenarioCount = 0, tried = 0, killed = 0, stillborn = 0, replayed = 0
        // Cheap and independent of any build: said first.
        if let commandProblem { problems += course.lessons.flatMap { ShownCommand.problems(of: $0, commandProblem) } }
        _ = try builder.kit()
        for lesson in course.lessons {
            guard let suite = try course.suite(of: lesson), let binding = lesson.bindingFile, let module = lesson.module else {
                problems.append("\(lesson.id): no suite.yaml and binding.swift: nothing checks this lesson")
                continue
            }
            progress("lesson \(lesson.number) · \(lesson.id)")
            if suite.scenarios.count < 6 { problems.append("\(lesson.id): \(suite.scenarios.count) scenarios; a lesson needs at least 6") }
            scenarioCount += suite.scenarios.count
            let folder = scratch.appendingPathComponent(lesson.id)
            let composed = try course.composedReference(of: lesson)
            let reference = composed.texts
            guard !composed.changed.isEmpty else {
                problems.append("\(lesson.id): no reference solution in solutions/\(lesson.id)/")
                continue
            }
            // The reference passes everything.
            let referenceWorkspace = folder.appendingPathComponent("reference")
            try write(reference, into: referenceWorkspace)
            let referenceRun = try run(lesson, suite: suite, module: module, binding: binding, workspace: referenceWorkspace)
            let referenceReport = referenceRun.report
            let referencePasses = referenceReport?.allPassed == true
            if let report = referenceReport, !report.allPassed {
                let failing = report.scenarios.filter { $0.status != .pass }.map { "'\($0.name)' (\($0.status.rawValue): \($0.message))" }
                problems.append("\(lesson.id): the reference fails " + failing.joined(separator: "; "))
            } else if let compile = referenceRun.compileErrors {
                problems.append(
                    "\(lesson.id): the reference (solutions/ of lessons 1–\(lesson.number), composed) does not compile with \(lesson.id)/binding.swift"
                        + Self.quoted(compile))
            }
            // The starter compiles and fails something.
            // What a learner has when starting: the reference of the previous lesson of the module.
            let previous = composed.baseTexts
            var starter = previous
            for (path, content) in try course.starter(of: lesson) { starter[path] = String(decoding: content, as: UTF8.self) }
            let starterRun = try run(
                lesson, suite: suite, module: module, binding: binding, workspace: folder.appendingPathComponent("starter"), files: starter)
            let starterReport = starterRun.report
            let starterFails = starterReport.map { !$0.allPassed } ?? false
            if let compile = starterRun.compileErrors {
                problems.append(
                    "\(lesson.id): the starter (\(lesson.id)/starter/ over the previous lesson's reference) does not compile with \(lesson.id)/binding.swift; a learner must start from code that builds"
                        + Self.quoted(compile))
            }
            if starterReport?.allPassed == true { problems.append("\(lesson.id): the starter already passes every scenario") }
            // Mutants of what this lesson adds or changes: the files of its overlay, and within them
            // the lines that differ from the previous lesson's.
            let all = Self.mutations(of: composed)
            let mutants = MutationGenerator.sample(all, limit: mutantLimit)
            var killers: [String: Int] = Dictionary(uniqueKeysWithValues: suite.scenarios.map { ($0.name, 0) })
            var survivors: [String] = []
            var lessonKilled = 0, lessonTried = 0
            func record(_ batch: [Mutation]) throws {
                let outcomes = try runMutants(
                    batch, of: reference, lesson: lesson, suite: suite, module: module, binding: binding, folder: folder)
                for (mutation, failed) in zip(batch, outcomes) {
                    guard let failed else {
                        stillborn += 1
                        continue
                    }
                    lessonTried += 1
                    if failed.isEmpty { survivors.append(mutation.description) } else { lessonKilled += 1 }
                    for name in failed { killers[name, default: 0] += 1 }
                }
            }
            if referencePasses {
                try record(mutants)
                // A scenario no sampled mutant failed gets the rest of the mutants, a few at a time,
                // up to as many again, before it is called one that teaches nothing.
                var rest = all.filter { !mutants.contains($0) }[...]
                var budget = mutantLimit
                while killers.values.contains(0), budget > 0, !rest.isEmpty {
                    let batch = Array(rest.prefix(min(budget, max(2, jobs * 2))))
                    rest = rest.dropFirst(batch.count)
                    budget -= batch.count
                    try record(batch)
                }
            }
            // Plausible wrong solutions kept beside the reference (`solutions/<id>.wrong/<name>.patch`, or
            // `<name>/` of files, laid over the reference): each must compile and fail something, and
            // counts as a killer.
            var wrongTried = 0
            if referencePasses {
                for name in course.wrongSolutionNames(of: lesson) {
                    let files: [String: String]
                    do { files = try course.composedReference(of: lesson, wrong: name).texts } catch {
                        problems.append("\(lesson.id): the wrong solution '\(name)': \(error)")
                        continue
                    }
                    let workspace = folder.appendingPathComponent("wrong-\(name)")
                    let wrongRun = try run(lesson, suite: suite, module: module, binding: binding, workspace: workspace, files: files)
                    guard let report = wrongRun.report else {
                        problems.append(
                            "\(lesson.id): the wrong solution '\(name)' does not compile; a wrong solution must compile to teach"
                                + (wrongRun.compileErrors.map { Self.quoted($0) } ?? ""))
                        continue
                    }
                    wrongTried += 1
                    let failed = report.scenarios.filter { $0.status != .pass }.map(\.name)
                    if failed.isEmpty {
                        problems.append("\(lesson.id): the wrong solution '\(name)' passes every scenario; a scenario should catch it")
                    }
                    for name in failed { killers[name, default: 0] += 1 }
                }
            }
            let unkilled = suite.scenarios.map(\.name).filter { killers[$0] == 0 }
            if referencePasses, !unkilled.isEmpty {
                problems.append(
                    "\(lesson.id): no mutant fails " + unkilled.map { "'\($0)'" }.joined(separator: ", ")
                        + " (a scenario no wrong solution fails teaches nothing: sharpen it, or drop it)")
            }
            tried += lessonTried
            killed += lessonKilled
            // Sessions shown in the text replay as shown.
            if let replay, referencePasses {
                for session in LessonSession.sessions(of: lesson) {
                    replayed += 1
                    let got = try replay(lesson, referenceWorkspace, session)
                    if let difference = session.firstDifference(from: got) {
                        problems.append(
                            "\(lesson.id)/\(CoursePackLoader.lessonFile):\(session.line): the session replays differently against the reference: \(difference)"
                        )
                    }
                }
            }
            details.append(
                LessonLint(
                    lesson: lesson.id, scenarios: suite.scenarios.count, referencePasses: referencePasses, starterFails: starterFails,
                    mutantsTried: lessonTried, mutantsKilled: lessonKilled, unkilledScenarios: unkilled, survivors: survivors))
        }
        return LintReport(
            lessons: course.lessons.count, scenarios: scenarioCount, mutantsTried: tried, mutantsKilled: killed,
            mutantsStillborn: stillborn, transcriptsReplayed: replayed, problems: problems, details: details)
    }

    /// Every mutant of what a lesson adds or changes: the Swift files of its overlay, and within
    /// them the lines that differ from the previous lesson's reference.
    static func mutations(of composed: ComposedReference) -> [Mutation] {
        let own = composed.texts.filter { composed.changed.contains($0.key) && $0.key.hasSuffix(".swift") }.sorted { $0.key < $1.key }
        return MutationGenerator.mutations(of: own.map { ($0.key, $0.value) }, earlier: composed.baseTexts)
    }

    // MARK: Files

    func write(_ files: [String: String], into folder: URL) throws {
        try? FileManager.default.removeItem(at: folder)
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    // MARK: Running

    /// What running a lesson's suite against some code gave: a report, or the compiler's complaint.
    enum SuiteRun {
        case report(CheckReport)
        case compileErrors(CompileReport)

        var report: CheckReport? {
            if case .report(let report) = self { report } else { nil }
        }
        var compileErrors: CompileReport? {
            if case .compileErrors(let compile) = self { compile } else { nil }
        }
    }

    /// The suite against `workspace` (written from `files` when given).
    func run(_ lesson: Lesson, suite: Suite, module: String, binding: URL, workspace: URL, files: [String: String]? = nil) throws
        -> SuiteRun
    {
        if let files { try write(files, into: workspace) }
        switch try builder.host(
            workspace: workspace, module: module, binding: binding, buildFolder: workspace.appendingPathComponent(".build-lint"))
        {
        case .compileErrors(let compile):
            return .compileErrors(compile)
        case .built(let executable, _):
            var limits = limits
            limits.requestTimeout = suite.timeout
            let host = try HostProcess(executable: executable, limits: limits)
            defer { host.stop() }
            return .report(try CheckRunner(lesson: lesson.id, suite: suite).run(on: host, reusedBuild: false))
        }
    }

    /// The compiler's own words for an author, indented under the problem: the names the binding
    /// needs and does not find, the calls it cannot make, then the first lines of the diagnostics.
    static func quoted(_ compile: CompileReport, lines limit: Int = 12) -> String {
        var lines: [String] = []
        if let folder = compile.noSources { lines.append("no Swift files in \(folder)") }
        if !compile.missing.isEmpty {
            lines.append("the binding needs, and the code does not define: " + compile.missing.joined(separator: ", "))
        }
        lines += compile.mismatches
        let diagnostics = compile.diagnostics.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines += diagnostics.prefix(limit)
        if diagnostics.count > limit { lines.append("… \(diagnostics.count - limit) more lines") }
        return lines.isEmpty ? "" : ":\n" + lines.map { "    " + $0 }.joined(separator: "\n")
    }

    /// For each mutant, the names of the scenarios it fails, or nil if it does not compile; `jobs` at a time.
    func runMutants(
        _ mutants: [Mutation], of reference: [String: String], lesson: Lesson, suite: Suite, module: String, binding: URL, folder: URL
    ) throws -> [[String]?] {
        WorkerPool.map(count: mutants.count, workers: jobs) { index, worker in
            let mutation = mutants[index]
            var files = reference
            files[mutation.file] = MutationGenerator.apply(mutation, to: reference[mutation.file] ?? "")
            let workspace = folder.appendingPathComponent("mutant-\(worker)")
            let report =
                (try? self.run(lesson, suite: suite, module: module, binding: binding, workspace: workspace, files: files))?.report
            return report.map { $0.scenarios.filter { $0.status != .pass }.map(\.name) }
        }
    }
}
