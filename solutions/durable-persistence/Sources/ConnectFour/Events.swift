// Connect Four · Events are facts
//
// Everything that can happen in a game of Connect Four, written down as facts.

/// One of the board's seven columns, named as the players see them: A on the left, G on the right.
///
/// The raw values are what events store, so a move in column D is written down as "D".
enum Column: String, Codable, CaseIterable {
    case A, B, C, D, E, F, G
}

/// Something that happened in a game of Connect Four: a fact, named in the past tense.
///
/// Later lessons build on these cases: keep their names and labels as they are.
enum GameEvent: Codable, Equatable {
    /// Two players sat down at an empty board; player one moves first.
    case gameStarted(playerOne: String, playerTwo: String)
    /// A player dropped a disc into a column, and it came to rest in a row
    /// (1 is the bottom row, 6 the top).
    case moveMade(player: String, column: Column, row: Int)
    /// A player connected four discs in a row, a column or a diagonal.
    case gameWon(winner: String)
    /// The board filled up and nobody connected four.
    case gameDrawn

    /// The event's type, written on its envelope so that readers know what happened without
    /// decoding the rest. Once events are stored, these names are a promise: never change them.
    var eventType: String {
        // Spelled out rather than derived from the case names, so that renaming a case in Swift
        // can never rename history.
        switch self {
        case .gameStarted: "GameStarted"
        case .moveMade: "MoveMade"
        case .gameWon: "GameWon"
        case .gameDrawn: "GameDrawn"
        }
    }
}
