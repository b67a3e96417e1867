import Checking
import Curriculum
import EventSourcing
import Foundation
import Shell

/// A warm host of the learner's code: asked one question at a time, it answers through a driver of
/// the lesson's binding. `HostProcess` is one (the tool's wiring adapts it); a spec's fake is another.
public protocol PlaygroundHost: AnyObject {
    /// Which build of the learner's code answers: other code means another projection (its saved model is rebuilt).
    var code: String { get }
    /// Asks driver `driver` with `input`: what the learner's code answered, and what it printed meanwhile.
    func ask(_ driver: String, with input: JSONValue) throws -> (answer: HostAnswer, printed: String)
}

/// Where the playground gets the host for a lesson's binding; building and warming it is the provider's.
public protocol PlaygroundHosts: AnyObject {
    /// The host for lesson `lesson`'s binding, to run `purpose` (a command's or reaction's name, for errors).
    func host(lesson: String, purpose: String) throws -> any PlaygroundHost
}

/// What the playground needs of the learner's session.
public protocol PlaygroundSession: AnyObject {
    var course: Course { get }
    var out: Output { get }
    /// The store of the learner's domain streams.
    var domainStore: any EventStore { get }
    /// The lesson the learner is on, if any has been started.
    func currentLesson() throws -> Lesson?
    /// Whose streams commands work on (asked on each use: the shell may move to another store).
    var namespace: StreamNamespace { get }
    /// Who appends, recorded on each event as `appendedBy`.
    var learnerName: String { get }
    /// Which store's positions a saved checkpoint counts: `local`, or the shared store's address.
    var storeName: String { get }
    /// Where read models are kept between calls.
    var readModelsFolder: URL { get }
    /// The wall clock; `wait` runs the learner's processes' clock ahead of it.
    func now() -> Date
}

/// A playground failure, worded for the person at the keyboard.
public struct PlaygroundError: Error, CustomStringConvertible, LocalizedError, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
    public var errorDescription: String? { description }
}

/// The learner's code rejected the command: the domain's answer, already shown, not a fault; the
/// wiring turns it into a failure status, so scripts still see it.
public struct CommandRejected: Error, Equatable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}
