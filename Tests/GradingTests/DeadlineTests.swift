import Curriculum
import Foundation
import TestSupport
import Testing

@testable import Grading

/// A roster joins the gradebook; submission times meet a due date and a late policy.
@Suite("Deadlines and a roster")
struct DeadlineTests {
    let folder = TemporaryFolder()
    static let due = GradingDate.parse("2026-11-30T23:59:00Z")!

    static func graded(_ id: String, score: Int, submitted: String?) -> SubmissionGrade {
        SubmissionGrade(
            id: id, status: .graded, message: nil,
            lessons: [
                LessonGrade(
                    lesson: "deciding", status: score == 10 ? .pass : .fail, score: score, maxScore: 10, scenarios: [], compileErrors: nil)
            ],
            ignored: [], seconds: 1, submitted: submitted.flatMap(GradingDate.parse), submittedFrom: "submission_metadata.json")
    }

    @Test("a roster is read with quoted fields and optional columns; a bad line is named with file and line")
    func roster() throws {
        let file = folder.write("roster.csv", "ID,Name,Email,Extra Days\nann,\"Lee, Ann\",ann@example.org,2\nbob,Bob,,\n")
        let learners = try Roster.load(file)
        #expect(
            learners == [Learner(id: "ann", name: "Lee, Ann", email: "ann@example.org", extraDays: 2), Learner(id: "bob", name: "Bob")])
        let twice = folder.write("twice.csv", "id,name\nann,A\n\nann,B\n")
        #expect(throws: GradingError.table(file: twice.path, line: 4, .repeatedID("ann", firstLine: 2))) { try Roster.load(twice) }
        let days = folder.write("days.csv", "id,extra_days\nann,two\n")
        #expect(throws: GradingError.table(file: days.path, line: 2, .notExtraDays("two"))) {
            try Roster.load(days)
        }
        let headless = folder.write("headless.csv", "name,email\nAnn,a@b\n")
        #expect(throws: GradingError.table(file: headless.path, line: 1, .headerLacks(["id"], example: "id,name,email,extra_days"))) {
            try Roster.load(headless)
        }
        let open = folder.write("open.csv", "id,name\nann,\"Lee\n")
        #expect(throws: GradingError.table(file: open.path, line: 2, .unclosedQuote)) { try Roster.load(open) }
    }

    @Test("days late count begun days after the due date plus extra days; grace days are free and the cap holds")
    func lateness() {
        #expect(LatePolicy.daysLate(submitted: Self.due, due: Self.due, extraDays: 0) == 0)
        #expect(LatePolicy.daysLate(submitted: Self.due.addingTimeInterval(60), due: Self.due, extraDays: 0) == 1)
        #expect(LatePolicy.daysLate(submitted: Self.due.addingTimeInterval(86_401), due: Self.due, extraDays: 0) == 2)
        #expect(LatePolicy.daysLate(submitted: Self.due.addingTimeInterval(86_401), due: Self.due, extraDays: 2) == 0)
        let policy = LatePolicy(penaltyPerDay: 10, graceDays: 1, cap: 25)
        #expect(policy.penalty(daysLate: 1) == 0)
        #expect(policy.penalty(daysLate: 3) == 20)
        #expect(policy.penalty(daysLate: 9) == 25)
    }

    @Test("dates: with a zone, Gradescope's fractional seconds, UTC without a zone, a bare day's last second")
    func dates() {
        #expect(GradingDate.parse("2018-07-01T14:22:32.365935-07:00") != nil)
        #expect(GradingDate.parse("2026-11-30T23:59") == Self.due)
        #expect(GradingDate.parse("2026-11-30 23:59") == Self.due)
        #expect(GradingDate.parse("2026-11-30") == Self.due.addingTimeInterval(59))
        #expect(GradingDate.parse("30/11/2026") == nil)
        #expect(GradingDate.parse("2026-13-01") == nil)
    }

    @Test("the gradebook joins the roster, adds a missing row for who handed nothing in, and keeps the raw score by the final")
    func gradebook() {
        let run = GradingRun(
            lessons: ["deciding"], sandboxed: true, warnings: [],
            submissions: [
                Self.graded("ann", score: 10, submitted: "2026-12-03T10:00:00Z"),  // 3 days late, 2 extra: 1 day
                Self.graded("bob", score: 8, submitted: "2026-12-03T10:00:00Z"),  // 3 days late
                Self.graded("zoe", score: 10, submitted: "2026-11-30T12:00:00Z"),  // on time, not on the roster
            ], policy: GradingPolicy(due: Self.due, late: LatePolicy(penaltyPerDay: 10, graceDays: 0, cap: 100)), lessonMaxScores: [10],
            roster: [Learner(id: "ann", name: "Ann", extraDays: 2), Learner(id: "bob", name: "Bob"), Learner(id: "cy", name: "Cy")]
        ).withRoster()
        #expect(
            Gradebook.csv(run) == """
                id,name,email,deciding,raw,submitted,late_days,penalty,total,max,status
                ann,Ann,,10,10,2026-12-03T10:00:00Z,1,10,9,10,pass
                bob,Bob,,8,8,2026-12-03T10:00:00Z,3,30,5.60,10,fail
                cy,Cy,,0,0,,,0,0,10,missing
                zoe,,,10,10,2026-11-30T12:00:00Z,0,0,10,10,pass

                """)
        #expect(run.warnings == ["not on the roster: zoe", "on the roster with no submission (status missing): cy"])
        let feedback = FeedbackReport.markdown(run.submissions[1], in: run, shown: Disclosure(detail: .full, due: Self.due))
        #expect(feedback.contains("Handed in 3 days late: 30% off (8 → 5.60)."))
        // A shard leaves the missing to the merge.
        var shard = run
        shard.submissions.removeAll { $0.id == "cy" }
        shard.shard = "1/2"
        #expect(shard.withRoster().submissions.map(\.id) == ["ann", "bob", "zoe"])
    }

    @Test("a submission's time comes from its submission_metadata.json, else its newest file")
    func submissionTime() throws {
        folder.write("with/Sources/ConnectFour/Decide.swift", "")
        folder.write("with/submission_metadata.json", #"{"id": 1, "created_at": "2026-12-01T08:00:00.5+01:00", "users": []}"#)
        let with = Submission(id: "with", location: folder.url.appendingPathComponent("with"))
        let found = try #require(SubmissionTime.find(with, unpacked: nil))
        #expect(found.source == "submission_metadata.json")
        #expect(GradingDate.text(found.date) == "2026-12-01T07:00:00Z")
        let file = folder.write("without/Sources/ConnectFour/Decide.swift", "")
        let stamp = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: file.path)
        let without = try #require(
            SubmissionTime.find(Submission(id: "w", location: folder.url.appendingPathComponent("without")), unpacked: nil))
        #expect(without.date == stamp && without.source == "newest file modified")
        folder.write("broken/submission_metadata.json", #"{"created_at": "yesterday"}"#)
        folder.write("broken/Sources/A.swift", "")
        let broken = try #require(
            SubmissionTime.find(Submission(id: "b", location: folder.url.appendingPathComponent("broken")), unpacked: nil))
        #expect(broken.source == "newest file modified; its submission_metadata.json has no readable created_at")
    }
}
