import ArgumentParser
import Checking
import Curriculum
import Foundation
import Shell
import Workspace

/// `check [N|id]`: compile the learner's code and judge it against the lesson's hidden suite.
struct CheckCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Compile your code and run the lesson's hidden scenarios against it.",
        discussion: "The exit status is 0 only when every scenario passes. A pass completes the lesson.")
    static let completions: [ArgumentCompletion] = [.lesson]
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The lesson's number or id (default: the current one).", valueName: "lesson")) var reference: String?
    @Flag(help: "Print the report as JSON.") var json = false
    @Flag(help: "Run under the grader's exact limits and sandbox (without private suites).") var asGrader = false
    @Flag(
        help: "Show every failing scenario in full (by default the first \(CheckReportRenderer.failuresInFull) are, the rest a line each).")
    var all = false
    @Flag(
        help:
            "Look without touching (for an instructor at a learner's workspace): nothing is recorded in its history, and the build goes to a temporary folder."
    )
    var inspect = false

    func run(in session: Session) throws {
        let lesson = try session.lessonOrCurrent(reference)
        let report = try Checker(session: session, asGrader: asGrader, inspecting: inspect).check(lesson, quiet: json)
        if json {
            try session.json(report)
        } else {
            try session.paged {
                CheckReportRenderer(out: session.out, showsAll: all, inspecting: inspect).render(report, lesson: lesson, session: session)
            }
            if inspect {
                session.out.line(session.out.styled("inspected: nothing was recorded in \(session.workspace.root.path)", .dim))
            }
        }
        if !report.allPassed { throw ExitCode.failure }
    }
}

/// Builds the learner's host and runs a lesson's suite; shared by `check` and `watch`.
struct Checker {
    let session: Session
    /// Use the grader's limits and sandbox, so what passes here passes in grading.
    var asGrader = false
    /// Looking is not touching: record nothing and build outside the workspace.
    var inspecting = false

    func check(_ lesson: Lesson, quiet: Bool = false) throws -> CheckReport {
        guard let suite = try session.course.suite(of: lesson), let binding = lesson.bindingFile, let module = lesson.module else {
            throw WorkshopError("lesson \(lesson.number) (\(lesson.id)) has no hidden suite to check against")
        }
        let profile: LearnerRuntime.Profile = asGrader ? .grading : .interactive
        let runtime = try LearnerRuntime.find()
        let (builder, sandbox) = runtime.builder(for: profile)
        let runner = CheckRunner(lesson: lesson.id, suite: suite)
        let out = session.out
        if !quiet { try runtime.ensureKit { out.line(out.styled($0, .dim)) } }
        Interrupt.install()
        _ = Interrupt.take()
        let report: CheckReport
        let scratch =
            inspecting ? FileManager.default.temporaryDirectory.appendingPathComponent("workshop-inspect-\(UUID().uuidString)") : nil
        defer { scratch.map { try? FileManager.default.removeItem(at: $0) } }
        do {
            switch try builder.host(
                workspace: session.workspace.root, module: module, binding: binding, buildFolder: scratch ?? session.workspace.buildFolder,
                shouldStop: { Interrupt.take() },
                willCompile: {
                    if !quiet && session.terminal.isInteractive { out.line(out.styled("compiling Sources/\(module)…", .dim)) }
                })
            {
            case .compileErrors(let compile):
                report = runner.compileFailure(compile)
            case .built(let executable, let reused):
                var limits = LearnerRuntime.limits(profile)
                limits.requestTimeout = suite.timeout
                if asGrader, !quiet {
                    if let sandbox {
                        out.paragraph(out.styled(Self.graderConditions(limits, sandbox: sandbox), .dim))
                    } else {
                        out.line(
                            out.styled("warning: ", .warning) + "bubblewrap is not installed; grading would run without the sandbox too")
                    }
                }
                let host = try LearnerRuntime.start(executable, limits: limits, sandbox: sandbox)
                host.shouldStop = { Interrupt.take() }
                defer { host.stop() }
                report = try runner.run(on: host, reusedBuild: reused)
            }
        } catch is CheckInterrupted {
            throw WorkshopError("check stopped (Ctrl-C); nothing was recorded")
        }
        guard !inspecting else { return report }
        let failure = report.scenarios.first { $0.status != .pass }
        let errorClass = report.compileErrors != nil ? "compile error" : failure.flatMap { $0.status == .fail ? nil : $0.status.rawValue }
        try session.workspace.record(
            .checkRun(
                lesson: lesson.id, passed: report.passed, total: report.total, firstFailure: failure?.name, errorClass: errorClass))
        if report.allPassed, try ![.completed, .skipped].contains(session.workspace.progress()[lesson.id].status) {
            try session.workspace.record(.lessonCompleted(lesson: lesson.id))
        }
        return report
    }
}

