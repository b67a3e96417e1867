// Connect Four · Playing by the rules
//
// Where a disc lands, and whether it connects four.
// Type `lesson` for the rules, `hint` if you are stuck, `check` to see how far you are.

/// The row (1 = bottom, 6 = top) a disc dropped into `column` lands in, or nil if the column is full.
func landingRow(in state: GameState, column: Column) -> Int? {
    // TODO: the disc lands on top of the discs already in the column; a column holds six.
    1
}

/// Whether the disc of `player` at `column` and `row` (both counted from 0) completes four in a
/// row on `board`: horizontally, vertically, or along either diagonal.
///
/// Mind the rows: `landingRow` and `moveMade` count them from 1, this function from 0 (an index
/// into `board[column]`). For a disc that lands in row `row`, call it with `row: row - 1`.
func connectsFour(_ board: [[String]], column: Int, row: Int, player: String) -> Bool {
    // TODO: from the new disc, count the player's discs in a line, both ways, for each of the four
    // directions; four or more is a win. (board[c] holds column c's discs, bottom first.)
    false
}
