import Curriculum
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Grading

/// No credit for reference code: code that is the course's reference once whitespace and comments
/// are set aside, and lessons the workspace records as skipped, are reported as such and scored
/// by `--reference-code` (none by default).
@Suite("No credit for reference code")
struct ReferenceCodeTests {
    static let root = WorkshopProcess.repositoryRoot
    static func course() throws -> Course { try CoursePackLoader.load(from: root.appendingPathComponent("lessons")) }
    static func solution(_ lesson: String, _ file: String) throws -> String {
        try ReferenceCode.text(of: lesson, "Sources/ConnectFour/\(file)")
    }

    /// The reference with its comments changed and its layout redone: what a copy that tries to look different does.
    static func disguisedLayout(_ text: String) -> String {
        text.components(separatedBy: "\n")
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            .map { "  " + $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " {", with: "\n{") + "   // mine" }
            .joined(separator: "\n\n")
    }

    @Test("the normaliser drops comments and whitespace, and keeps everything else, strings included")
    func normaliser() {
        let one = "let a = \"x // not a comment\" /* gone */ + b // gone\nfunc f() { return \"\\(g(\"y\"))\" }"
        let two = "let a=\"x // not a comment\"+b\n\n  func f(){return \"\\(g(\"y\"))\"}"
        #expect(SwiftTokens.normalised(one) == SwiftTokens.normalised(two))
        #expect(SwiftTokens.normalised(one) != SwiftTokens.normalised(two.replacingOccurrences(of: "+b", with: "-b")))
        let tokens = SwiftTokens.tokens("let total = 1_000.5e-3 + `default` /* a /* nested */ comment */ #\"raw \"quote\"\"#")
        #expect(tokens.map(\.text) == ["let", "total", "=", "1_000.5e-3", "+", "default", "#\"raw \"quote\"\"#"])
        #expect(tokens.map(\.kind) == [.keyword, .identifier, .punctuation, .number, .punctuation, .identifier, .string])
        let multiline = "let s = \"\"\"\n  a \"quoted\" line\n  \"\"\"\nlet t = 1..<n"
        #expect(SwiftTokens.tokens(multiline).map(\.text).suffix(6) == ["let", "t", "=", "1", "..<", "n"])
    }

    @Test("a lesson's reference, comments and layout changed, is the reference; the learner's own code is not")
    func detector() throws {
        let course = try Self.course()
        let deciding = try #require(course.lesson("deciding"))
        let detector = ReferenceDetector(course: course, lessons: [deciding])
        let events = try Self.solution("deciding", "Events.swift")
        let decide = try Self.solution("deciding", "Decide.swift")
        let copied = ["Sources/ConnectFour/Events.swift": events, "Sources/ConnectFour/Decide.swift": Self.disguisedLayout(decide)]
        #expect(detector.isReference(deciding, sources: copied))
        // Lesson 4's reference changes Decide.swift again: a learner who caught up to lesson 5 holds that one.
        let later = ["Sources/ConnectFour/Decide.swift": try Self.solution("playing-by-the-rules", "Decide.swift")]
        #expect(detector.isReference(deciding, sources: later))
        let own = decide.replacingOccurrences(of: "guard playerOne != playerTwo", with: "guard playerTwo != playerOne")
        #expect(!detector.isReference(deciding, sources: ["Sources/ConnectFour/Decide.swift": own]))
        #expect(!detector.isReference(deciding, sources: [:]))
        // The starter is nobody's reference either.
        let starter = try String(
            contentsOf: deciding.starterFolder.appendingPathComponent("Sources/ConnectFour/Decide.swift"), encoding: .utf8)
        #expect(!detector.isReference(deciding, sources: ["Sources/ConnectFour/Decide.swift": starter]))
    }

    @Test("a lesson whose answer is forced is never called reference: an honest learner writes the same tokens")
    func forcedAnswers() throws {
        let course = try Self.course()
        let detector = ReferenceDetector(course: course, lessons: course.lessons)
        // Lesson 1 turns four strings of its starter into the past tense, and that is all.
        #expect(detector.work["events-are-facts"] == 4)
        let events = try Self.solution("events-are-facts", "Events.swift")
        let first = try #require(course.lesson("events-are-facts"))
        #expect(!detector.isReference(first, sources: ["Sources/ConnectFour/Events.swift": events]))
        for lesson in course.lessons.dropFirst() {
            #expect((detector.work[lesson.id] ?? 0) >= ReferenceDetector.minimumWork, "\(lesson.id): \(detector.work[lesson.id] ?? 0)")
        }
        #expect(ReferenceDetector.commonLength(["a", "b", "c", "d"], ["b", "x", "d"]) == 2)
    }

    @Test("the lessons a workspace records as skipped are read from its progress store, without writing to it")
    func skippedFromWorkspace() throws {
        let folder = TemporaryFolder()
        let root = folder.url.appendingPathComponent("ws")
        let workspace = try Workspace(root: root)
        try workspace.record(.lessonStarted(lesson: "events-are-facts"))
        try workspace.record(.lessonSkipped(lesson: "events-are-facts"))
        try workspace.record(.lessonStarted(lesson: "deciding"))
        try workspace.record(.lessonCompleted(lesson: "deciding"))
        let store = root.appendingPathComponent(".workshop/events.sqlite")
        let before = try FileManager.default.attributesOfItem(atPath: store.path)[.modificationDate] as? Date
        let scratch = folder.url.appendingPathComponent("scratch")
        #expect(SkippedLessons.read(workspace: root, scratch: scratch) == ["events-are-facts"])
        #expect(try FileManager.default.attributesOfItem(atPath: store.path)[.modificationDate] as? Date == before)
        #expect(SkippedLessons.read(workspace: folder.url.appendingPathComponent("nothing"), scratch: scratch).isEmpty)
    }

    @Test("an archive keeps the one file of a workspace's state grading reads, its progress store, and nothing else of .workshop")
    func archiveKeepsProgress() throws {
        let archive = SubmissionArchive()
        #expect(try archive.parts(of: "ws/.workshop/events.sqlite") == ["ws", ".workshop", "events.sqlite"])
        #expect(try archive.parts(of: ".workshop/events.sqlite-wal") == [".workshop", "events.sqlite-wal"])
        #expect(try archive.parts(of: ".workshop/history") == nil)
        #expect(try archive.parts(of: ".workshop/build/events.sqlite") == nil)
        #expect(try archive.parts(of: ".git/.workshop/events.sqlite") == nil)
    }

    static func lesson(_ id: String, _ score: Int, _ status: Grading.LessonStatus, _ origin: CodeOrigin? = nil) -> LessonGrade {
        var grade = LessonGrade(lesson: id, status: status, score: score, maxScore: 4, scenarios: [], compileErrors: nil)
        grade.origin = origin
        return grade
    }

    static func run(_ credit: ReferenceCredit) -> GradingRun {
        GradingRun(
            lessons: ["one", "two"], sandboxed: true, warnings: [],
            submissions: [
                SubmissionGrade(
                    id: "late", status: .graded, message: nil,
                    lessons: [lesson("one", 4, .pass, .skipped), lesson("two", 4, .pass, .reference)],
                    ignored: [], seconds: 1),
                SubmissionGrade(
                    id: "mixed", status: .graded, message: nil, lessons: [lesson("one", 4, .pass, .skipped), lesson("two", 3, .fail)],
                    ignored: [], seconds: 1),
                SubmissionGrade(
                    id: "skipper", status: .graded, message: nil,
                    lessons: [lesson("one", 4, .pass, .skipped), lesson("two", 4, .pass, .skipped)],
                    ignored: [], seconds: 1),
            ], policy: GradingPolicy(referenceCode: credit))
    }

    @Test("by default such lessons score nothing, each report says why, and --reference-code full gives their points")
    func scoredByPolicy() throws {
        let none = Self.run(.none)
        let csv = Gradebook.csv(none)
        #expect(csv.hasPrefix("id,one,two,total,max,status,not_own\n"))
        #expect(csv.contains("late,0,0,0,8,reference,one: skipped; two: reference\n"))
        #expect(csv.contains("mixed,0,3,3,8,fail,one: skipped\n"))
        #expect(csv.contains("skipper,0,0,0,8,skipped,one: skipped; two: skipped\n"))
        let shown = Disclosure(detail: .full, due: nil, now: Date())
        let feedback = FeedbackReport.markdown(none.submissions[0], in: none, shown: shown)
        #expect(feedback.contains("Your workspace records this lesson as skipped"))
        #expect(feedback.contains("is the course's reference code (layout and comments aside), so it earns no credit"))
        let gradescope = PlatformReports.gradescope(none.submissions[0], in: none, shown: shown)
        guard case .object(let top) = gradescope, case .number(let score)? = top["score"], case .object(let extra)? = top["extra_data"]
        else {
            Issue.record("no score in \(gradescope)")
            return
        }
        #expect(score == 0)
        #expect(extra["status"] == .string("reference"))
        #expect(JUnitReport.xml(none, shown: shown).contains("<skipped message=\"Your workspace records this lesson as skipped"))
        #expect(GradeSummary.lines(none, width: 100).contains("  late: one: skipped; two: reference"))

        let full = Gradebook.csv(Self.run(.full))
        #expect(full.contains("late,4,4,8,8,reference,one: skipped; two: reference\n"))
        #expect(full.contains("mixed,4,3,7,8,fail,one: skipped\n"))
    }

    @Test("a run saved before the policy existed reads back with full credit, as it was scored then")
    func olderRuns() throws {
        let data = Data(#"{"ungradable":"zero","late":{"penaltyPerDay":0,"graceDays":0,"cap":100}}"#.utf8)
        #expect(try JSONDecoder().decode(GradingPolicy.self, from: data).referenceCode == .full)
    }
}