extension Checker {
    /// What `--as-grader` ran under, said before the results so a learner sees it took effect.
    static func graderConditions(_ limits: HostLimits, sandbox: Sandbox) -> String {
        let user = sandbox.dropToNobody == nil ? "" : ", as nobody"
        return "as the grader: in the bubblewrap sandbox (no network, a read-only system, a private /tmp\(user))"
            + " · \(limits.cpuSeconds) s of CPU, \(limits.memoryMegabytes) MB of memory, files up to \(limits.fileSizeMegabytes) MB,"
            + " \(Judge.format(limits.requestTimeout)) s a scenario"
    }
}

/// Writes a check report for a person: a line per scenario, then each failure in domain words.
struct CheckReportRenderer {
    /// How many failures are shown in full before the rest are a line each: a learner fixes one
    /// at a time, and eighteen at once bury the first.
    static let failuresInFull = 3
    let out: Output
    /// Every failure in full (`check --all`).
    var showsAll = false
    /// `check --inspect`: an instructor looking, so nothing is said to be complete.
    var inspecting = false

    /// The names the compiler cannot find when lessons this one builds on are not done here, with
    /// how to get their code; nil when the errors are of another kind or those lessons are done.
    static func missingFoundations(_ errors: String, needed: [String], lesson: Lesson, session: Session)
        -> (names: [String], advice: String)?
    {
        var names = needed
        for line in errors.components(separatedBy: "\n") where line.contains(": error: cannot find") {
            if let name = CompilerDiagnostics.missingName(in: line), !names.contains(name) { names.append(name) }
        }
        guard !names.isEmpty, let unfinished = try? session.unfinishedFoundations(of: lesson), !unfinished.isEmpty else { return nil }
        // Only what those lessons' references declare is theirs; anything else is this lesson's to write.
        let declared = Self.declarations(in: unfinished, of: session.course)
        let theirs = names.filter(declared.contains)
        guard !theirs.isEmpty else { return nil }
        return (theirs, session.foundationsAdvice(for: lesson, unfinished: unfinished))
    }

    /// The type and function names the references of `lessons` declare.
    static func declarations(in lessons: [Lesson], of course: Course) -> Set<String> {
        var names: Set<String> = []
        let keywords: Set<Substring> = ["enum", "struct", "class", "protocol", "func", "typealias", "actor"]
        for lesson in lessons {
            let texts = (try? course.composedReference(of: lesson).texts) ?? [:]
            for (path, text) in texts where path.hasSuffix(".swift") {
                let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
                for (keyword, name) in zip(words, words.dropFirst()) where keywords.contains(keyword) { names.insert(String(name)) }
            }
        }
        return names
    }

