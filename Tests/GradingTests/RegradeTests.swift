import Curriculum
import Foundation
import TestSupport
import Testing

@testable import Grading

/// A second run regrades only what changed, keyed by content; manual adjustments stay apart from
/// the automatic scores and are applied on top of them.
@Suite("Regrades without regrinding")
struct RegradeTests {
    let folder = TemporaryFolder()

    static func graded(_ id: String, _ score: Int, status: LessonStatus = .fail) -> SubmissionGrade {
        SubmissionGrade(
            id: id, status: .graded, message: nil,
            lessons: [LessonGrade(lesson: "deciding", status: status, score: score, maxScore: 10, scenarios: [], compileErrors: nil)],
            ignored: [], seconds: 1)
    }

    @Test("adjustments.csv is read with lessons by id or number; bad points or lessons are named with file and line")
    func loading() throws {
        let file = folder.write(
            "adjustments.csv", "id,lesson,points,reason\nann,deciding,2,\"suite bug, scenario 4\"\nbob,,-1.5,copied a file\nann,2,1,\n")
        let adjustments = try Adjustment.load(file, lessons: ["deciding"], numbers: [2])
        #expect(
            adjustments == [
                Adjustment(id: "ann", lesson: "deciding", points: 2, reason: "suite bug, scenario 4"),
                Adjustment(id: "bob", points: -1.5, reason: "copied a file"),
                Adjustment(id: "ann", lesson: "deciding", points: 1, reason: ""),
            ])
        let points = folder.write("points.csv", "id,lesson,points,reason\nann,,two,\n")
        #expect(throws: GradingError.table(file: points.path, line: 2, .notPoints("two"))) {
            try Adjustment.load(points, lessons: ["deciding"], numbers: [2])
        }
        let lesson = folder.write("lesson.csv", "id,lesson,points\nann,folding,1\n")
        #expect(throws: GradingError.table(file: lesson.path, line: 2, .notALesson("folding", lessons: ["deciding"]))) {
            try Adjustment.load(lesson, lessons: ["deciding"], numbers: [2])
        }
    }

    @Test("adjustments add to the raw score before a late penalty, never below zero, in their own column; blank plus adjustment is scored")
    func applied() throws {
        let run = GradingRun(
            lessons: ["deciding"], sandboxed: true, warnings: [],
            submissions: [
                Self.graded("ann", 7), Self.graded("bob", 1), Self.graded("cat", 9),
                SubmissionGrade(
                    id: "dan", status: .graded, message: nil,
                    lessons: [
                        LessonGrade(lesson: "deciding", status: .compileError, score: 0, maxScore: 10, scenarios: [], compileErrors: "x")
                    ],
                    ignored: [], seconds: 1),
            ], policy: GradingPolicy(ungradable: .blank),
            adjustments: [
                Adjustment(id: "ann", lesson: "deciding", points: 2, reason: "scenario 4 was wrong"),
                Adjustment(id: "bob", points: -3, reason: "late file"),
                Adjustment(id: "dan", points: 4, reason: "a typo kept it from compiling"),
                Adjustment(id: "nobody", points: 1, reason: ""),
            ])
        #expect(
            Gradebook.csv(run) == """
                id,deciding,raw,adjustments,total,max,status
                ann,7,7,2,9,10,fail
                bob,1,1,-3,0,10,fail
                cat,9,9,,9,10,fail
                dan,,,4,4,10,compile-error

                """)
        #expect(run.strayAdjustments == ["nobody"])
        let gradescope = try #require(
            PlatformReports.gradescope(run.submissions[0], in: run, shown: Disclosure(detail: .full, due: nil)).objectValue)
        #expect(gradescope["score"] == .number(9))
        let tests = (gradescope["tests"]?.arrayValue ?? []).compactMap(\.objectValue)
        #expect(tests.last?["name"] == .string("adjustment · deciding") && tests.last?["score"] == .number(2))
        #expect(gradescope["output"]?.description.contains("Adjusted +2 (deciding): scenario 4 was wrong") == true)
        let feedback = FeedbackReport.markdown(run.submissions[1], in: run, shown: Disclosure(detail: .full, due: nil))
        #expect(feedback.contains("- -3 (whole submission): late file"))
        #expect(feedback.contains("Score: **0 / 10**"))
        // With a late penalty, the adjusted score is what loses the percentage.
        var late = run
        late.policy = GradingPolicy(due: Date(timeIntervalSince1970: 0), late: LatePolicy(penaltyPerDay: 50, graceDays: 0, cap: 50))
        late.submissions[0].submitted = Date(timeIntervalSince1970: 3_600)
        #expect(FinalScore(late.submissions[0], in: late).total == 4.5)
    }

    @Test("a submission's key follows its content, not its files' times, and lessons' keys follow their suites")
    func keys() throws {
        let source = folder.write("ann/Sources/ConnectFour/Decide.swift", "let a = 1\n")
        let ann = Submission(id: "ann", location: folder.url.appendingPathComponent("ann"))
        let first = try #require(InputKeys.submission(ann))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1)], ofItemAtPath: source.path)
        #expect(InputKeys.submission(ann) == first)
        folder.write("ann/.build/debug/junk", "ignored")
        #expect(InputKeys.submission(ann) == first)
        folder.write("ann/Sources/ConnectFour/Decide.swift", "let a = 2\n")
        #expect(InputKeys.submission(ann) != first)
        folder.write("ann/Sources/ConnectFour/Decide.swift", "let a = 1\n")
        folder.write("ann/Sources/ConnectFour/More.swift", "")
        #expect(InputKeys.submission(ann) != first)
        #expect(InputKeys.submission(Submission(id: "x", location: folder.url, problem: .symbolicLink)) == nil)
        #expect(InputKeys.lesson(submission: "a", lesson: "b") != InputKeys.lesson(submission: "a", lesson: "c"))
        #expect(InputKeys.lesson(submission: nil, lesson: "b") == nil)
    }

    @Test("the last run lends a grade only when every key matches and it was a verdict on the learner's code")
    func lending() {
        var kept = Self.graded("ann", 7)
        kept.contentKey = "c1"
        kept.lessons[0].inputKey = "k1"
        var timedOut = Self.graded("bob", 0, status: .timeout)
        timedOut.contentKey = "c2"
        timedOut.lessons[0].inputKey = "k2"
        let previous = PreviousGrades(GradingRun(lessons: ["deciding"], sandboxed: true, warnings: [], submissions: [kept, timedOut]))
        #expect(previous.submission("ann", keys: ["k1"], contentKey: "c1") == kept)
        #expect(previous.submission("ann", keys: ["k9"], contentKey: "c1") == nil)
        #expect(previous.submission("ann", keys: ["k1"], contentKey: "c9") == nil)
        #expect(previous.submission("ann", keys: [nil], contentKey: "c1") == nil)
        #expect(previous.submission("bob", keys: ["k2"], contentKey: "c2") == nil)
        #expect(previous.lesson("deciding", of: "ann", key: "k1") == kept.lessons[0])
        #expect(previous.lesson("deciding", of: "bob", key: "k2") == nil)
    }
}

