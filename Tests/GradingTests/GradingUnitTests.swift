import Checking
import Curriculum
import Foundation
import TestSupport
import Testing

@testable import Grading

@Suite("Grading, piece by piece")
struct GradingUnitTests {
    func grade(_ id: String, _ scores: [(String, Int, Int, LessonStatus)], status: SubmissionStatus = .graded) -> SubmissionGrade {
        SubmissionGrade(
            id: id, status: status, message: status == .graded ? nil : "broken",
            lessons: scores.map { LessonGrade(lesson: $0.0, status: $0.3, score: $0.1, maxScore: $0.2, scenarios: [], compileErrors: nil) },
            ignored: [], seconds: 1)
    }

    @Test("the gradebook has a column per lesson, totals and a status; awkward ids are quoted")
    func gradebook() {
        let run = GradingRun(
            lessons: ["one", "two"], sandboxed: true, warnings: [],
            submissions: [
                grade("ann", [("one", 3, 3, .pass), ("two", 1, 4, .fail)]),
                grade("smith, \"jo\"", [("one", 3, 3, .pass), ("two", 4, 4, .pass)]),
            ])
        #expect(Gradebook.csv(run) == "id,one,two,total,max,status\nann,3,1,4,7,fail\n\"smith, \"\"jo\"\"\",3,4,7,7,pass\n")
    }

    @Test("lesson ranges read numbers, spans, lists and ids, in course order")
    func ranges() throws {
        let folder = TemporaryFolder()
        let course = try CoursePackLoader.load(from: PackFixture.write(in: folder, lessons: 4))
        #expect(try LessonRange.parse("1-3", in: course).map(\.number) == [1, 2, 3])
        #expect(try LessonRange.parse("4,1-2", in: course).map(\.number) == [1, 2, 4])
        #expect(try LessonRange.parse("lesson-3", in: course).map(\.number) == [3])
        #expect(throws: GradingError.lessonsOutside(range: "2-9", count: 4)) { try LessonRange.parse("2-9", in: course) }
        #expect(throws: GradingError.noSuchLesson("x", count: 4)) { try LessonRange.parse("x", in: course) }
        do {
            _ = try LessonRange.parse("x", in: course)
        } catch {
            #expect("\(error)" == "there is no lesson 'x'; give numbers (1-4) or ids", "the course's own count, not a fixed one")
        }
    }

    @Test("shards slice the sorted submissions without overlap, and merging refuses mismatched shards")
    func shards() throws {
        let submissions = (1...5).map { Submission(id: "s\($0)", location: URL(fileURLWithPath: "/s\($0)")) }
        let first = Sharding.slice(submissions, index: 1, count: 2), second = Sharding.slice(submissions, index: 2, count: 2)
        #expect(first.map(\.id) == ["s1", "s3", "s5"])
        #expect(second.map(\.id) == ["s2", "s4"])
        #expect(try Sharding.parse("2/3") == (2, 3))
        #expect(throws: GradingError.shardSyntax) { try Sharding.parse("0/3") }
        let a = GradingRun(lessons: ["one"], sandboxed: true, warnings: [], submissions: [grade("b", [])])
        let b = GradingRun(lessons: ["one"], sandboxed: false, warnings: ["w"], submissions: [grade("a", [])])
        let merged = try Sharding.merge([a, b])
        #expect(merged.submissions.map(\.id) == ["a", "b"])
        #expect(merged.sandboxed == false)
        #expect(merged.warnings == ["w"])
        #expect(throws: GradingError.nothingToMerge) { try Sharding.merge([]) }
        #expect(throws: GradingError.submissionInTwoShards) { try Sharding.merge([a, a]) }
        #expect(throws: GradingError.shardsDiffer(.lessons)) {
            try Sharding.merge([a, GradingRun(lessons: ["two"], sandboxed: true, warnings: [], submissions: [])])
        }
    }

    @Test("JUnit text is escaped, and characters XML cannot hold are dropped")
    func escaping() {
        #expect(JUnitReport.escape("a<b & \"c\"\u{07}") == "a&lt;b &amp; &quot;c&quot;")
    }
}
