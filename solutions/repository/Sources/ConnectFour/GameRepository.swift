// Connect Four · The repository
//
// Load a game by replaying its stream, let decide answer, save only what is new, and do a
// command sent twice (the same command id) only once.
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
    /// If another writer got there first, it loads again and decides once more. With a
    /// `commandId`, the events record it, and a command whose id the stream already holds is not
    /// decided again: the events it produced the first time are the answer.
    @discardableResult
    func handle(_ command: GameCommand, gameId: String, commandId: String? = nil) throws -> [GameEvent] {
        do {
            return try attempt(command, gameId: gameId, commandId: commandId)
        } catch EventStoreError.wrongExpectedRevision {
            return try attempt(command, gameId: gameId, commandId: commandId)
        }
    }

    /// What an event's metadata says of the command that produced it.
    struct Metadata: Codable {
        var commandId: String?
    }

    private func attempt(_ command: GameCommand, gameId: String, commandId: String?) throws -> [GameEvent] {
        let stream = Self.stream(gameId)
        let recorded = try store.readIfPresent(stream)
        let history = try recorded.map { try JSONDecoder().decode(GameEvent.self, from: $0.data) }
        if let commandId {
            // Said twice, done once: the events recorded under this id are the first answer.
            let done = zip(recorded, history).filter {
                (try? JSONDecoder().decode(Metadata.self, from: $0.0.metadata))?.commandId == commandId
            }
            if !done.isEmpty { return done.map(\.1) }
        }
        let new = try decide(command, given: history)
        guard !new.isEmpty else { return [] }
        let expected: ExpectedRevision = recorded.last.map { .exact($0.revision) } ?? .noStream
        let metadata = try JSONEncoder().encode(Metadata(commandId: commandId))
        let data = try new.map { event -> EventData in
            var data = try EventData(event, type: event.eventType)
            data.metadata = metadata
            return data
        }
        try store.append(data, to: stream, expected: expected)
        return new
    }
}
