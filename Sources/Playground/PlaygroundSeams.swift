import Checking
import Curriculum
import EventSourcing
import Foundation
import Shell
import UserFacing

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

/// Why a domain command, a reaction or a read model could not be run, worded for the person at
/// the keyboard: each case says what went wrong and, where there is one, what to do next.
public enum PlaygroundError: UserFacingError, Equatable {
    /// What was typed around the command's own words does not fit (`--id` without its value);
    /// words that miss the arguments are the command's own `DomainCommandError`.
    case usage(String)
    /// The learner's code did not answer in time, crashed, or answered in a shape the binding cannot read.
    case learnerCode(who: String, problem: LearnerCodeProblem)
    /// The learner's code answered something that is not what was asked (`not a list of events`).
    case unexpectedAnswer(who: String, answer: String, expected: String)
    /// Another writer kept appending to the stream: every retry lost the race.
    case keptChanging(stream: String)
    /// `wait` with no process that keeps time; `from` names the lesson where one comes.
    case nothingKeepsTime(from: String?)

    /// How the learner's code failed to answer.
    public enum LearnerCodeProblem: Equatable, Sendable {
        case threw(String)
        case timedOut(seconds: Int, nothingAppended: Bool)
        case crashed(String, nothingAppended: Bool)
        case mismatch(String)
    }

    public var problem: String {
        switch self {
        case .usage(let message): message
        case .learnerCode(let who, .threw(let description)): "\(who) threw \(description)"
        case .learnerCode(let who, .timedOut(let seconds, let nothingAppended)):
            "\(who) did not answer within \(seconds) s"
                + (nothingAppended ? "; nothing was appended (an endless loop?)" : " (an endless loop?)")
        case .learnerCode(_, .crashed(let reason, let nothingAppended)):
            "your code crashed: \(reason)" + (nothingAppended ? "; nothing was appended, and the shell goes on" : "")
        case .learnerCode(_, .mismatch(let message)): message
        case .unexpectedAnswer(let who, let answer, let expected): "\(who) returned \(answer), not \(expected)"
        case .keptChanging(let stream): "\(stream) kept changing under us"
        case .nothingKeepsTime: "no process of your lessons so far keeps time"
        }
    }

    public var remedy: String? {
        switch self {
        case .keptChanging: "try again"
        case .nothingKeepsTime(let from?): "`wait` matters from the lesson '\(from)' on"
        default: nil
        }
    }
}

/// The learner's code rejected the command: the domain's answer, already shown, not a fault; the
/// wiring turns it into a failure status, so scripts still see it.
public struct CommandRejected: Error, Equatable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}
