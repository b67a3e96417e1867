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
                "Sources/Game/Events.swift": "enum Event { case started }\n",
                "Sources/Game/Decide.swift": "func decide() -> [Event] { [] }\n",
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

    /// Lesson 2's reference with a patch that changes one line of Decide.swift and adds one to State.swift.
    func patched(_ patch: String) throws -> (Course, Lesson) {
        let course = try course()
        folder.write("solutions/lesson-2.wrong/forgets-the-start.patch", patch)
        return (course, try #require(course.lesson("2")))
    }

    static let patch = """
        --- a/Sources/Game/Decide.swift
        +++ b/Sources/Game/Decide.swift
        @@ -1 +1 @@
        -func decide() -> [Event] { [.started] }
        +func decide() -> [Event] { [] }
        --- a/Sources/Game/State.swift\t2026-12-02 07:00:00
        +++ b/Sources/Game/State.swift\t2026-12-02 07:00:00
        @@ -1,0 +2 @@
        +extension State { var started: Bool { false } }

        """

    @Test("a wrong solution kept as a patch changes only the lines of its hunks, and only its files count as changed")
    func patchedWrongSolution() throws {
        let (course, lesson) = try patched(Self.patch)
        #expect(course.wrongSolutionNames(of: lesson) == ["forgets-the-start", "starts-twice"])
        let wrong = try course.composedReference(of: lesson, wrong: "forgets-the-start")
        #expect(wrong.texts["Sources/Game/Decide.swift"] == "func decide() -> [Event] { [] }\n")
        #expect(wrong.texts["Sources/Game/State.swift"] == "struct State {}\nextension State { var started: Bool { false } }\n")
        #expect(wrong.texts["Sources/Game/Events.swift"] == "enum Event { case started }\n")
        #expect(wrong.changed == ["Sources/Game/Decide.swift", "Sources/Game/State.swift"])
    }

    @Test("a patch the reference has moved away from says which line of the patch and of the reference no longer match")
    func driftedPatch() throws {
        let drifted = Self.patch.replacingOccurrences(
            of: "-func decide() -> [Event] { [.started] }", with: "-func decide() -> [Event] { [.begun] }")
        let (course, lesson) = try patched(drifted)
        #expect(
            throws: ReferenceCompositionError.patch(
                name: "lesson-2.wrong/forgets-the-start.patch", line: 4,
                message:
                    "no longer applies to Sources/Game/Decide.swift: line 1 of the reference is 'func decide() -> [Event] { [.started] }', "
                    + "not 'func decide() -> [Event] { [.begun] }'; update the patch against `workshop reference`")
        ) {
            try course.composedReference(of: lesson, wrong: "forgets-the-start")
        }
    }

    @Test("a hunk shorter than its header promises is named by its line")
    func shortHunk() throws {
        let (course, lesson) = try patched("--- a/Sources/Game/Decide.swift\n+++ b/Sources/Game/Decide.swift\n@@ -1,3 +1,3 @@\n-x\n")
        do {
            _ = try course.composedReference(of: lesson, wrong: "forgets-the-start")
            Issue.record("a short hunk was applied")
        } catch {
            guard case .patch(_, let line, let message) = error else { throw error }
            #expect(line == 5)
            #expect(message.contains("the hunk ends early"))
        }
    }

    /// Lesson 2's Decide.swift kept as a patch of lesson 1's (three lines, one of them changed).
    func patchedOverlay(_ patch: String) throws -> (Course, Lesson) {
        let course = try course()
        folder.write("solutions/lesson-1/Sources/Game/Decide.swift", "// Decides.\nfunc decide() -> [Event] { [] }\n// The end.\n")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("solutions/lesson-2/Sources/Game/Decide.swift"))
        folder.write("solutions/lesson-2/Sources/Game/Decide.swift.patch", patch)
        return (course, try #require(course.lesson("2")))
    }

    static let overlayPatch = """
        --- a/Sources/Game/Decide.swift
        +++ b/Sources/Game/Decide.swift
        @@ -1,3 +1,3 @@
         // Decides.
        -func decide() -> [Event] { [] }
        +func decide() -> [Event] { [.started] }
         // The end.

        """

    @Test("a lesson's <path>.patch is applied to the earlier lessons' file, and the file counts as the lesson's own")
    func patchedOverlayApplies() throws {
        let (course, lesson) = try patchedOverlay(Self.overlayPatch)
        let reference = try course.composedReference(of: lesson)
        #expect(reference.paths == ["Sources/Game/Decide.swift", "Sources/Game/Events.swift", "Sources/Game/State.swift"])
        #expect(reference.texts["Sources/Game/Decide.swift"] == "// Decides.\nfunc decide() -> [Event] { [.started] }\n// The end.\n")
        #expect(reference.changed == ["Sources/Game/Decide.swift", "Sources/Game/State.swift"])
        #expect(reference.baseTexts["Sources/Game/Decide.swift"] == "// Decides.\nfunc decide() -> [Event] { [] }\n// The end.\n")
        let wrong = try course.composedReference(of: lesson, wrong: "starts-twice")
        #expect(wrong.base == reference.files)
    }

    @Test("a fix to the earlier lesson's file reaches the lesson that patches it")
    func earlierFixReachesThePatch() throws {
        let (course, lesson) = try patchedOverlay(Self.overlayPatch)
        folder.write(
            "solutions/lesson-1/Sources/Game/Decide.swift", "// Decides.\nfunc decide() -> [Event] { [] }\n// The end.\n// Fixed.\n")
        let reference = try course.composedReference(of: lesson)
        #expect(
            reference.texts["Sources/Game/Decide.swift"] == "// Decides.\nfunc decide() -> [Event] { [.started] }\n// The end.\n// Fixed.\n"
        )
    }

    @Test("a lesson's <path>.patch of a file its own starter gives is applied to the starter, so what the starter gives is written once")
    func patchedStarter() throws {
        let course = try course()
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("solutions/lesson-3/Sources/Shop/Till.swift"))
        folder.write("lessons/lesson-3/starter/Sources/Shop/Till.swift", "// The till.\nstruct Till {\n    // TODO: the total\n}\n")
        folder.write(
            "solutions/lesson-3/Sources/Shop/Till.swift.patch",
            """
            --- a/Sources/Shop/Till.swift
            +++ b/Sources/Shop/Till.swift
            @@ -1,4 +1,4 @@
             // The till.
             struct Till {
            -    // TODO: the total
            +    var total = 0
             }

            """)
        let lesson = try #require(course.lesson("3"))
        let reference = try course.composedReference(of: lesson)
        #expect(reference.texts == ["Sources/Shop/Till.swift": "// The till.\nstruct Till {\n    var total = 0\n}\n"])
        #expect(reference.changed == ["Sources/Shop/Till.swift"])
        #expect(reference.base.isEmpty, "the base is still the earlier lessons' reference, not the starter")
        // A changed starter reaches the reference, or stops the patch loudly: there is no second copy to drift.
        folder.write("lessons/lesson-3/starter/Sources/Shop/Till.swift", "// The till.\nstruct Till {\n    // TODO: the sum\n}\n")
        #expect(throws: ReferenceCompositionError.self) { try course.composedReference(of: lesson) }
    }

    @Test("a lesson's patch the earlier file has moved away from names the lesson, the file and the hunk's line")
    func patchedOverlayDrifted() throws {
        let (course, lesson) = try patchedOverlay(Self.overlayPatch)
        folder.write(
            "solutions/lesson-1/Sources/Game/Decide.swift", "// Decides what happens.\nfunc decide() -> [Event] { [] }\n// The end.\n")
        let expected = ReferenceCompositionError.patch(
            name: "lesson-2/Sources/Game/Decide.swift.patch", line: 4,
            message: "no longer applies to Sources/Game/Decide.swift: line 1 of the reference is '// Decides what happens.', "
                + "not '// Decides.'; update the patch against `workshop reference`")
        #expect(throws: expected) { try course.composedReference(of: lesson) }
        #expect(
            expected.description.hasPrefix(
                "solutions/lesson-2/Sources/Game/Decide.swift.patch:4: no longer applies to Sources/Game/Decide.swift"))
    }

    @Test("a lesson's patch of a file no earlier lesson has, or of another file than its name, or beside the whole file, is refused")
    func patchedOverlayMisplaced() throws {
        let (course, lesson) = try patchedOverlay(Self.overlayPatch.replacingOccurrences(of: "Decide.swift", with: "Rules.swift"))
        #expect(
            throws: ReferenceCompositionError.patch(
                name: "lesson-2/Sources/Game/Decide.swift.patch", line: 1,
                message: "changes Sources/Game/Rules.swift; it must change Sources/Game/Decide.swift only")
        ) { try course.composedReference(of: lesson) }
        folder.write(
            "solutions/lesson-2/Sources/Game/Rules.swift.patch",
            Self.overlayPatch.replacingOccurrences(of: "Decide.swift", with: "Rules.swift"))
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("solutions/lesson-2/Sources/Game/Decide.swift.patch"))
        #expect(
            throws: ReferenceCompositionError.patch(
                name: "lesson-2/Sources/Game/Rules.swift.patch", line: 1,
                message:
                    "neither the lesson's starter nor an earlier lesson of the module has Sources/Game/Rules.swift; hold the whole file instead"
            )
        ) { try course.composedReference(of: lesson) }
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("solutions/lesson-2/Sources/Game/Rules.swift.patch"))
        folder.write("solutions/lesson-2/Sources/Game/Decide.swift.patch", Self.overlayPatch)
        folder.write("solutions/lesson-2/Sources/Game/Decide.swift", "func decide() -> [Event] { [.started] }\n")
        #expect(
            throws: ReferenceCompositionError.patch(
                name: "lesson-2/Sources/Game/Decide.swift.patch", line: 1,
                message: "the overlay also holds the whole Sources/Game/Decide.swift; keep one of the two")
        ) { try course.composedReference(of: lesson) }
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

    /// What a starter gives (its types, its doc comments) is written once: the reference patches it.
    @Test("no overlay in solutions/ holds whole a file its lesson's starter gives: it holds a patch of it")
    func startersPatched() throws {
        let course = try ReferenceCode.course()
        var whole: [String] = []
        for lesson in course.lessons {
            let folder = course.overlayFolder(of: lesson)
            whole += lesson.starterFiles.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
                .map { "solutions/\(lesson.id)/\($0)" }
        }
        #expect(whole.isEmpty, "whole copies of a starter's file: \(whole.joined(separator: ", "))")
    }
}
