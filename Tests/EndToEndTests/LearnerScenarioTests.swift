import Foundation
import TestSupport
import Testing

/// A learner writes given/when/then scenarios of their own and learns what each is worth, by the
/// lint's measure: the course's reference keeps it, and a plausible mistake fails it.
@Suite("The learner's own scenarios", .serialized)
struct LearnerScenarioTests {
    let learner = LearnerWorkspace()

    @Test("the first run writes a file to start from, one of the course's scenarios, which already holds")
    func template() throws {
        #expect(try learner.run(["catch-up", "4"]).status == 0)
        let first = try learner.run(["scenario"])
        #expect(first.status == 0, "\(first.output)\(first.errors)")
        #expect(first.output.contains("wrote scenarios/playing-by-the-rules.yaml"))
        let written = try #require(learner.read("scenarios/playing-by-the-rules.yaml"))
        #expect(written.contains("scenarios:") && written.contains("decide:"), "\(written)")
        let second = try learner.run(["scenario", "--json"], timeout: 600)
        #expect(second.status == 0, "the course's own scenario holds and catches a mistake: \(second.output)\(second.errors)")
    }

    @Test("a sharp scenario catches mistakes, a wrong one is failed by the reference, a blunt one catches none")
    func verdicts() throws {
        #expect(try learner.run(["catch-up", "4"]).status == 0)
        learner.write(
            "scenarios/playing-by-the-rules.yaml",
            """
            scenarios:
              - name: four discs stacked in one column win
                given:
                  - {gameStarted: {playerOne: alice, playerTwo: bob}}
                  - {moveMade: {player: alice, column: A, row: 1}}
                  - {moveMade: {player: bob, column: B, row: 1}}
                  - {moveMade: {player: alice, column: A, row: 2}}
                  - {moveMade: {player: bob, column: B, row: 2}}
                  - {moveMade: {player: alice, column: A, row: 3}}
                  - {moveMade: {player: bob, column: B, row: 3}}
                when:
                  decide: {makeMove: {player: alice, column: A}}
                then:
                  events:
                    - {moveMade: {player: alice, column: A, row: 4}}
                    - {gameWon: {winner: alice}}
              - name: bob may open the game
                given:
                  - {gameStarted: {playerOne: alice, playerTwo: bob}}
                when:
                  decide: {makeMove: {player: bob, column: D}}
                then:
                  events:
                    - {moveMade: {player: bob, column: D, row: 1}}
              - name: a started game is alice's to move
                given:
                  - {gameStarted: {playerOne: alice, playerTwo: bob}}
                when:
                  fold: {}
                then:
                  state: {playerOne: alice, playerTwo: bob, nextPlayer: alice, board: [[], [], [], [], [], [], []], isOver: false}

            """)
        let result = try learner.run(["scenario"], timeout: 600)
        #expect(result.status == 1, "not every scenario is a good one")
        let output = result.output
        #expect(output.contains("✓ four discs stacked in one column win"), "\(output)")
        #expect(output.contains(/holds for the reference and catches [1-9]\d* of \d+ mistakes/), "\(output)")
        #expect(output.contains("✗ bob may open the game"))
        #expect(output.contains("the course's reference fails it") && output.contains("notYourTurn"), "\(output)")
        #expect(output.contains("~ a started game is alice's to move"), "\(output)")
        #expect(output.contains("catches none of"), "folding is lesson 3's evolve; no mistake of lesson 4's rules touches it")
        #expect(output.contains("1 of 3 scenarios hold and catch a mistake"))
        #expect(!output.contains("Rules.swift") && !output.contains("Decide.swift"), "mutants are counted, never shown")
    }

    @Test("a scenario file with a mistake in its format is refused with its file and line")
    func badFile() throws {
        #expect(try learner.run(["catch-up", "4"]).status == 0)
        learner.write(
            "scenarios/playing-by-the-rules.yaml", "scenarios:\n  - name: no when\n    then:\n      error: gameOver\n    wen: {}\n")
        let result = try learner.run(["scenario"])
        #expect(result.status == 1)
        #expect((result.output + result.errors).contains("scenarios/playing-by-the-rules.yaml:5"), "\(result.output)\(result.errors)")
        #expect((result.output + result.errors).contains("did you mean 'when'"))
    }
}
