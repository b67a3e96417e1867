import Checking
import Foundation

/// Writes every report of a run into the output folder.
public enum ReportWriter {
    /// Writes every report; one submission's reports failing never stops the others. Gives a line
    /// for each submission whose reports could not be written (they are in grading.json still).
    @discardableResult
    public static func write(_ run: GradingRun, to folder: URL, feedback: FeedbackDetail, now: Date = Date()) throws -> [String] {
        let shown = Disclosure(detail: feedback, due: run.policy.due, now: now)
        let files = FileManager.default
        func save(_ text: String, _ path: String) throws {
            let url = folder.appendingPathComponent(path)
            try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        }
        func pretty<Value: Encodable>(_ value: Value) throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        }
        // grading.json is the run as graded; every other report shows the roster's learners too.
        let graded = run
        let run = run.withRoster()
        do {
            try save(try pretty(graded), "grading.json")
            try save(Gradebook.csv(run), "grades.csv")
            try save(JUnitReport.xml(run, shown: shown), "junit.xml")
        } catch {
            throw GradingError.cannotWriteReports(folder: folder.path, reason: error.localizedDescription)
        }
        var failures: [String] = []
        for submission in run.submissions {
            let name = safeName(submission.id)
            do {
                try save(try pretty(PlatformReports.gradescope(submission, in: run, shown: shown)), "submissions/\(name)/results.json")
                try save(try pretty(PlatformReports.exercism(submission, in: run, shown: shown)), "submissions/\(name)/exercism.json")
                try save(FeedbackReport.markdown(submission, in: run, shown: shown), "feedback/\(name).md")
            } catch {
                failures.append("\(submission.id): its reports could not be written (\(error.localizedDescription))")
            }
        }
        return failures
    }

    /// Reads a run back (for merging shards).
    public static func read(_ folder: URL) throws -> GradingRun {
        let file = folder.appendingPathComponent("grading.json")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw GradingError.noRun(folder: folder.path)
        }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(GradingRun.self, from: data)
        } catch {
            throw GradingError.notARun(file: file.path, reason: "\(error)")
        }
    }

    /// A file name for an id: the id itself when it is a short, plain name; else a shortened,
    /// cleaned form with a hash of the id, so two ids never share a report file.
    static func safeName(_ id: String) -> String {
        let cleaned = String(id.unicodeScalars.map { $0 == "/" || $0.value < 0x20 || $0 == "\u{FFFD}" ? "_" : Character($0) })
        if cleaned == id, id.utf8.count <= 120 { return id }
        var short = ""
        for character in cleaned where short.utf8.count + character.utf8.count <= 100 { short.append(character) }
        var fingerprint = Fingerprint()
        fingerprint.add(id)
        return short + "-" + fingerprint.hex.prefix(12)
    }
}

/// Slices of a batch for several machines, and their merge.
public enum Sharding {
    /// `2/4`: the second of four slices.
    public static func parse(_ text: String) throws -> (index: Int, count: Int) {
        let parts = text.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else {
            throw GradingError.shardSyntax
        }
        return (parts[0], parts[1])
    }

    /// The submissions of slice `index` of `count`: every count-th, from the sorted list.
    public static func slice(_ submissions: [Submission], index: Int, count: Int) -> [Submission] {
        submissions.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }

    /// One run from the shards' runs; they must grade the same lessons.
    public static func merge(_ runs: [GradingRun]) throws -> GradingRun {
        guard let first = runs.first else { throw GradingError.nothingToMerge }
        guard runs.allSatisfy({ $0.lessons == first.lessons }) else {
            throw GradingError.shardsDiffer(.lessons)
        }
        let submissions = runs.flatMap(\.submissions).sorted { $0.id < $1.id }
        let ids = submissions.map(\.id)
        guard Set(ids).count == ids.count else { throw GradingError.submissionInTwoShards }
        var warnings: [String] = []
        for warning in runs.flatMap(\.warnings) where !warnings.contains(warning) { warnings.append(warning) }
        guard runs.allSatisfy({ $0.roster == first.roster }) else {
            throw GradingError.shardsDiffer(.roster)
        }
        guard runs.allSatisfy({ $0.adjustments == first.adjustments }) else {
            throw GradingError.shardsDiffer(.adjustments)
        }
        guard runs.allSatisfy({ $0.policy == first.policy }) else {
            throw GradingError.shardsDiffer(.policy)
        }
        return GradingRun(
            lessons: first.lessons, lessonNumbers: first.lessonNumbers, sandboxed: runs.allSatisfy(\.sandboxed), warnings: warnings,
            submissions: submissions, policy: first.policy, lessonMaxScores: first.lessonMaxScores, roster: first.roster,
            adjustments: first.adjustments)
    }
}
