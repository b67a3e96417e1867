// Connect Four · Deciding
//
// Commands ask; `decide` answers with new events, or refuses with an error.

/// What someone asks a game to do, in the imperative. Unlike an event, a command can be refused.
enum GameCommand: Codable, Equatable {
    /// Start a game between two players; player one moves first.
    case startGame(playerOne: String, playerTwo: String)
    /// Drop a disc into a column. Where it lands is for the game to work out, not the player.
    case makeMove(player: String, column: Column)
}

/// Why a game refused a command, in the game's own words.
enum GameError: Error, Equatable {
    /// The game has already started; a game starts only once.
    case alreadyStarted
    /// A player's name is empty, or nothing but spaces.
    case emptyPlayerName
    /// Both players have the same name; Connect Four needs two different players.
    case samePlayerTwice
    /// Moves are decided in a later lesson; until then every move is refused with this.
    case notImplemented
    /// A move before the game has started.
    case notStarted
    /// A move after the game was won or drawn.
    case gameOver
    /// A move by a player whose turn it is not (or who is not playing at all).
    case notYourTurn
    /// A move into a column that already holds six discs.
    case columnFull
}

/// Decides what happens when `command` meets a game whose history so far is `events` (oldest
/// first): the new events to record, or a `GameError` saying why the command is refused.
///
/// A pure function: it reads nothing but its arguments and stores nothing itself.
func decide(_ command: GameCommand, given events: [GameEvent]) throws -> [GameEvent] {
    switch command {
    case .startGame(let playerOne, let playerTwo):
        // History first: a started game refuses every start, however well it is filled in.
        let started = events.contains { event in
            if case .gameStarted = event { true } else { false }
        }
        guard !started else { throw GameError.alreadyStarted }
        // Empty before equal: two missing names are "the same", but that is not the problem.
        guard !isBlank(playerOne), !isBlank(playerTwo) else { throw GameError.emptyPlayerName }
        guard playerOne != playerTwo else { throw GameError.samePlayerTwice }
        return [.gameStarted(playerOne: playerOne, playerTwo: playerTwo)]
    case .makeMove(let player, let column):
        // The rules read the state, folded once, instead of scanning the history for each question.
        let state = fold(events)
        guard state.playerOne != nil else { throw GameError.notStarted }
        guard !state.isOver else { throw GameError.gameOver }
        guard player == state.nextPlayer else { throw GameError.notYourTurn }
        guard let row = landingRow(in: state, column: column) else { throw GameError.columnFull }
        var board = state.board
        board[column.index].append(player)
        let move = GameEvent.moveMade(player: player, column: column, row: row)
        if connectsFour(board, column: column.index, row: row - 1, player: player) {
            return [move, .gameWon(winner: player)]
        }
        if board.allSatisfy({ $0.count == 6 }) {
            return [move, .gameDrawn]
        }
        return [move]
    }
}

/// Whether a name is empty or nothing but whitespace.
private func isBlank(_ name: String) -> Bool {
    name.allSatisfy(\.isWhitespace)
}
