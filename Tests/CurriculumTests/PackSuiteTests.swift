import Curriculum
import Foundation
import TestSupport
import Testing

@Suite("Hidden suites as part of the pack")
struct PackSuiteTests {
    let folder = TemporaryFolder()

    /// A pack whose first lesson has a suite with two mistakes and whose second has a bad duration.
    func brokenPack() {
        PackFixture.write(in: folder, lessons: 2)
        folder.write("lessons/lesson-1/binding.swift", "// the binding\n")
        folder.write(
            "lessons/lesson-1/suite.yaml",
            """
            timeout: 2
            scenarios:
              - name: starting a game
                when: {decide: {startGame: {}}}
                then: {events: []}
              - name: starting a game
                wen: {decide: {startGame: {}}}
                then: {events: []}

            """)
        let text = folder.read("lessons/lesson-2/lesson.md") ?? ""
        folder.write("lessons/lesson-2/lesson.md", text.replacingOccurrences(of: "duration: 21", with: "duration: soon"))
    }

    func problems(_ suites: CoursePackLoader.Suites) -> [String] {
        do {
            _ = try CoursePackLoader.load(from: folder.url.appendingPathComponent("lessons"), suites: suites)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test("loaded with the pack, a suite's problems come in the same report as the pack's, each with file and line")
    func oneReport() {
        brokenPack()
        let found = problems(.withThePack)
        #expect(found.contains { $0.hasPrefix("lesson-1/suite.yaml:6:") && $0.contains("two scenarios are named") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("lesson-1/suite.yaml:7:") && $0.contains("unknown field 'wen'; did you mean 'when'?") })
        #expect(found.contains { $0.hasPrefix("lesson-2/lesson.md") && $0.contains("duration") }, "\(found)")
    }

    @Test("loaded on demand, the pack loads without its suites, and asking for a broken one names its file and line")
    func onDemand() throws {
        brokenPack()
        let text = folder.read("lessons/lesson-2/lesson.md") ?? ""
        folder.write("lessons/lesson-2/lesson.md", text.replacingOccurrences(of: "duration: soon", with: "duration: 21"))
        let course = try CoursePackLoader.load(from: folder.url.appendingPathComponent("lessons"))
        let lesson = try #require(course.lesson("1"))
        do {
            _ = try course.suite(of: lesson)
            Issue.record("a broken suite was read without a problem")
        } catch {
            #expect(error.problems.map(\.description).contains { $0.hasPrefix("lesson-1/suite.yaml:7:") }, "\(error)")
            #expect(error.folder == course.folder.path)
        }
        let second = try #require(course.lesson("2"))
        #expect(try course.suite(of: second) == nil, "a lesson without a suite has none")
    }

    @Test("a good suite loaded with the pack is the one asked for later, scenario for scenario")
    func sameSuite() throws {
        PackFixture.write(in: folder, lessons: 1)
        folder.write("lessons/lesson-1/binding.swift", "// the binding\n")
        folder.write(
            "lessons/lesson-1/suite.yaml",
            "scenarios:\n  - name: starting a game\n    weight: 2\n    when: {decide: {startGame: {}}}\n    then: {events: []}\n")
        let pack = folder.url.appendingPathComponent("lessons")
        let loaded = try CoursePackLoader.load(from: pack, suites: .withThePack)
        let asked = try CoursePackLoader.load(from: pack)
        let lesson = try #require(loaded.lesson("1"))
        let withPack = try #require(try loaded.suite(of: lesson))
        #expect(withPack.scenarios.map(\.name) == ["starting a game"])
        #expect(withPack.totalWeight == 2)
        let later = try #require(asked.lesson("1"))
        #expect(try asked.suite(of: later) == withPack)
    }
}
