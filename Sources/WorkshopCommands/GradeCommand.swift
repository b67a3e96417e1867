import ArgumentParser
import Checking
import Curriculum
import Foundation
import Grading
import Shell
import Workspace

/// `workshop grade`: grade a folder of submissions into a gradebook and CI/LMS formats.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade", abstract: "Grade a folder of submissions into a gradebook, LMS and CI reports.",
        subcommands: [GradeRunCommand.self, GradeMergeCommand.self], defaultSubcommand: GradeRunCommand.self)
}

extension GradeCommand {
    /// `--out`, or `grades/` in the current folder; that default is refused inside the tool's own
    /// checkout, so grading from the repository never mixes learners' reports into its files.
    static func outputFolder(_ explicit: String?) throws -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        let folder = URL(fileURLWithPath: "grades").standardizedFileURL.resolvingSymlinksInPath()
        if let root = ToolLocation.packageRoot?.standardizedFileURL.resolvingSymlinksInPath(),
            folder.path.hasPrefix(root.path + "/")
        {
            throw WorkshopError(
                "the reports would go to \(folder.path), inside the workshop's own checkout; give --out with a folder for them")
        }
        return folder
    }
}

extension FeedbackDetail: ExpressibleByArgument {}

struct GradeRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Grade submissions (the default of `grade`).",
        discussion: """
            A submission is a learner's workspace: a folder, a .zip or a .tar.gz; its id is the folder or
            archive name. Only Swift sources under Sources/<Module>/ are compiled; a Package.swift, plugins,
            macros and binaries are never built or run. Each host runs under bubblewrap when it is installed.
            Reports go to --out: grades.csv, junit.xml, submissions/<id>/results.json (Gradescope) and
            exercism.json, feedback/<id>.md, and grading.json (what `grade merge` combines).
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The folder of submissions.", valueName: "submissions")) var submissions: String
    @Option(help: ArgumentHelp("The lessons to grade: 1-7, 2, 1,3-4 or ids.", valueName: "range")) var lessons: String
    @Option(
        name: .customLong("suite"),
        help: ArgumentHelp("A folder of private suites (<lesson-id>/suite.yaml), added to the lessons' own; repeatable.", valueName: "dir"))
    var privateSuites: [String] = []
    @Option(help: "How many submissions to grade at once.") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: ArgumentHelp("Where the reports go (default: grades/ here, never inside the workshop's own checkout).", valueName: "dir"))
    var out: String?
    @Option(help: ArgumentHelp("Grade only slice I of N (for array jobs); `grade merge` combines the slices.", valueName: "I/N"))
    var shard: String?
    @Option(help: "full: given/when/then and expectations in feedback; names-only: withhold the hidden expectations.")
    var feedback: FeedbackDetail = .full

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs takes a number of 1 or more") }
    }

    func run() throws {
        let pack = Session.packFolder(global, environment: ProcessInfo.processInfo.environment)
        let course = try CoursePackLoader.load(from: pack, suites: .withThePack)
        let chosen = try LessonRange.parse(lessons, in: course)
        let listing = try Submission.all(in: URL(fileURLWithPath: submissions))
        var all = listing.submissions
        if let shard {
            let (index, count) = try Sharding.parse(shard)
            all = Sharding.slice(all, index: index, count: count)
        }
        let folder = try GradeCommand.outputFolder(out)
        var builder = try KitPreparation.builder()
        let sandbox = Sandbox.find(toolchain: builder.toolchain)
        builder.compileSandbox = sandbox
        let grader = Grader(
            course: course, lessons: chosen, privateSuites: privateSuites.map { URL(fileURLWithPath: $0) }, builder: builder,
            sandbox: sandbox, limits: Grader.graderLimits)
        let terminal = Terminal.current()
        let errors = Output.standardError(terminal: terminal)
        if sandbox == nil { errors.line(errors.styled("warning: ", .warning) + "bubblewrap is not installed; grading without the sandbox") }
        let counter = Counter()
        let total = all.count
        let showProgress = isatty(STDERR_FILENO) == 1
        let scratch = try GradingScratch()
        defer { scratch.remove() }
        var run = try grader.grade(all, jobs: jobs, scratch: scratch.url) { grade in
            let done = counter.increment()
            if showProgress {
                StandardStream.write(
                    "\r\u{1B}[K" + GradeSummary.progressBar(done: done, total: total, last: grade.id, width: terminal.width),
                    to: STDERR_FILENO)
            }
        }
        if showProgress { StandardStream.write("\r\u{1B}[K", to: STDERR_FILENO) }
        run.warnings = listing.warnings + run.warnings
        let failures = try ReportWriter.write(run, to: folder, feedback: feedback)
        let output = Output.standard(terminal: terminal)
        for line in GradeSummary.lines(run, width: terminal.width) { output.line(line) }
        output.line("reports in \(folder.path)")
        for failure in failures { errors.line(errors.styled("error: ", .failure, .bold) + failure) }
        if !failures.isEmpty {
            throw WorkshopError("\(failures.count) submissions' reports could not be written; grading.json has them all")
        }
    }
}

struct GradeMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Combine the --out folders of sharded runs into one set of reports.")
    @Argument(help: ArgumentHelp("The shards' --out folders.", valueName: "shard-out")) var shards: [String]
    @Option(help: ArgumentHelp("Where the merged reports go (default: grades/ here).", valueName: "dir")) var out: String?
    @Option(help: "full or names-only, as for grading.") var feedback: FeedbackDetail = .full

    func run() throws {
        let folder = try GradeCommand.outputFolder(out)
        let runs = try shards.map { try ReportWriter.read(URL(fileURLWithPath: $0)) }
        let merged = try Sharding.merge(runs)
        let failures = try ReportWriter.write(merged, to: folder, feedback: feedback)
        let terminal = Terminal.current()
        let output = Output.standard(terminal: terminal)
        for line in GradeSummary.lines(merged, width: terminal.width) { output.line(line) }
        output.line("merged \(runs.count) shards, \(merged.submissions.count) submissions, into \(folder.path)")
        if !failures.isEmpty { throw WorkshopError(failures.joined(separator: "\n")) }
    }
}

/// Counts finished submissions across the grading threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int {
        lock.withLock {
            value += 1; return value
        }
    }
}
