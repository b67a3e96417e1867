// Connect Four · The repository
//
// Load a game by replaying its stream, let decide answer, save only what is new, and do a
// command sent twice (the same command id) only once.
// Type `lesson` for the why, `hint` if you are stuck, `check` to see how far you are.
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
        // TODO:
        // 1. read the game's stream (`store.readIfPresent`) and decode each event's data as a GameEvent;
        // 2. fold them (`connectFour.fold`) and ask `connectFour.decide` for the new events;
        // 3. append only those, as EventData(event, type: event.eventType), expecting the revision
        //    you loaded (.noStream for a new game);
        // 4. on EventStoreError.wrongExpectedRevision, do it all once more;
        // 5. with a commandId: record it in each new event's metadata ({"commandId": "…"}), and
        //    before deciding, answer with the loaded events already recorded under it.
        try connectFour.decide(command, connectFour.initialState)
    }
}
