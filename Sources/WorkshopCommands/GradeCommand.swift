import ArgumentParser
import Checking
import Curriculum
import Foundation
import Grading
import Shell
import Synchronization
import ToolFiles
import Workspace

/// `workshop grade`: grade a folder of submissions into a gradebook and CI/LMS formats.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade", abstract: "Grade a folder of submissions into a gradebook, LMS and CI reports.",
        subcommands: [GradeRunCommand.self, GradeMergeCommand.self, GradeSimilarityCommand.self], defaultSubcommand: GradeRunCommand.self)
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
extension UngradablePolicy: ExpressibleByArgument {}
extension ReferenceCredit: ExpressibleByArgument {}

struct GradeRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Grade submissions (the default of `grade`).",
        discussion: """
            A submission is a learner's workspace: a folder, a .zip or a .tar.gz; its id is the folder or \
            archive name. Only Swift sources under Sources/<Module>/ are compiled; a Package.swift, plugins, \
            macros and binaries are never built or run. Each host runs under bubblewrap when it is installed. \
            Reports go to --out: grades.csv, junit.xml, submissions/<id>/results.json (Gradescope) and \
            exercism.json, feedback/<id>.md, and grading.json (what `grade merge` combines). A second run \
            into the same --out grades again only what changed and applies --out/adjustments.csv. A lesson \
            whose code is the course's reference, or that the workspace records as skipped, is reported \
            as reference or skipped and scored by --reference-code (none by default). `grade similarity` \
            finds pairs of submissions worth a look. The README's grader section tells statuses, \
            visibility, the roster and the late policy.
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
    @Option(
        help: ArgumentHelp(
            "What learners' reports show: as-marked (each scenario's visibility), published (as marked, grades released), full, names-only.",
            valueName: "as-marked|published|full|names-only"))
    var feedback: FeedbackDetail = .asMarked
    @Option(help: ArgumentHelp("When the work was due: 2026-12-01, 2026-12-01T23:59 (UTC) or with a zone.", valueName: "date"))
    var due: String?
    @Option(help: ArgumentHelp("Percent of the score taken off per day late (begun days count whole).", valueName: "percent"))
    var latePenalty: Double = 0
    @Option(help: ArgumentHelp("Days late that cost nothing.", valueName: "days")) var graceDays: Int = 0
    @Option(help: ArgumentHelp("The most a late submission loses, in percent.", valueName: "percent")) var lateCap: Double = 100
    @Option(
        help: ArgumentHelp(
            "The course's learners, a CSV with id,name,email,extra_days (only id is required): joined to the gradebook.",
            valueName: "roster.csv"))
    var roster: String?
    @Option(
        help: ArgumentHelp(
            "Manual points, a CSV with id,lesson,points,reason, applied on top of the automatic scores (default: adjustments.csv in --out).",
            valueName: "file"))
    var adjustments: String?
    @Flag(help: "Grade every submission again, even those whose inputs are unchanged since the last run into --out.")
    var fresh = false
    @Option(
        help: ArgumentHelp(
            "What a submission that could not be graded (did not compile, missing, unreadable) scores: zero, or blank for you to decide.",
            valueName: "zero|blank"))
    var ungradable: UngradablePolicy = .zero
    @Option(
        help: ArgumentHelp(
            "What a lesson scores whose code is the course's reference (whitespace and comments aside) or that the workspace records as skipped: none, or full.",
            valueName: "none|full"))
    var referenceCode: ReferenceCredit = .none

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs takes a number of 1 or more") }
        if let due, GradingDate.parse(due) == nil { throw ValidationError("--due '\(due)' is not a date; give \(GradingDate.expected)") }
        guard latePenalty >= 0, graceDays >= 0, (0...100).contains(lateCap) else {
            throw ValidationError("--late-penalty and --grace-days take 0 or more, --late-cap a percentage from 0 to 100")
        }
        if due == nil, latePenalty > 0 || graceDays > 0 || lateCap != 100 {
            throw ValidationError("--late-penalty, --grace-days and --late-cap need --due, the date they count from")
        }
    }

    func run() throws {
        let pack = Session.packFolder(global, environment: ProcessInfo.processInfo.environment)
        let course = try CoursePackLoader.load(from: pack, suites: .withThePack)
        let chosen = try LessonRange.parse(lessons, in: course)
        let learners = try roster.map { try Roster.load(URL(fileURLWithPath: $0)) }
        let listing = try Submission.all(in: URL(fileURLWithPath: submissions))
        var all = listing.submissions
        if let shard {
            let (index, count) = try Sharding.parse(shard)
            all = Sharding.slice(all, index: index, count: count)
        }
        let folder = try GradeCommand.outputFolder(out)
        let adjustmentsFile = adjustments.map { URL(fileURLWithPath: $0) } ?? folder.appendingPathComponent(Adjustment.fileName)
        let manual =
            adjustments != nil || FileManager.default.fileExists(atPath: adjustmentsFile.path)
            ? try Adjustment.load(adjustmentsFile, lessons: chosen.map(\.id), numbers: chosen.map(\.number)) : nil
        // The last run into this folder lends the grades whose inputs are unchanged (InputKeys).
        let previousFile = folder.appendingPathComponent("grading.json")
        var previous: GradingRun?
        var notes: [String] = []
        if !fresh, FileManager.default.fileExists(atPath: previousFile.path) {
            do { previous = try ReportWriter.read(folder) } catch {
                notes.append("the last run's grading.json could not be read, so everything is graded again: \(error)")
            }
        }
        let (builder, sandbox) = try LearnerRuntime.find().builder(for: .grading)
        let grader = Grader(
            course: course, lessons: chosen, privateSuites: privateSuites.map { URL(fileURLWithPath: $0) }, builder: builder,
            sandbox: sandbox, limits: LearnerRuntime.limits(.grading))
        let terminal = Terminal.current()
        let errors = Output.standardError(terminal: terminal)
        if sandbox == nil { errors.line(errors.styled("warning: ", .warning) + "bubblewrap is not installed; grading without the sandbox") }
        let counter = Counter()
        let total = all.count
        let showProgress = isatty(STDERR_FILENO) == 1
        let scratch = try GradingScratch()
        defer { scratch.remove() }
        var run = try grader.grade(all, jobs: jobs, scratch: scratch.url, previous: previous) { grade in
            let done = counter.increment()
            if showProgress {
                StandardStream.write(
                    "\r\u{1B}[K" + GradeSummary.progressBar(done: done, total: total, last: grade.id, width: terminal.width),
                    to: STDERR_FILENO)
            }
        }
        if showProgress { StandardStream.write("\r\u{1B}[K", to: STDERR_FILENO) }
        run.warnings = listing.warnings + notes + run.warnings
        run.policy = GradingPolicy(
            ungradable: ungradable, due: due.flatMap(GradingDate.parse),
            late: LatePolicy(penaltyPerDay: latePenalty, graceDays: graceDays, cap: lateCap), referenceCode: referenceCode)
        run.roster = learners
        run.shard = shard
        run.adjustments = manual
        if !run.strayAdjustments.isEmpty {
            run.warnings.append(
                "\(adjustmentsFile.lastPathComponent) adjusts ids with no submission: " + run.strayAdjustments.joined(separator: ", "))
        }
        let failures = try ReportWriter.write(run, to: folder, feedback: feedback)
        let output = Output.standard(terminal: terminal)
        for line in GradeSummary.lines(run.withRoster(), width: terminal.width) { output.line(line) }
        if previous != nil {
            output.line(
                "graded \(run.submissions.count - run.reused.count), kept \(run.reused.count) unchanged since the last run (--fresh grades all)"
            )
        }
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
    @Option(help: "as-marked, published, full or names-only, as for grading.") var feedback: FeedbackDetail = .asMarked
    @Option(
        help: ArgumentHelp(
            "Manual points (id,lesson,points,reason) for the merged reports, instead of the shards' (default: adjustments.csv in --out).",
            valueName: "file"))
    var adjustments: String?

    func run() throws {
        let folder = try GradeCommand.outputFolder(out)
        let runs = try shards.map { try ReportWriter.read(URL(fileURLWithPath: $0)) }
        var merged = try Sharding.merge(runs)
        // Adjustments are often written after the shards ran: the merge's own file replaces theirs.
        let file = adjustments.map { URL(fileURLWithPath: $0) } ?? folder.appendingPathComponent(Adjustment.fileName)
        if adjustments != nil || FileManager.default.fileExists(atPath: file.path) {
            merged.adjustments = try Adjustment.load(file, lessons: merged.lessons, numbers: merged.lessonNumbers ?? [])
            if !merged.strayAdjustments.isEmpty {
                merged.warnings.append(
                    "\(file.lastPathComponent) adjusts ids with no submission: " + merged.strayAdjustments.joined(separator: ", "))
            }
        }
        let failures = try ReportWriter.write(merged, to: folder, feedback: feedback)
        let terminal = Terminal.current()
        let output = Output.standard(terminal: terminal)
        for line in GradeSummary.lines(merged.withRoster(), width: terminal.width) { output.line(line) }
        output.line("merged \(runs.count) shards, \(merged.submissions.count) submissions, into \(folder.path)")
        if !failures.isEmpty { throw WorkshopError(failures.joined(separator: "\n")) }
    }
}

/// Counts finished submissions across the grading threads.
final class Counter: Sendable {
    private let value = Mutex(0)
    func increment() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}
