/// The decider shape: the pure functions at the centre of an aggregate, as one value.
///
/// `decide` turns a command and the current state into new events (or throws a domain error);
/// `evolve` folds one event into the state; the state is `initialState` evolved by every past
/// event. Something that loads, decides and saves (a repository, the shell) needs nothing else of
/// an aggregate:
///
/// ```swift
/// let connectFour = Decider(initialState: GameState.initial, decide: decide(_:state:), evolve: evolve)
/// let state = connectFour.fold(history)
/// let new = try connectFour.decide(command, state)
/// ```
// A value of functions (Jérémie Chassaing's decider), not a protocol of static members: the
// learner's free functions `decide` and `evolve` are named as they are, with no type whose
// members would shadow them, and a decider can be built from another's functions.
public struct Decider<Command, Event, State> {
    /// The state before any event.
    public let initialState: State
    /// The new events a command makes in a state, or the domain error that refuses it.
    public let decide: @Sendable (Command, State) throws -> [Event]
    /// The state after one more event. It never refuses: an event is a fact.
    public let evolve: @Sendable (State, Event) -> State

    public init(
        initialState: State, decide: @escaping @Sendable (Command, State) throws -> [Event],
        evolve: @escaping @Sendable (State, Event) -> State
    ) {
        self.initialState = initialState
        self.decide = decide
        self.evolve = evolve
    }

    /// The state after `events`: a left fold from the initial state.
    public func fold<Events: Sequence>(_ events: Events) -> State where Events.Element == Event {
        events.reduce(initialState, evolve)
    }

    /// The state after `events`, evolved on from `state` (a snapshot's, say).
    public func fold<Events: Sequence>(_ events: Events, from state: State) -> State where Events.Element == Event {
        events.reduce(state, evolve)
    }
}

// Its functions are pure and `@Sendable`, so a decider is shared as freely as its initial state.
extension Decider: Sendable where State: Sendable {}
