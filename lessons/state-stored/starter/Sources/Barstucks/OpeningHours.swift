// Barstucks · When not to event-source (optional)
//
// The shop's opening hours are set as a whole, read as they are now, and no one asks how they
// came to be. The same kind of decider as every aggregate's runs here state-stored: one row
// and its version, and the events it decides are used to change the row, then let go.
import EventSourcing
import Foundation

/// What happened to the shop's opening hours.
enum HoursEvent: Codable, Equatable {
    case hoursChanged(opens: Int, closes: Int)
    case closedForTheDay(reason: String)
    case reopened

    var eventType: String {
        switch self {
        case .hoursChanged: "HoursChanged"
        case .closedForTheDay: "ClosedForTheDay"
        case .reopened: "Reopened"
        }
    }
}

/// What the manager asks of the opening hours.
enum HoursCommand: Codable, Equatable {
    /// Open at `opens` and close at `closes`, whole hours of the day (0–24).
    case changeHours(opens: Int, closes: Int)
    case closeForTheDay(reason: String)
    case reopen
}

/// Why the opening hours refused a command.
enum HoursError: Error, Equatable {
    /// Opening at or after closing, or an hour outside 0–24.
    case invalidHours
}

/// The hours as the shop's door shows them.
struct ShopHours: Codable, Equatable {
    var opens: Int
    var closes: Int
    /// Why the shop is closed today, when it is.
    var closedToday: String?

    static let initial = ShopHours(opens: 7, closes: 19, closedToday: nil)
}

/// The opening hours as the kit's `Decider`.
let hoursDecider = Decider(initialState: ShopHours.initial, decide: decideHours, evolve: evolveHours)

/// The hours after one more event.
func evolveHours(_ state: ShopHours, _ event: HoursEvent) -> ShopHours {
    // TODO: new hours replace the old; closing records its reason; reopening clears it.
    state
}

/// The rules of the opening hours, in the lesson.
func decideHours(_ command: HoursCommand, state: ShopHours) throws -> [HoursEvent] {
    // TODO: refuse impossible hours; a command that changes nothing decides no events.
    []
}

/// Runs `command` on the row `id` state-stored: loads the state and its version (the decider's
/// initial state when there is no row), decides, evolves the state by what was decided and
/// saves it expecting the version it loaded. Saves nothing when nothing was decided; when
/// another writer saved in between, loads and decides again. Answers the events decided.
@discardableResult
func handleStateStored<Command, Event, State: Codable>(
    _ command: Command, id: String, with decider: Decider<Command, Event, State>, in store: some StateStore
) throws -> [Event] {
    // TODO: load, decide, evolve, save; on a version mismatch, try again.
    []
}

// Given: what a state-stored service keeps instead of streams.

/// A table of rows, one per id: a state and a version the store raises by one on every save.
protocol StateStore {
    /// The row `id`'s state and version, or nil when there is no such row.
    func load<State: Decodable>(_ id: String, as type: State.Type) throws -> (state: State, version: Int)?
    /// Saves `state` as row `id` if its version is still `expected` (nil: no row yet), the
    /// expected revision of a row; otherwise throws `StateStoreError.versionMismatch`.
    func save<State: Encodable>(_ state: State, id: String, expected: Int?) throws
}

/// Why a row was not saved.
enum StateStoreError: Error, Equatable {
    /// Another writer saved the row after it was loaded.
    case versionMismatch(id: String, expected: Int?, actual: Int?)
}
