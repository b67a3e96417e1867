// Barstucks · A unique email (optional)
//
// One stream per address, `email-helen@example.com`, records who holds it. The store's
// expected revision lets only one writer reserve an address; no read model can promise that.
import EventSourcing
import Foundation

/// What happened to an email address.
enum EmailEvent: Codable, Equatable {
    case emailReserved(email: String, customerId: String)
    case emailReleased(email: String, customerId: String)

    var eventType: String {
        switch self {
        case .emailReserved: "EmailReserved"
        case .emailReleased: "EmailReleased"
        }
    }
}

/// What someone asks of an email address.
enum EmailCommand: Codable, Equatable {
    case reserveEmail(email: String, customerId: String)
    case releaseEmail(email: String, customerId: String)
}

/// Why an address refused a command.
enum EmailError: Error, Equatable {
    /// Another customer holds the address.
    case emailTaken
    /// Only the customer who holds an address may release it.
    case notTheHolder
}

/// Who holds the address now, if anyone.
struct EmailState: Codable, Equatable {
    var holder: String?

    static let initial = EmailState(holder: nil)
}

/// The address as the kit's `Decider`.
let emailDecider = Decider(initialState: EmailState.initial, decide: decideEmail, evolve: evolveEmail)

/// The address as the shop compares addresses: no spaces around it, and in lower case.
func normalizedEmail(_ email: String) -> String {
    // TODO: trim the spaces around it and lower its case.
    email
}

/// `email-helen@example.com`: the stream of one address, however it was typed.
func emailStream(_ email: String) -> String {
    // TODO: "email-" and the normalized address.
    "email"
}

/// The address's state after one more event.
func evolveEmail(_ state: EmailState, _ event: EmailEvent) -> EmailState {
    // TODO: a reservation makes its customer the holder; a release leaves no holder.
    state
}

/// The address's rules: one holder at a time; asking twice for what you have changes nothing.
func decideEmail(_ command: EmailCommand, state: EmailState) throws -> [EmailEvent] {
    // TODO: the rules of the address, in the lesson.
    []
}

/// Registers a customer under an address no other customer holds: reserves the address, then
/// registers; when the registration is refused, releases the address again and throws why.
@discardableResult
func register(
    customerId: String, name: String, email: String, in store: some EventStore
) throws -> [CustomerEvent] {
    // TODO: three handle(...) calls, as the lesson shows.
    []
}

// Given: the repository of Day 1 for any decider.

/// An event that knows the type name it is stored under.
protocol NamedEvent: Codable {
    var eventType: String { get }
}

extension EmailEvent: NamedEvent {}
extension CustomerEvent: NamedEvent {}

/// Decides `command` on the stream's history and appends what was decided, expecting the
/// revision it read. When another writer appended in between, it reads and decides again.
@discardableResult
func handle<Command, Event: NamedEvent, State>(
    _ command: Command, on stream: String, with decider: Decider<Command, Event, State>,
    in store: some EventStore
) throws -> [Event] {
    let name = StreamName(stream)
    for attempt in 1...3 {
        let history = try store.readIfPresent(name)
        let state = decider.fold(try history.map { try $0.decode(Event.self) })
        let events = try decider.decide(command, state)
        if events.isEmpty { return [] }
        do {
            let expected: ExpectedRevision = history.last.map { .exact($0.revision) } ?? .noStream
            try store.append(
                try events.map { try EventData($0, type: $0.eventType) }, to: name, expected: expected)
            return events
        } catch EventStoreError.wrongExpectedRevision where attempt < 3 {
            continue
        }
    }
    return []
}
