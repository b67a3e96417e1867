import Curriculum
import EventSourcing

/// A state folded by the learner's own evolve, and how to picture it.
public struct FoldedState: Sendable, Equatable {
    public var state: JSONValue
    /// The pack's grid of the state, when its state view has a picture: the page draws it.
    public var picture: GridDrawing?

    public init(state: JSONValue, picture: GridDrawing?) {
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

/// A lesson as the window names it to the learner.
public struct LessonName: Sendable, Equatable, Encodable {
    public var number: Int
    public var id: String
    public var title: String

    public init(number: Int, id: String, title: String) {
        self.number = number
        self.id = id
        self.title = title
    }
}

/// The read models a learner can look at, and where they are in the course, so the page can say
/// truly why there are none.
public struct ReadModelCatalogue: Sendable, Equatable {
    /// The lesson the workspace is on (nil: none started).
    public var lesson: LessonName?
    /// The course's first lesson that declares a read model (nil: none does).
    public var firstLesson: LessonName?
    /// One per name, the latest lesson's where several declare it.
    public var views: [ReadModelView]

    public init(lesson: LessonName?, firstLesson: LessonName?, views: [ReadModelView]) {
        self.lesson = lesson
        self.firstLesson = firstLesson
        self.views = views
    }
}

/// What the learner's projection answered, delivered the store's domain events in global order.
public struct ProjectedModel: Sendable, Equatable {
    public var model: JSONValue
    /// How many domain events the model covers: all of them, read from the first or caught up to.
    public var covered: Int
    /// The global position of the last event it covers, nil when there is none.
    public var lastPosition: UInt64?
    /// How many of the events it covers come after the checkpoint the model records (all of them when it records none).
    public var behind: Int

    public init(model: JSONValue, covered: Int, lastPosition: UInt64?, behind: Int) {
        self.model = model
        self.covered = covered
        self.lastPosition = lastPosition
        self.behind = behind
    }
}

/// Runs the learner's read models: the seam between the window and the warm host, as for states.
public protocol ReadModelSource: Sendable {
    func catalogue() throws -> ReadModelCatalogue
    /// The whole projection after every domain event of the store. Throws when the learner's code cannot answer.
    func project(_ view: ReadModelView) throws -> ProjectedModel
}
