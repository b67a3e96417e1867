import Curriculum
import Foundation
import TestSupport
import Testing

@Suite("Composing a lesson's reference from overlays")
struct ReferenceCompositionTests {
    let folder = TemporaryFolder()

    /// Three lessons: the first two in module Game, the third in module Shop.
    func course() throws -> Course {
        PackFixture.write(in: folder, lessons: 3)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("lessons/lesson-3/starter/Sources/Game"))
        folder.write("lessons/lesson-3/starter/Sources/Shop/Till.swift", "// TODO: the till\n")
        folder.write("solutions/lesson-1/Sources/Game/Events.swift", "enum Event { case started }\n")
        folder.write("solutions/lesson-1/Sources/Game/Decide.swift", "func decide() -> [Event] { [] }\n")
        folder.write("solutions/lesson-2/Sources/Game/Decide.swift", "func decide() -> [Event] { [.started] }\n")
        folder.write("solutions/lesson-2/Sources/Game/State.swift", "struct State {}\n")
        folder.write(
            "solutions/lesson-2.wrong/starts-twice/Sources/Game/Decide.swift", "func decide() -> [Event] { [.started, .started] }\n")
        folder.write("solutions/lesson-3/Sources/Shop/Till.swift", "struct Till {}\n")
        return try CoursePackLoader.load(from: folder.url.appendingPathComponent("lessons"))
    }

    @Test("a lesson's reference is the earlier lessons' overlays of its module with its own on top, the later file winning")
    func laidInOrder() throws {
        let course = try course()
        let reference = try course.composedReference(of: try #require(course.lesson("2")))
        #expect(reference.paths == ["Sources/Game/Decide.swift", "Sources/Game/Events.swift", "Sources/Game/State.swift"])
        #expect(reference.texts["Sources/Game/Decide.swift"] == "func decide() -> [Event] { [.started] }\n")
        #expect(reference.changed == ["Sources/Game/Decide.swift", "Sources/Game/State.swift"])
        #expect(
            reference.baseTexts == [
                "Sources/Game/Events.swift": "enum Event { case started }\n", "Sources/Game/Decide.swift": "func decide() -> [Event] { [] }\n",
            ])
    }

    @Test("a lesson in another module builds on nothing of the first module's")
    func otherModule() throws {
        let course = try course()
        let reference = try course.composedReference(of: try #require(course.lesson("3")))
        #expect(reference.paths == ["Sources/Shop/Till.swift"])
        #expect(reference.base.isEmpty)
    }

    @Test("a wrong solution is laid over its lesson's whole reference, and only its own files count as changed")
    func wrongSolution() throws {
        let course = try course()
        let lesson = try #require(course.lesson("2"))
        #expect(course.wrongSolutionNames(of: lesson) == ["starts-twice"])
        let wrong = try course.composedReference(of: lesson, wrong: "starts-twice")
        #expect(wrong.paths == ["Sources/Game/Decide.swift", "Sources/Game/Events.swift", "Sources/Game/State.swift"])
        #expect(wrong.texts["Sources/Game/Decide.swift"] == "func decide() -> [Event] { [.started, .started] }\n")
        #expect(wrong.changed == ["Sources/Game/Decide.swift"])
        #expect(wrong.base == (try course.composedReference(of: lesson)).files)
    }

    @Test("asking for a wrong solution a lesson does not keep names the ones it does")
    func unknownWrongSolution() throws {
        let course = try course()
        let lesson = try #require(course.lesson("2"))
        #expect(throws: ReferenceCompositionError.noWrongSolution(lesson: "lesson-2", name: "starts-once", known: ["starts-twice"])) {
            try course.composedReference(of: lesson, wrong: "starts-once")
        }
    }

    @Test("the reference written into a folder is the composition, file for file")
    func writes() throws {
        let course = try course()
        let reference = try course.composedReference(of: try #require(course.lesson("2")))
        try reference.write(into: folder.url.appendingPathComponent("out"))
        for (path, text) in reference.texts { #expect(folder.read("out/\(path)") == text) }
    }
}

@Suite("The course's solutions/ as overlays")
struct RepositoryOverlayTests {
    /// A file an overlay holds unchanged is a copy, and a copy can drift into "lines this lesson changed".
    @Test("no overlay in solutions/ holds a file the same as the one it is laid on")
    func noCopies() throws {
        let course = try ReferenceCode.course()
        var copies: [String] = []
        for lesson in course.lessons {
            let reference = try course.composedReference(of: lesson)
            #expect(!reference.changed.isEmpty, "\(lesson.id) has no overlay in solutions/\(lesson.id)/")
            copies += reference.changed.filter { reference.base[$0] == reference.files[$0] }.map { "\(lesson.id)/\($0)" }
            for name in course.wrongSolutionNames(of: lesson) {
                let wrong = try course.composedReference(of: lesson, wrong: name)
                copies += wrong.changed.filter { wrong.base[$0] == wrong.files[$0] }.map { "\(lesson.id).wrong/\(name)/\($0)" }
            }
        }
        #expect(copies.isEmpty, "unchanged copies: \(copies.joined(separator: ", "))")
    }
}
