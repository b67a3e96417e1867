import Foundation

/// A read model the learner can look at in the shell, such as `queue` or `loyalty CUSTOMER`: the
/// binding's `driver` (the learner's projection) is delivered the domain events of the all-stream
/// and answers with the projection, of which the part named by `shows` is printed.
///
/// Each event is delivered as `{position, stream, <category>: event}` (an order's event under
/// `order`), the shape a projection's `Delivered` type reads.
public struct ReadModelView: Sendable, Hashable {
    public var name: String
    public var summary: String
    /// Argument names, in order; they fill the `{name}` placeholders of `shows`.
    public var arguments: [String]
    public var driver: String
    /// A path into the projection's JSON, keys joined by dots, with placeholders: `points.{customer}`.
    /// Nil shows the whole projection.
    public var shows: String?
    /// The projection's field that holds the position of the last event it applied (from the
    /// lesson on checkpoints on): the shell says how far it got.
    public var checkpoint: String?
    /// The lesson that declares it (its binding reaches the learner's code).
    public var lesson: String

    public var usage: String { ([name] + arguments.map { $0.uppercased() }).joined(separator: " ") }

    /// The keys of `shows` before its first placeholder: the part that holds every argument's
    /// answer at once (`points` for `points.{customer}`), which the window shows when none is typed.
    public var commonPath: [String] {
        guard let shows else { return [] }
        return Array(shows.split(separator: ".").prefix { !$0.contains("{") }.map(String.init))
    }

    /// The keys to follow into the projection for typed arguments, or a message that says what is wrong.
    public func path(for typed: [String]) -> Result<[String], DomainCommandError> {
        guard typed.count == arguments.count else {
            return .failure(.wrongCount(usage: usage, summary: summary))
        }
        if let empty = zip(arguments, typed).first(where: { $0.1.isEmpty }) {
            return .failure(.empty(argument: empty.0, usage: usage))
        }
        guard let shows else { return .success([]) }
        let bindings = Dictionary(uniqueKeysWithValues: zip(arguments, typed))
        return .success(shows.split(separator: ".").map { DomainCommand.fill(String($0), bindings) })
    }
}
