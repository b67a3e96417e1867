import Curriculum
import EventSourcing

/// A state folded by the learner's own evolve, and how to picture it.
public struct FoldedState: Sendable, Equatable {
    public var state: JSONValue
    /// `connect-four` when the page can draw the state as a board.
    public var picture: String?

    public init(state: JSONValue, picture: String?) {
        self.state = state
        self.picture = picture
    }
}

/// Folds a stream's events through the learner's code: the seam between the window and the warm host.
public protocol StateSource: Sendable {
    /// Whether a lesson the learner has reached folds this category into a state.
    func folds(_ category: String) -> Bool
    /// The state after `events` (a prefix of one stream). Throws when the learner's code cannot answer.
    func state(after events: [RecordedEvent], of stream: StreamName) throws -> FoldedState
}

/// The learner's progress as the tool projects it (lessons, checks, hints).
public protocol ProgressSource: Sendable {
    func projection() throws -> JSONValue
}
