// Connect Four · Evolving
//
// The state of a game is not stored anywhere: it is worked out from the events, one at a time.

/// What a game looks like after its events so far: who plays, whose turn it is, the discs.
struct GameState: Equatable, Codable {
    /// Nil until the game has started.
    var playerOne: String?
    var playerTwo: String?
    /// Whose turn it is; nil before the start and once the game is over.
    var nextPlayer: String?
    /// Seven columns, A to G; each holds the names of the players whose discs are in it, bottom first.
    var board: [[String]]
    /// Who connected four, if anyone has.
    var winner: String?
    /// Won or drawn: no more moves.
    var isOver: Bool

    /// A game before anything happened: no players, an empty board.
    static let initial = GameState(
        playerOne: nil, playerTwo: nil, nextPlayer: nil, board: Array(repeating: [], count: 7), winner: nil, isOver: false)
}

/// The state after one more event: a pure function, like decide, but it never refuses.
/// Events are facts; evolve only records what they say.
func evolve(_ state: GameState, _ event: GameEvent) -> GameState {
    var state = state
    switch event {
    case .gameStarted(let playerOne, let playerTwo):
        state.playerOne = playerOne
        state.playerTwo = playerTwo
        state.nextPlayer = playerOne
    case .moveMade(let player, let column, _):
        state.board[column.index].append(player)
        state.nextPlayer = player == state.playerOne ? state.playerTwo : state.playerOne
    case .gameWon(let winner):
        state.winner = winner
        state.isOver = true
        state.nextPlayer = nil
    case .gameDrawn:
        state.isOver = true
        state.nextPlayer = nil
    }
    return state
}

/// The state after all `events`: a left fold from the initial state.
func fold(_ events: [GameEvent]) -> GameState {
    events.reduce(GameState.initial, evolve)
}

extension Column {
    /// 0 for A, 6 for G: where the column sits on the board.
    var index: Int { Column.allCases.firstIndex(of: self) ?? 0 }
}
