/// The decider shape: pure functions at the centre of an aggregate.
///
/// `decide` turns a command and the current state into new events (or throws a domain error);
/// `evolve` folds one event into the state; the state is `initialState` evolved by every past event.
public protocol Decider {
    associatedtype Command
    associatedtype Event
    associatedtype State

    static var initialState: State { get }
    static func decide(_ command: Command, state: State) throws -> [Event]
    static func evolve(_ state: State, event: Event) -> State
}

extension Decider {
    /// The state after `events`: a left fold from the initial state.
    public static func fold<Events: Sequence>(_ events: Events) -> State where Events.Element == Event {
        events.reduce(initialState, evolve)
    }
}
