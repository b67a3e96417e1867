// Connect Four · Playing by the rules
//
// The rules of the game, read from the folded state, and the game as the kit's `Decider`. Where a
// disc lands and whether it connects four (the board's geometry) are given at the end, so that
// your time goes to the rules. Read them, then use them from `decide`.
// Type `lesson` for the rules, `hint` if you are stuck, `check` to see how far you are.
import EventSourcing

/// Connect Four in the decider shape the kit names: a game before anything happened, `decide` on
/// the state, and your `evolve`. Whatever loads, decides and saves asks nothing else of a game.
let connectFour = Decider(initialState: GameState.initial, decide: decide(_:state:), evolve: evolve)

/// Decides what happens when `command` meets a game in `state` (its history, folded): the new
/// events to record, or a `GameError` saying why the command is refused.
func decide(_ command: GameCommand, state: GameState) throws -> [GameEvent] {
    // TODO: the rules of a start (moved here from your Decide.swift, reading `state`) and of a
    // move, in the lesson's order. Until then every command is refused.
    throw GameError.notImplemented
}

/// The row (1 = bottom, 6 = top) a disc dropped into `column` lands in, or nil if the column is full.
func landingRow(in state: GameState, column: Column) -> Int? {
    let discs = state.board[column.index].count
    return discs < 6 ? discs + 1 : nil
}

/// Whether the disc of `player` at `column` and `row` (both counted from 0) completes four in a
/// row on `board`: horizontally, vertically, or along either diagonal.
///
/// Mind the rows: `landingRow` and `moveMade` count them from 1, this function from 0 (an index
/// into `board[column]`). For a disc that lands in row `row`, call it with `row: row - 1`.
func connectsFour(_ board: [[String]], column: Int, row: Int, player: String) -> Bool {
    func owner(_ column: Int, _ row: Int) -> String? {
        guard (0..<7).contains(column), row >= 0, row < board[column].count else { return nil }
        return board[column][row]
    }
    for (dc, dr) in [(1, 0), (0, 1), (1, 1), (1, -1)] {
        var count = 1
        for sign in [1, -1] {
            var c = column + dc * sign, r = row + dr * sign
            while owner(c, r) == player {
                count += 1
                c += dc * sign
                r += dr * sign
            }
        }
        if count >= 4 { return true }
    }
    return false
}
