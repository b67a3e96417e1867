import Foundation

/// One learner of the course's roster (`--roster`).
public struct Learner: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var email: String
    /// Days added to the due date for this learner (an extension).
    public var extraDays: Int

    public init(id: String, name: String = "", email: String = "", extraDays: Int = 0) {
        self.id = id
        self.name = name
        self.email = email
        self.extraDays = extraDays
    }
}

/// `roster.csv`: `id,name,email,extra_days` (only `id` is required); ids are the submissions' ids.
public enum Roster {
    public static let example = "id,name,email,extra_days"

    public static func load(_ url: URL) throws -> [Learner] {
        try parse(try CSVTable.read(url))
    }

    static func parse(_ table: CSVTable) throws -> [Learner] {
        try table.require(["id"], example: example)
        var learners: [Learner] = []
        var lines: [String: Int] = [:]
        for row in table.rows {
            let id = row["id"]
            guard !id.isEmpty else { throw GradingError.table(file: table.file, line: row.line, .noID) }
            if let first = lines[id] { throw GradingError.table(file: table.file, line: row.line, .repeatedID(id, firstLine: first)) }
            lines[id] = row.line
            var extra = 0
            if !row["extra_days"].isEmpty {
                guard let days = Int(row["extra_days"]), days >= 0 else {
                    throw GradingError.table(file: table.file, line: row.line, .notExtraDays(row["extra_days"]))
                }
                extra = days
            }
            learners.append(Learner(id: id, name: row["name"], email: row["email"], extraDays: extra))
        }
        return learners
    }
}

extension GradingRun {
    /// The run as reports show it: with a roster, each learner with no submission gets a
    /// `missing` row, and the warnings name submissions not on the roster and learners without one.
    /// grading.json keeps the run without those rows, so shards merge without repeating them.
    public func withRoster() -> GradingRun {
        guard let roster else { return self }
        let absentRows = shard == nil  // a slice cannot know who is in the other slices
        var run = self
        let ids = Set(submissions.map(\.id))
        let known = Set(roster.map(\.id))
        let absent = absentRows ? roster.filter { !ids.contains($0.id) } : []
        let maxima = lessonMaxScores ?? lessons.map { _ in 0 }
        for learner in absent {
            run.submissions.append(
                SubmissionGrade(
                    id: learner.id, status: .missing, message: "no submission was handed in",
                    lessons: zip(lessons, maxima).map {
                        LessonGrade(lesson: $0, status: .missing, score: 0, maxScore: $1, scenarios: [], compileErrors: nil)
                    }, ignored: [], seconds: 0))
        }
        run.submissions.sort { $0.id < $1.id }
        let unknown = submissions.map(\.id).filter { !known.contains($0) }
        var notes: [String] = []
        if !unknown.isEmpty { notes.append("not on the roster: " + unknown.joined(separator: ", ")) }
        if !absent.isEmpty {
            notes.append("on the roster with no submission (status missing): " + absent.map(\.id).joined(separator: ", "))
        }
        for note in notes where !run.warnings.contains(note) { run.warnings.append(note) }
        return run
    }

    /// The roster's entry for a submission.
    func learner(_ id: String) -> Learner? { roster?.first { $0.id == id } }
}
