import Curriculum
import Shell
import TestSupport
import Testing

@testable import WorkshopCommands

/// The course's own picture (lessons/pictures.yaml), as `state`, `replay` and a failing check draw it.
@Suite("A pack's grid picture, drawn of a state and of a history")
struct GridPictureTests {
    let board: GridPicture
    let plain = Styler(enabled: false)

    init() throws {
        board = try #require(try ReferenceCode.course().pictures["connect-four"], "the course declares its board")
    }

    static func started() -> JSONValue { .object(["gameStarted": .object(["playerOne": "alice", "playerTwo": "bob"])]) }
    static func move(_ player: String, _ column: String) -> JSONValue {
        .object(["moveMade": .object(["player": .string(player), "column": .string(column), "row": .number(0)])])
    }

    @Test("a folded state is drawn with column labels, rows from the bottom, each player's mark and the caption")
    func state() throws {
        let columns: [JSONValue] = [["alice", "bob"], [], ["alice"], [], [], [], []]
        let state: JSONValue = .object([
            "board": .array(columns), "playerOne": "alice", "playerTwo": "bob", "nextPlayer": "bob",
        ])
        let drawing = try #require(board.draw(state))
        #expect(
            GridText.lines(drawing, styler: plain) == [
                "    A B C D E F G",
                "  6 · · · · · · ·",
                "  5 · · · · · · ·",
                "  4 · · · · · · ·",
                "  3 · · · · · · ·",
                "  2 O · · · · · ·",
                "  1 X · X · · · ·",
                "    X alice · O bob · bob to move",
            ])
    }

    @Test("the caption is the first line whose field the state sets: a winner before whoever would move next")
    func caption() throws {
        let state: JSONValue = .object([
            "board": .array(Array(repeating: [], count: 7)), "winner": "alice", "nextPlayer": "bob", "isOver": true,
        ])
        #expect(try #require(board.draw(state)).caption == "alice won")
        let drawn: JSONValue = .object(["board": .array(Array(repeating: [], count: 7)), "isOver": true, "winner": .null])
        #expect(try #require(board.draw(drawn)).caption == "a draw", "a null winner is no winner")
    }

    @Test("a state of another shape is not drawn: too few columns, a column taller than the grid, no board")
    func otherShapes() {
        #expect(board.draw(.object(["board": .array([[], []])])) == nil)
        let tall: [JSONValue] = [.array(Array(repeating: "alice", count: 7))] + Array(repeating: [], count: 6)
        #expect(board.draw(.object(["board": .array(tall)])) == nil)
        #expect(board.draw(.object(["waiting": ["ann"]])) == nil)
    }

    @Test("a scenario's history builds the state its rules say: discs drop to the lowest free cell, a win sets the caption")
    func history() throws {
        let events = [Self.started(), Self.move("alice", "D"), Self.move("bob", "D"), .object(["gameWon": .object(["winner": "alice"])])]
        let state = try #require(board.state(after: events))
        let drawing = try #require(board.draw(state))
        #expect(drawing.rows[5][3] == "alice" && drawing.rows[4][3] == "bob", "bottom row first in the state, last in the drawing")
        #expect(drawing.caption == "alice won")
        #expect(drawing.marks.map(\.value) == ["alice", "bob"])
        let drawn = try #require(board.state(after: [Self.started(), Self.move("alice", "A"), .object(["gameDrawn": .object([:])])]))
        guard case .object(let fields) = drawn else { Issue.record("a state is an object"); return }
        #expect(fields["isOver"] == .bool(true), "a value the pack writes, not an event's field")
        #expect(try #require(board.draw(drawn)).caption == "a draw")
    }

    @Test("a history is not drawn when an event is not one the picture knows, a column overflows or no disc fell")
    func historiesNotDrawn() {
        #expect(board.state(after: [Self.started(), .object(["orderPlaced": .object([:])])]) == nil)
        #expect(board.state(after: [Self.started(), Self.move("alice", "H")]) == nil, "no column H")
        #expect(board.state(after: [Self.started()] + Array(repeating: Self.move("alice", "A"), count: 7)) == nil)
        #expect(board.state(after: [Self.started()]) == nil, "an empty board says nothing the text does not")
    }

    @Test("a value no mark stands for is drawn as '?', and with colour on a mark takes its colour")
    func marks() throws {
        let columns: [JSONValue] = [["carol"], ["alice"], [], [], [], [], []]
        let state: JSONValue = .object(["board": .array(columns), "playerOne": "alice", "playerTwo": "bob"])
        let drawing = try #require(board.draw(state))
        #expect(GridText.lines(drawing, styler: plain)[6] == "  1 ? X · · · · ·")
        let coloured = GridText.lines(drawing, styler: Styler(enabled: true))[6]
        #expect(coloured.contains("\u{1B}[31;1mX\u{1B}[0m"), "alice's X in bold red: \(coloured)")
    }
}
