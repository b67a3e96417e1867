import Checking
import Curriculum
import Foundation
import Testing

@testable import Grading

/// A submission that could not be graded has a status of its own in every report, apart from one
/// that ran and failed, and `--ungradable` decides what it scores.
@Suite("Not gradable is not a fail")
struct UngradableTests {
    static func lesson(_ id: String, _ score: Int, _ max: Int, _ status: LessonStatus, errors: String? = nil) -> LessonGrade {
        LessonGrade(lesson: id, status: status, score: score, maxScore: max, scenarios: [], compileErrors: errors)
    }

    static let failed = SubmissionGrade(
        id: "ann", status: .graded, message: nil,
        lessons: [lesson("one", 3, 3, .pass), lesson("two", 1, 4, .fail)], ignored: [], seconds: 1)
    static let broken = SubmissionGrade(
        id: "bob", status: .graded, message: nil,
        lessons: [
            lesson("one", 0, 3, .compileError, errors: "Decide.swift:1:14: error: expected ')'"), lesson("two", 0, 4, .compileError),
        ],
        ignored: [], seconds: 1)
    static let partly = SubmissionGrade(
        id: "cat", status: .graded, message: nil,
        lessons: [lesson("one", 3, 3, .pass), lesson("two", 0, 4, .compileError, errors: "Fold.swift:2:1: error: x")], ignored: [],
        seconds: 1)
    static let empty = SubmissionGrade(
        id: "dan", status: .graded, message: nil, lessons: [lesson("one", 0, 3, .missing), lesson("two", 0, 4, .missing)], ignored: [],
        seconds: 1)
    static let damaged = SubmissionGrade(
        id: "eve", status: .unreadable, message: "cannot unpack eve.zip: it is damaged",
        lessons: [lesson("one", 0, 3, .error), lesson("two", 0, 4, .error)], ignored: [], seconds: 1)

    func run(_ policy: UngradablePolicy) -> GradingRun {
        GradingRun(
            lessons: ["one", "two"], sandboxed: true, warnings: [],
            submissions: [Self.failed, Self.broken, Self.partly, Self.empty, Self.damaged], policy: GradingPolicy(ungradable: policy))
    }

    @Test("each kind of submission has its own status: fail, compile-error, missing, unreadable")
    func outcomes() {
        #expect(Self.failed.outcome == .fail)
        #expect(Self.broken.outcome == .compileError)
        #expect(Self.partly.outcome == .compileError)
        #expect(Self.empty.outcome == .missing)
        #expect(Self.damaged.outcome == .unreadable)
        #expect(Self.failed.outcome.isGradable && !Self.broken.outcome.isGradable)
    }

    @Test("the gradebook's status column tells them apart; zero scores them 0, blank leaves them empty")
    func gradebook() {
        #expect(
            Gradebook.csv(run(.zero))
                == "id,one,two,total,max,status\nann,3,1,4,7,fail\nbob,0,0,0,7,compile-error\ncat,3,0,3,7,compile-error\n"
                + "dan,0,0,0,7,missing\neve,0,0,0,7,unreadable\n")
        // A lesson that did not compile is blank; a submission of which something ran keeps what ran.
        #expect(
            Gradebook.csv(run(.blank))
                == "id,one,two,total,max,status\nann,3,1,4,7,fail\nbob,,,,7,compile-error\ncat,3,,3,7,compile-error\n"
                + "dan,,,,7,missing\neve,,,,7,unreadable\n")
    }

    @Test("Gradescope says why in the top-level output; under blank there is no score at all")
    func gradescope() throws {
        let zero = try #require(
            PlatformReports.gradescope(Self.damaged, in: run(.zero), shown: Disclosure(detail: .full, due: nil)).objectValue)
        #expect(zero["score"] == .number(0))
        #expect(zero["output"] == .string("Not graded (unreadable): cannot unpack eve.zip: it is damaged"))
        #expect(zero["extra_data"] == .object(["status": .string("unreadable")]))
        let blank = try #require(
            PlatformReports.gradescope(Self.broken, in: run(.blank), shown: Disclosure(detail: .full, due: nil)).objectValue)
        #expect(blank["score"] == nil)
        #expect(blank["output"] == .string("Not graded (compile-error): one: Decide.swift:1:14: error: expected ')'"))
        let tests = blank["tests"]?.arrayValue ?? []
        #expect(tests.count == 2 && tests.allSatisfy { $0.objectValue?["score"] == nil })
        let failed = try #require(
            PlatformReports.gradescope(Self.failed, in: run(.blank), shown: Disclosure(detail: .full, due: nil)).objectValue)
        #expect(failed["score"] == .number(4))
        #expect(failed["extra_data"] == .object(["status": .string("fail")]))
    }

    @Test("exercism's status is error, with the reason as its message, only for what could not be graded")
    func exercism() throws {
        let missing = try #require(
            PlatformReports.exercism(Self.empty, in: run(.zero), shown: Disclosure(detail: .full, due: nil)).objectValue)
        #expect(missing["status"] == .string("error"))
        #expect(missing["message"] == .string("Not graded (missing): one: there are no sources for this lesson"))
        let failed = try #require(
            PlatformReports.exercism(Self.failed, in: run(.zero), shown: Disclosure(detail: .full, due: nil)).objectValue)
        #expect(failed["status"] == .string("fail"))
        #expect(failed["message"] == nil)
    }

    @Test("feedback and the summary name the status and the policy")
    func feedbackAndSummary() {
        let feedback = FeedbackReport.markdown(Self.broken, in: run(.blank), shown: Disclosure(detail: .full, due: nil))
        #expect(feedback.contains("Score: not scored yet (out of 7)"))
        #expect(feedback.contains("could not be graded (compile-error)"))
        let summary = GradeSummary.lines(run(.blank), width: 80).joined(separator: "\n")
        #expect(summary.contains("not gradable (left blank):"))
        #expect(summary.contains("  eve (unreadable): cannot unpack eve.zip"))
        #expect(!summary.contains("  ann ("))
    }
}

extension JSONValue {
    var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }
    var arrayValue: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }
}
