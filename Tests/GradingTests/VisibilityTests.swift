import Curriculum
import Foundation
import Testing

@testable import Checking
@testable import Grading

/// A suite marks what learners may see of each scenario; every learner's report follows the
/// marks, Gradescope gets them as its per-test `visibility`, and `--feedback` overrides a run.
@Suite("Visibility per scenario")
struct VisibilityTests {
    static func scenario(_ name: String, _ visibility: ScenarioVisibility?) -> ScenarioResult {
        ScenarioResult(
            name: name, status: .fail, weight: 1, message: "expected gameStarted, got nothing", given: "no events",
            when: "alice starts a game", feedback: "A start records who plays.", output: "printed alice", visibility: visibility)
    }

    static let submission = SubmissionGrade(
        id: "ann", status: .graded, message: nil,
        lessons: [
            LessonGrade(
                lesson: "deciding", status: .fail, score: 0, maxScore: 4,
                scenarios: [
                    scenario("open", nil), scenario("secret", .hidden), scenario("later", .afterDue), scenario("released", .afterPublished),
                ], compileErrors: nil)
        ], ignored: [], seconds: 1)
    static let run = GradingRun(lessons: ["deciding"], sandboxed: true, warnings: [], submissions: [submission])
    static let due = Date(timeIntervalSince1970: 1_000_000)

    func shown(_ detail: FeedbackDetail, duePassed: Bool = false) -> Disclosure {
        Disclosure(detail: detail, due: Self.due, now: Self.due.addingTimeInterval(duePassed ? 60 : -60))
    }

    /// The names of the scenarios a report shows in full.
    func detailed(_ disclosure: Disclosure) -> [String] {
        Self.submission.lessons[0].scenarios.filter { disclosure.showsDetail($0) }.map(\.name)
    }

    @Test("as marked: visible always, hidden never, after-due once the due date has passed, after-published when published")
    func marks() {
        #expect(detailed(shown(.asMarked)) == ["open"])
        #expect(detailed(shown(.asMarked, duePassed: true)) == ["open", "later"])
        #expect(detailed(shown(.published, duePassed: true)) == ["open", "later", "released"])
        #expect(detailed(shown(.published)) == ["open", "released"])
        #expect(detailed(shown(.full)) == ["open", "secret", "later", "released"])
        #expect(detailed(shown(.namesOnly, duePassed: true)) == [])
        // Without --due, after-due is never known to have passed.
        #expect(detailed(Disclosure(detail: .asMarked, due: nil)) == ["open"])
    }

    @Test("Gradescope gets each mark as its visibility, a hidden scenario by name only")
    func gradescope() throws {
        let report = try #require(PlatformReports.gradescope(Self.submission, in: Self.run, shown: shown(.asMarked)).objectValue)
        let tests = (report["tests"]?.arrayValue ?? []).compactMap(\.objectValue)
        #expect(tests.map { $0["visibility"] } == ["visible", "visible", "after_due_date", "after_published"].map { .string($0) })
        #expect(tests[0]["output"]?.description.contains("expected gameStarted") == true)
        #expect(tests[1]["name"] == .string("deciding · secret"))
        #expect(tests[1]["output"] == .string("A start records who plays."))
        // Gradescope gates the dated ones itself, so their text is whole.
        #expect(tests[2]["output"]?.description.contains("expected gameStarted") == true)
        let overridden = try #require(PlatformReports.gradescope(Self.submission, in: Self.run, shown: shown(.full)).objectValue)
        #expect((overridden["tests"]?.arrayValue ?? []).allSatisfy { $0.objectValue?["visibility"] == .string("visible") })
    }

    @Test("exercism and the feedback file show a withheld scenario's name and status, never its expectation or output")
    func learnerFiles() throws {
        let exercism = try #require(PlatformReports.exercism(Self.submission, in: Self.run, shown: shown(.asMarked)).objectValue)
        let tests = (exercism["tests"]?.arrayValue ?? []).compactMap(\.objectValue)
        #expect(tests.map { $0["test_code"] != nil } == [true, false, false, false])
        #expect(tests.map { $0["output"] != nil } == [true, false, false, false])
        #expect(tests[1]["message"] == .string("A start records who plays."))
        let feedback = FeedbackReport.markdown(Self.submission, in: Self.run, shown: shown(.asMarked, duePassed: true))
        #expect(feedback.contains("- **secret** (fail)"))
        #expect(feedback.components(separatedBy: "expected gameStarted").count - 1 == 2, "open and later, once due")
        let junit = JUnitReport.xml(Self.run, shown: shown(.asMarked))
        #expect(junit.components(separatedBy: "expected gameStarted").count - 1 == 2, "open's message and its text")
    }

    @Test("a suite's visibility is read, defaults to visible, and a bad value is named with its file and line")
    func loading() throws {
        let suite = try SuiteLoader.parse(
            """
            scenarios:
              - name: open
                when: {decide: {startGame: {playerOne: a, playerTwo: b}}}
                then: {events: []}
              - name: secret
                visibility: hidden
                when: {decide: {startGame: {playerOne: a, playerTwo: b}}}
                then: {events: []}
              - name: later
                visibility: after-due
                when: {decide: {startGame: {playerOne: a, playerTwo: b}}}
                then: {events: []}
            """, displayName: "private/deciding/suite.yaml")
        #expect(suite.scenarios.map(\.visibility) == [.visible, .hidden, .afterDue])
        #expect(throws: PackValidationError.self) {
            try SuiteLoader.parse(
                """
                scenarios:
                  - name: secret
                    visibility: after-deu
                    when: {decide: {startGame: {playerOne: a, playerTwo: b}}}
                    then: {events: []}
                """, displayName: "private/deciding/suite.yaml")
        }
        do {
            _ = try SuiteLoader.parse(
                "scenarios:\n  - name: secret\n    visibility: secret\n    when: {decide: {}}\n    then: {events: []}\n",
                displayName: "private/deciding/suite.yaml")
            Issue.record("a bad visibility was accepted")
        } catch {
            #expect("\(error)".contains("private/deciding/suite.yaml:3"), "\(error)")
            #expect("\(error)".contains("'visibility' should be one of visible, hidden, after-due, after-published"), "\(error)")
        }
    }
}
