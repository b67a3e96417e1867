import EventSourcing
import Foundation
import Room
import Workspace

/// Whose streams a domain command works on. On a learner's own SQLite store every stream is theirs
/// and names stay as typed. On a shared store (a room's PostgreSQL) two learners would both start
/// game 42, so each learner's streams carry their name inside the id, `game-alice.42`: the category
/// (`game`) stays, so projections and reactions still find their events, and the payload keeps the
/// id the learner typed. `--shared` runs a command on the stream as typed, for a demo everyone
/// watches.
struct StreamNamespace: Equatable {
    /// The learner's mark, or nil where streams are not namespaced.
    var learner: String?

    /// The namespace of a session: the learner's name on a shared store, none on the local one.
    static func of(_ session: Session) -> StreamNamespace {
        StreamNamespace(learner: session.workspace.store.isShared ? Self.mark(for: Self.learnerName(of: session)) : nil)
    }

    /// Who the learner is, as the room knows them (`join --name`), else `$WORKSHOP_LEARNER`, else
    /// the user name. It is also what the shell records as `appendedBy` on each event.
    static func learnerName(of session: Session, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        RoomMembership.load(from: session.workspace)?.name ?? environment["WORKSHOP_LEARNER"] ?? environment["USER"] ?? "learner"
    }

    /// A name as a stream may hold it: lower case letters, digits and `_`.
    static func mark(for name: String) -> String {
        let mark = String(name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        return mark.isEmpty ? "learner" : mark
    }

    /// The stream a command typed for `typed` works on.
    func stream(_ typed: String, shared: Bool = false) -> StreamName {
        guard let learner, !shared else { return StreamName(typed) }
        let name = StreamName(typed)
        guard let id = name.id else { return StreamName("\(typed)-\(learner)") }
        return StreamName(category: name.category, id: "\(learner).\(id)")
    }

    /// Whether a stream is one of this learner's namespaced streams (a reaction to its events sends
    /// its commands into the namespace too; a reaction to a shared stream's, to shared streams).
    func owns(_ stream: StreamName) -> Bool {
        guard let learner else { return false }
        return stream.id?.hasPrefix("\(learner).") == true || stream.rawValue.hasSuffix("-\(learner)")
    }

    /// The stream a learner means by a name they typed to look at (`show`, `state`, `replay`): on a
    /// shared store their own one when they have it, else the name as typed.
    func lookedUp(_ typed: String, in store: DomainStore) -> StreamName {
        let own = stream(typed)
        return own.rawValue != typed && (try? store.readIfPresent(own).isEmpty) == false ? own : StreamName(typed)
    }
}