@Suite("Merging keeps a course's choices")
struct MergeChoicesTests {
    @Test("merged shards keep the roster, policy and adjustments, fill in the missing learners, and refuse shards that differ")
    func merge() throws {
        let roster = [Learner(id: "ann"), Learner(id: "bob"), Learner(id: "cy")]
        let policy = GradingPolicy(ungradable: .blank)
        let adjustments = [Adjustment(id: "ann", points: 1, reason: "r")]
        func shard(_ id: String, _ index: Int) -> GradingRun {
            GradingRun(
                lessons: ["deciding"], sandboxed: true, warnings: [], submissions: [RegradeTests.graded(id, 5)], policy: policy,
                lessonMaxScores: [10], roster: roster, shard: "\(index)/2", adjustments: adjustments)
        }
        let merged = try Sharding.merge([shard("ann", 1), shard("bob", 2)])
        #expect(merged.shard == nil && merged.roster == roster && merged.policy == policy && merged.adjustments == adjustments)
        #expect(merged.withRoster().submissions.map(\.id) == ["ann", "bob", "cy"])
        #expect(shard("ann", 1).withRoster().submissions.map(\.id) == ["ann"])
        var other = shard("bob", 2)
        other.policy = GradingPolicy(ungradable: .zero)
        #expect(throws: GradingError.shardsDiffer(.policy)) { try Sharding.merge([shard("ann", 1), other]) }
        other = shard("bob", 2)
        other.adjustments = nil
        #expect(throws: GradingError.shardsDiffer(.adjustments)) { try Sharding.merge([shard("ann", 1), other]) }
        other = shard("bob", 2)
        other.roster = [Learner(id: "bob")]
        #expect(throws: GradingError.shardsDiffer(.roster)) { try Sharding.merge([shard("ann", 1), other]) }
    }
}
