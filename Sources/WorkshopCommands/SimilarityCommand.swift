import ArgumentParser
import Curriculum
import Foundation
import Grading
import Shell

/// `workshop grade similarity`: pairs of submissions that share code, for a person to look at.
struct GradeSimilarityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similarity", abstract: "Find pairs of submissions that share code (worth a look; never a verdict).",
        discussion: """
            Compares every submission's Swift sources in the lessons' modules with every other's by winnowing \
            (the method of MOSS) over tokens with names and literals set aside, so renamed identifiers, reordered \
            declarations and changed comments or layout hide nothing. Starter code and the references learners \
            may have been given (solution, catch-up, skip) are removed first. Writes similarity.csv (pairs, \
            most similar first) and similarity.html (side by side, shared regions marked) into --out.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The folder of submissions.", valueName: "submissions")) var submissions: String
    @Option(help: ArgumentHelp("The lessons whose code to compare: 1-7, 2, 1,3-4 or ids.", valueName: "range")) var lessons: String
    @Option(help: ArgumentHelp("Where the reports go (default: grades/ here, never inside the workshop's own checkout).", valueName: "dir"))
    var out: String?
    @Option(help: ArgumentHelp("How many of the most similar pairs the page shows side by side.", valueName: "count")) var show: Int = 25

    func validate() throws {
        guard show >= 0 else { throw ValidationError("--show takes a number of 0 or more") }
    }

    func run() throws {
        let course = try CoursePackLoader.load(from: Session.packFolder(global, environment: ProcessInfo.processInfo.environment))
        let chosen = try LessonRange.parse(lessons, in: course)
        let listing = try Submission.all(in: URL(fileURLWithPath: submissions))
        guard !listing.submissions.isEmpty else { throw WorkshopError("\(submissions) holds no submissions (folders, .zip or .tar.gz)") }
        let folder = try GradeCommand.outputFolder(out)
        let terminal = Terminal.current()
        let errors = Output.standardError(terminal: terminal)
        let showProgress = isatty(STDERR_FILENO) == 1
        let started = Date()
        func report(_ line: String) {
            if showProgress { StandardStream.write("\r\u{1B}[K" + line, to: STDERR_FILENO) }
        }
        let scratch = try GradingScratch()
        defer { scratch.remove() }
        let total = listing.submissions.count
        let sources = SimilaritySources.load(listing.submissions, course: course, lessons: chosen, scratch: scratch.url) { done, id in
            report(
                GradeSummary.progressBar(done: done, total: total, last: id, width: terminal.width).replacingOccurrences(
                    of: "grading", with: "reading"))
        }
        guard sources.submissions.count >= 2 else {
            if showProgress { StandardStream.write("\r\u{1B}[K", to: STDERR_FILENO) }
            for warning in sources.warnings { errors.line(errors.styled("warning: ", .warning) + warning) }
            throw WorkshopError("fewer than two submissions have sources for lessons \(lessons), so there is nothing to compare")
        }
        var analysis = SimilarityAnalysis(given: sources.given)
        for (index, submission) in sources.submissions.enumerated() {
            analysis.add(submission)
            report("fingerprinting \(index + 1)/\(sources.submissions.count) \(submission.id.prefix(20))")
        }
        let pairs = analysis.pairs { done, all in report("comparing: \(done * 100 / max(1, all))% of the fingerprints") }
        report("writing the reports")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(SimilarityReport.csv(analysis, pairs: pairs).utf8).write(
                to: folder.appendingPathComponent("similarity.csv"), options: .atomic)
            try Data(SimilarityReport.html(analysis, pairs: pairs, shown: show, lessons: lessons).utf8)
                .write(to: folder.appendingPathComponent("similarity.html"), options: .atomic)
        } catch {
            throw WorkshopError("cannot write the similarity reports to \(folder.path): \(error.localizedDescription)")
        }
        if showProgress { StandardStream.write("\r\u{1B}[K", to: STDERR_FILENO) }
        for warning in listing.warnings + sources.warnings { errors.line(errors.styled("warning: ", .warning) + warning) }
        let output = Output.standard(terminal: terminal)
        let flagged = pairs.filter { $0.score >= SimilarityReport.lookThreshold }
        output.line(
            "compared \(sources.submissions.count) submissions (\(pairs.count) pairs share any code) in "
                + String(format: "%.1f s", Date().timeIntervalSince(started)))
        if flagged.isEmpty {
            output.line("no pair scores \(SimilarityReport.lookThreshold) or more")
        } else {
            output.line("worth a look (score \(SimilarityReport.lookThreshold) or more):")
            for pair in flagged.prefix(10) {
                output.line(
                    String(format: "  %.2f  ", pair.score) + "\(analysis.sources[pair.first].id) and \(analysis.sources[pair.second].id)")
            }
            if flagged.count > 10 { output.line("  … and \(flagged.count - 10) more in similarity.csv") }
        }
        output.line("reports in \(folder.path): similarity.csv, similarity.html")
    }
}
