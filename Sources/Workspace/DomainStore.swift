import EventSourcing
import EventStores
import Foundation
import Synchronization
import UserFacing

/// The store of the learner's domain streams: the workspace's own SQLite file, or a shared server
/// named by URL. A server is reached on first use, never when the workspace opens, so a server
/// that is down stops only what needs streams: lessons, hints, checks and progress (always in the
/// workspace's own file) go on. Until the server answers, each use tries again and fails with
/// `SharedStoreError.unreachable`, which says how to go on; `useLocal()` is that way.
public final class DomainStore: ManagedEventStore, Sendable {
    public let local: SQLiteEventStore
    /// The shared server's URL, if one was named.
    public let sharedURL: String?
    private let connect: @Sendable (String) throws -> any ManagedEventStore
    /// Which store is in use, and the server once reached, behind one lock.
    private struct Choice {
        var server: (any ManagedEventStore)?
        var localChosen: Bool
    }
    private let choice: Mutex<Choice>

    public init(
        local: SQLiteEventStore, sharedURL: String?,
        connect: @escaping @Sendable (String) throws -> any ManagedEventStore = { try PostgresEventStore(url: $0) }
    ) {
        self.local = local
        self.sharedURL = sharedURL
        self.connect = connect
        choice = Mutex(Choice(server: nil, localChosen: sharedURL == nil))
    }

    /// Whether streams go to the shared server (reached or not) rather than the workspace's own file.
    public var isShared: Bool { choice.withLock { !$0.localChosen } }

    /// The shared URL with any password hidden, for messages.
    public var redactedURL: String? { sharedURL.map(PostgresEventStore.redacted) }

    /// From now on, streams go to the workspace's own file; the shared server is no longer asked.
    public func useLocal() { choice.withLock { $0.localChosen = true } }

    /// Goes back to the shared server, reaching it now: throws `SharedStoreError` if it still cannot be reached.
    public func useShared() throws {
        guard sharedURL != nil else { throw SharedStoreError.noneNamed }
        choice.withLock { $0.localChosen = false }
        _ = try target()
    }

    /// The store to use now: the local file, or the server (connected on first use).
    public func target() throws -> any ManagedEventStore {
        try choice.withLock { choice -> any ManagedEventStore in
            if choice.localChosen { return local }
            if let server = choice.server { return server }
            guard let sharedURL else { return local }
            do {
                let connected = try connect(sharedURL)
                choice.server = connected
                return connected
            } catch {
                throw SharedStoreError.unreachable(url: PostgresEventStore.redacted(sharedURL), reason: "\(error)")
            }
        }
    }

    @discardableResult
    public func append(_ events: [EventData], to stream: StreamName, expected: ExpectedRevision) throws -> UInt64? {
        try target().append(events, to: stream, expected: expected)
    }

    public func read(_ stream: StreamName, from revision: UInt64?, direction: ReadDirection, limit: Int?) throws -> [RecordedEvent] {
        try target().read(stream, from: revision, direction: direction, limit: limit)
    }

    public func readAll(from position: UInt64, limit: Int?) throws -> [RecordedEvent] {
        try target().readAll(from: position, limit: limit)
    }

    public func currentRevision(of stream: StreamName) throws -> UInt64? { try target().currentRevision(of: stream) }

    public func streams() throws -> [StreamInfo] { try target().streams() }

    public func delete(_ stream: StreamName, expected: ExpectedRevision) throws { try target().delete(stream, expected: expected) }

    public func tombstone(_ stream: StreamName, expected: ExpectedRevision) throws { try target().tombstone(stream, expected: expected) }
}

/// Why the shared store cannot serve, and how to go on.
public enum SharedStoreError: UserFacingError, Sendable, Equatable {
    case unreachable(url: String, reason: String)
    case noneNamed

    public var problem: String {
        switch self {
        case .unreachable(_, let reason):
            "\(reason). Only streams need the shared store: lessons, hints, checks and your progress go on. "
                + "`store local` keeps streams in this workspace's own store instead (the room does not see them); "
                + "`store shared` tries the server again."
        case .noneNamed: "no shared store was named"
        }
    }

    public var remedy: String? {
        switch self {
        case .unreachable: nil
        case .noneNamed: "start the shell with --store postgres://user@host/database (or WORKSHOP_STORE) to share one"
        }
    }
}
