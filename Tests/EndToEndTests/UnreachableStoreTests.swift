import Foundation
import TestSupport
import Testing

/// A shared store that is down stops only what needs streams, says so, and offers the way on.
@Suite("Working while the shared store is down", .serialized)
struct UnreachableStoreTests {
    /// Nothing listens on port 1: the connection is refused at once.
    static let downServer = "postgres://learner@127.0.0.1:1/workshop?connect_timeout=2"
    let learner = LearnerWorkspace(options: ["--store", downServer], columns: 400)

    @Test("the shell opens; lesson, hint, check and progress work; a domain command says the store is down and how to go on")
    func shellGoesOn() throws {
        let caught = try learner.run(["catch-up", "2"])
        #expect(caught.status == 0, "\(caught.output)\(caught.errors)")
        try learner.solve("deciding", module: "ConnectFour", files: ["Decide.swift"])
        let result = try learner.run(
            [], input: "lesson\nhint\ncheck\nprogress\nstart-game 42 alice bob\nstore local\nstart-game 42 alice bob\nstore\nstore shared\n"
        )
        let output = result.output
        #expect(output.contains("⚠ cannot reach PostgreSQL at postgres://learner@127.0.0.1:1/workshop"), "said when the shell opens")
        #expect(output.contains("workshop> lesson\n"))
        #expect(output.contains("Nudge"), "hint works")
        #expect(output.contains("✓ 10 of 10 scenarios pass"), "check works: \(output)")
        #expect(output.contains(/02  deciding +✓ done/), "progress lives in the workspace's own store")
        let progress = try #require(output.range(of: "workshop> progress\n"))
        let refused = try #require(output.range(of: "workshop> start-game 42 alice bob\n", range: progress.upperBound..<output.endIndex))
        // The error up to the next prompt, its wrapping to the screen undone.
        let reply = output[refused.upperBound...]
        let answer = reply[..<(reply.range(of: "workshop> ")?.lowerBound ?? reply.endIndex)]
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(answer.hasPrefix("error: cannot reach PostgreSQL at postgres://learner@127.0.0.1:1/workshop"), "\(answer)")
        #expect(answer.contains("Only streams need the shared store: lessons, hints, checks and your progress go on."))
        #expect(answer.contains("`store local` keeps streams in this workspace's own store instead"))
        #expect(!output.contains("unexpected argument"))
        #expect(output.contains("Streams now go to this workspace's own store"), "the fallback said out loud")
        #expect(output.contains("stream game-42 · category game"), "the domain command ran on the local store")
        #expect(output.contains("not on the shared store at postgres://learner@127.0.0.1:1/workshop"))
        #expect(output.components(separatedBy: "error: cannot reach PostgreSQL").count == 3, "store shared tries again, and says it failed")
    }

    @Test("from the command line a domain command names the store that is down, never its words as unexpected arguments")
    func commandLine() throws {
        #expect(try learner.run(["catch-up", "2"]).status == 0)
        let result = try learner.run(["start-game", "42", "alice", "bob"])
        #expect(result.status == 1)
        #expect(result.errors.contains("cannot reach PostgreSQL at postgres://learner@127.0.0.1:1/workshop"), "\(result.errors)")
        #expect(!result.errors.contains("unexpected argument"))
        #expect(try learner.run(["progress"]).status == 0)
    }
}
