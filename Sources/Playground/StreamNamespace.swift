import EventSourcing
import Foundation

/// Whose streams a domain command works on. On a learner's own SQLite store every stream is theirs
/// and names stay as typed. On a shared store (a room's PostgreSQL) two learners would both start
/// game 42, so each learner's streams carry their name inside the id, `game-alice.42`: the category
/// (`game`) stays, so projections and reactions still find their events, and the payload keeps the
/// id the learner typed. `--shared` runs a command on the stream as typed, for a demo everyone
/// watches.
public struct StreamNamespace: Equatable, Sendable {
    /// The learner's mark, or nil where streams are not namespaced.
    public var learner: String?

    public init(learner: String?) { self.learner = learner }

    /// A name as a stream may hold it: lower case letters, digits and `_`.
    public static func mark(for name: String) -> String {
        let mark = String(name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        return mark.isEmpty ? "learner" : mark
    }

    /// The stream a command typed for `typed` works on.
    public func stream(_ typed: String, shared: Bool = false) -> StreamName {
        guard let learner, !shared else { return StreamName(typed) }
        let name = StreamName(typed)
        guard let id = name.id else { return StreamName("\(typed)-\(learner)") }
        return StreamName(category: name.category, id: "\(learner).\(id)")
    }

    /// Whether a stream is one of this learner's namespaced streams (a reaction to its events sends
    /// its commands into the namespace too; a reaction to a shared stream's, to shared streams).
    public func owns(_ stream: StreamName) -> Bool {
        guard let learner else { return false }
        return stream.id?.hasPrefix("\(learner).") == true || stream.rawValue.hasSuffix("-\(learner)")
    }

    /// The stream a learner means by a name they typed to look at (`show`, `state`, `replay`), and
    /// its events, read once: on a shared store their own one when they have it, else the name as
    /// typed. The events are nil when that stream does not exist.
    public func lookedUp(_ typed: String, in store: any EventStore) throws -> (stream: StreamName, events: [RecordedEvent]?) {
        let own = stream(typed)
        if own.rawValue != typed, let events = try? store.readIfPresent(own), !events.isEmpty { return (own, events) }
        let named = StreamName(typed)
        do { return (named, try store.read(named)) } catch EventStoreError.streamNotFound { return (named, nil) }
    }
}
