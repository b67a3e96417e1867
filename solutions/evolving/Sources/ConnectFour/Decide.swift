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
    case .makeMove:
        // Moves come in a later lesson. Leave this as it is for now.
        throw GameError.notImplemented
    }
}

/// Whether a name is empty or nothing but whitespace.
private func isBlank(_ name: String) -> Bool {
    name.allSatisfy(\.isWhitespace)
}
