import Foundation
import TestSupport
import Testing

/// `catch-up` lets a late learner join without taking away what they wrote.
@Suite("Catching up to a later lesson", .serialized)
struct CatchUpTests {
    let learner = LearnerWorkspace()
    var workspace: URL { learner.url }

    @Test("the learner's passing code stays, a file catch-up installed itself is never set aside, and what it replaced is said")
    func passingCodeStays() throws {
        #expect(try learner.run(["start", "1"]).status == 0)
        try learner.solve("events-are-facts", module: "ConnectFour", files: ["Events.swift"])
        let mine = "// My own events, written on the first morning.\n" + (learner.read("Sources/ConnectFour/Events.swift") ?? "")
        learner.write("Sources/ConnectFour/Events.swift", mine)
        #expect(try learner.run(["check"]).status == 0, "lesson 1 passes with the learner's own code")
        let caught = try learner.run(["catch-up", "8"])
        #expect(caught.status == 0, "\(caught.output)\(caught.errors)")
        #expect(learner.read("Sources/ConnectFour/Events.swift") == mine, "the learner's passing code is theirs")
        #expect(caught.output.contains("✓ lesson 01 · Events are facts: passed with your own code, kept"))
        #expect(caught.output.contains("kept your Sources/ConnectFour/Events.swift"))
        // Lesson 4's reference changes the Decide.swift that lesson 2's reference (installed by catch-up) put there.
        #expect(!caught.output.contains("replaced your Sources/ConnectFour/Decide.swift"), "\(caught.output)")
        let setAside = workspace.appendingPathComponent(".workshop/set-aside").path
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: setAside)) ?? []).isEmpty, "nothing of the learner's was replaced")
        struct Entry: Decodable { var lesson: String, status: String }
        let progress = try JSONDecoder().decode([Entry].self, from: Data(try learner.run(["progress", "--json"]).output.utf8))
        #expect(progress.prefix(2).map(\.status) == ["completed", "skipped"], "credit for what the learner passed, none for the rest")
    }

    @Test("a file of the learner's that a reference changes is replaced, kept aside and named")
    func replacedFileNamed() throws {
        #expect(try learner.run(["catch-up", "2"]).status == 0)
        learner.write("Sources/ConnectFour/Decide.swift", "// my unfinished decide\n")
        let caught = try learner.run(["catch-up", "3"])
        #expect(caught.output.contains("replaced your Sources/ConnectFour/Decide.swift with this lesson's reference, which changes it;"))
        #expect(caught.output.contains(".workshop/set-aside/deciding-"), "\(caught.output)")
        let again = try learner.run(["catch-up", "5"])
        #expect(
            !again.output.contains("replaced your"),
            "lesson 4 changes Decide.swift again, but the copy there is catch-up's own: \(again.output)")
    }
}