    func render(_ report: CheckReport, lesson: Lesson, session: Session) {
        out.line(out.styled("check · \(session.title(of: lesson))", .accent))
        if let errors = report.compileErrors ?? report.missing.map({ _ in "" }) {
            let foundations = Self.missingFoundations(errors, needed: report.missing ?? [], lesson: lesson, session: session)
            if let foundations {
                // Not a mistake of the learner's: the code of lessons they have not done is absent.
                out.paragraph(
                    out.styled("✗ ", .failure) + "Your code has no " + foundations.names.map { "`\($0)`" }.joined(separator: ", ") + "; "
                        + foundations.advice)
                if !errors.isEmpty { out.line(out.styled("  the compiler's first complaint:", .dim)) }
            } else if let missing = report.missing {
                out.paragraph(
                    out.styled("✗ ", .failure) + "Your code does not define " + missing.map { "`\($0)`" }.joined(separator: ", ")
                        + ", which this lesson needs; `lesson` shows what to write.")
            } else {
                out.line(out.styled("✗ Your code does not compile:", .failure))
            }
            let shown = foundations == nil ? 40 : 6
            for line in errors.components(separatedBy: "\n").prefix(shown) where !line.isEmpty { out.line("  " + line) }
            out.line()
            out.line("0 of \(report.total) scenarios ran")
            return
        }
        if let first = report.scenarios.first, report.scenarios.allSatisfy({ $0.status == .error }),
            first.message.hasPrefix("there is no Swift code")
        {
            out.paragraph(out.styled("✗ ", .failure) + first.message)
            return
        }
        for scenario in report.scenarios {
            let mark = scenario.status == .pass ? out.styled("✓", .success) : out.styled("✗", .failure)
            let status = scenario.status == .pass || scenario.status == .fail ? "" : out.styled(" (\(scenario.status.rawValue))", .warning)
            out.line("  \(mark) \(scenario.name)\(status)")
        }
        let failures = report.scenarios.filter { $0.status != .pass }
        let inFull = showsAll ? failures.count : Self.failuresInFull
        let pictures = session.course.pictures.values.sorted { $0.name < $1.name }
        for scenario in failures.prefix(inFull) {
            out.line()
            out.line(out.styled("✗ \(scenario.name)", .failure, .bold))
            let showGiven = scenario.given != "no events" || scenario.when == scenario.when.replacingOccurrences(of: " of ", with: "")
            let lines = (showGiven ? [("Given", scenario.given)] : []) + [("When ", scenario.when), ("Then ", scenario.message)]
            for (label, text) in lines {
                for line in TextWrapper.wrap(
                    text, width: out.width, firstPrefix: "    \(out.styled(label, .bold)) ", restPrefix: "          ")
                { out.line(line) }
                // A game's history reads best as the board it built: the first of the pack's pictures that knows its events.
                if label == "Given", let events = scenario.givenEvents,
                    let drawing = pictures.lazy.compactMap({ picture in picture.state(after: events).flatMap(picture.draw) }).first
                {
                    for line in GridText.lines(drawing, styler: out.styler) { out.line("      " + line) }
                }
            }
            if let difference = scenario.difference {
                out.paragraph(out.styled("first difference: ", .dim) + difference, indent: "    ", hanging: "      ")
            }
            if let feedback = scenario.feedback { out.paragraph(out.styled("↳ ", .accent) + feedback, indent: "    ", hanging: "      ") }
            if let output = scenario.output {
                out.line(out.styled("    your code printed:", .dim))
                for line in output.components(separatedBy: "\n").prefix(12) { out.line("    │ " + line) }
            }
        }
        if failures.count > inFull {
            out.line()
            for scenario in failures.dropFirst(inFull) {
                let text = "\(scenario.name): \(scenario.message)", room = max(10, out.width - 5)
                out.line("  " + out.styled("✗", .failure) + " " + (text.count > room ? String(text.prefix(room)) + "…" : text))
            }
            out.paragraph(out.styled("`check --all` shows these \(failures.count - inFull) in full as well.", .dim))
        }
        out.line()
        let summary = "\(report.passed) of \(report.total) scenarios pass · score \(report.score)/\(report.maxScore)"
        if report.allPassed, inspecting {
            out.line(out.styled("✓ " + summary, .success, .bold))
        } else if report.allPassed {
            out.line(
                out.styled("✓ " + summary + " · lesson complete", .success, .bold)
                    + (report.reusedBuild == true ? out.styled(" (no changes, not recompiled)", .dim) : ""))
            out.paragraph(out.styled("`next` starts the next lesson; `solution` shows the reference to compare.", .dim))
        } else {
            out.line(out.styled(summary, .bold))
        }
    }
}
