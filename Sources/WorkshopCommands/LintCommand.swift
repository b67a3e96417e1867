import ArgumentParser
import Checking
import Curriculum
import Foundation
import Linting
import Shell
import Workspace

/// `workshop lint`: the quality gate for a lesson pack, for the course's authors and anyone
/// writing their own lessons.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Check a lesson pack: it loads, references pass, starters fail, every scenario catches a mutant.",
        discussion: """
            For each lesson: the reference solution passes every scenario; the starter (on top of the previous \
            lesson's reference) compiles and fails at least one; mutants of the reference (flipped comparisons, \
            dropped guards, changed names, shifted numbers…) are run, and every scenario must fail at least one \
            of them; the ```session blocks of the lesson text replay against the reference as shown; and every \
            `workshop> …` line of a lesson's text or hints would run on that lesson.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The most mutants tried per lesson.") var mutants: Int = 40
    @Option(help: "How many mutants to run at once.") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "Print the report as JSON.") var json = false

    func run() throws {
        let pack = Session.packFolder(global, environment: ProcessInfo.processInfo.environment)
        // Every problem of the pack at once, its suites' included.
        let course = try CoursePackLoader.load(from: pack, suites: .withThePack)
        var linter = PackLinter(
            course: course, builder: try LearnerRuntime.find().builder, limits: LearnerRuntime.limits(.interactive), mutantLimit: mutants,
            jobs: jobs)
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        linter.replay = { lesson, reference, session in
            try SessionReplay.run(executable: executable, pack: pack.path, lesson: lesson, reference: reference, commands: session.commands)
        }
        linter.commandProblem = { lesson, line in TypedLineCheck.problem(with: line, on: lesson, in: course) }
        let terminal = Terminal.current()
        let errors = Output.standardError(terminal: terminal)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("workshop-lint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let started = Date()
        let report = try linter.lint(scratch: scratch) { step in
            if !json { errors.line(errors.styled("linting \(step)…", .dim)) }
        }
        let out = Output.standard(terminal: terminal)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            out.line(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            let rows = report.details.map { detail in
                [
                    detail.lesson, "\(detail.scenarios)", detail.referencePasses ? "✓" : "✗", detail.starterFails ? "✓" : "✗",
                    "\(detail.mutantsKilled)/\(detail.mutantsTried)",
                ]
            }
            for line in TableRenderer(styler: out.styler, width: out.width).render(
                header: ["lesson", "scenarios", "reference", "starter fails", "mutants killed"], rows: rows)
            {
                out.line(line)
            }
            out.line()
            out.line(
                "\(report.lessons) lessons · \(report.scenarios) scenarios · \(report.mutantsKilled) of \(report.mutantsTried) mutants killed"
                    + " (\(report.mutantsStillborn) did not compile) · \(report.transcriptsReplayed) session\(report.transcriptsReplayed == 1 ? "" : "s") replayed · "
                    + String(format: "%.0f s", Date().timeIntervalSince(started)))
            for problem in report.problems { out.paragraph(out.styled("✗ ", .failure) + problem, hanging: "  ") }
            if report.passed { out.line(out.styled("✓ the pack passes the gate", .success)) }
        }
        if !report.passed { throw ExitCode.failure }
    }
}

/// Replays a lesson text's session in script mode, in a copy of the reference workspace.
enum SessionReplay {
    static func run(executable: String, pack: String, lesson: Lesson, reference: URL, commands: [String]) throws -> String {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("workshop-session-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        try FileManager.default.copyItem(at: reference, to: workspace)
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        environment["NO_COLOR"] = "1"
        func workshop(_ arguments: [String], input: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--pack", pack, "--workspace", workspace.path] + arguments
            process.environment = environment
            let stdin = Pipe(), stdout = Pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            process.standardError = stdout
            try process.run()
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
            let output = stdout.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: output, as: UTF8.self)
        }
        _ = try workshop(["start", lesson.id], input: "")
        return try workshop([], input: commands.joined(separator: "\n") + "\n")
    }
}
