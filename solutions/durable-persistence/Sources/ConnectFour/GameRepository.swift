// Connect Four · The repository
//
// Load a game by replaying its stream, let decide answer, save only what is new.
import EventSourcing
import Foundation

/// Handles commands for games kept in an event store: the one place that loads, decides and saves.
struct GameRepository {
    let store: any EventStore

    init(store: any EventStore) {
        self.store = store
    }

    /// The stream of a game: `game-42`.
    static func stream(_ gameId: String) -> StreamName { StreamName("game-\(gameId)") }

    /// Loads the game, decides, and appends the new events expecting the revision it loaded.
    /// If another writer got there first, it loads again and decides once more.
    @discardableResult
    func handle(_ command: GameCommand, gameId: String) throws -> [GameEvent] {
        do {
            return try attempt(command, gameId: gameId)
        } catch EventStoreError.wrongExpectedRevision {
            return try attempt(command, gameId: gameId)
        }
    }

    private func attempt(_ command: GameCommand, gameId: String) throws -> [GameEvent] {
        let stream = Self.stream(gameId)
        let recorded = try store.readIfPresent(stream)
        let history = try recorded.map { try JSONDecoder().decode(GameEvent.self, from: $0.data) }
        let new = try decide(command, given: history)
        guard !new.isEmpty else { return [] }
        let expected: ExpectedRevision = recorded.last.map { .exact($0.revision) } ?? .noStream
        try store.append(try new.map { try EventData($0, type: $0.eventType) }, to: stream, expected: expected)
        return new
    }
}
