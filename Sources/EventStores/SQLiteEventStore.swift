import EventSourcing
import Foundation

/// The embedded default: one SQLite file in the workspace, in WAL mode, each append one transaction,
/// durable when it returns (synchronous=FULL). Several processes may share the file.
public final class SQLiteEventStore: ManagedEventStore, @unchecked Sendable {
    // @unchecked Sendable: the C connection is used only under `lock`.
    /// Bumped when the table layout changes; an older file is upgraded, a newer one refused.
    public static let schemaVersion: Int64 = 2

    private let connection: SQLiteConnection
    // One connection is not safe to share between threads; callers may be on any.
    private let lock = NSLock()
    private let clock: @Sendable () -> Date

    public init(path: String, clock: @escaping @Sendable () -> Date = Date.init) throws {
        self.clock = clock
        connection = try SQLiteConnection(path: path)
        try connection.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON")
        try migrate()
    }

    private func migrate() throws {
        try connection.writeTransaction {
            let version = try connection.prepare("PRAGMA user_version")
            _ = try version.step()
            let found = version.int64(0)
            if found > Self.schemaVersion {
                throw SQLiteError(
                    path: connection.path, code: 1,
                    message: "made by a newer version of workshop (schema \(found), this one knows \(Self.schemaVersion)); update the tool")
            }
            guard found < Self.schemaVersion else { return }
            // Version 1 had the events table only; version 2 adds deleted and tombstoned streams.
            try connection.execute(
                """
                CREATE TABLE IF NOT EXISTS stream_states (
                    stream TEXT PRIMARY KEY,
                    hidden_before INTEGER NOT NULL DEFAULT 0,
                    tombstoned INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE IF NOT EXISTS events (
                    position INTEGER PRIMARY KEY AUTOINCREMENT,
                    stream TEXT NOT NULL,
                    revision INTEGER NOT NULL,
                    event_id TEXT NOT NULL,
                    type TEXT NOT NULL,
                    data BLOB NOT NULL,
                    metadata BLOB NOT NULL,
                    causation_id TEXT,
                    correlation_id TEXT,
                    created_at REAL NOT NULL,
                    UNIQUE (stream, revision),
                    UNIQUE (stream, event_id)
                );
                PRAGMA user_version = \(Self.schemaVersion);
                """)
        }
    }

    @discardableResult
    public func append(_ events: [EventData], to stream: StreamName, expected: ExpectedRevision) throws -> UInt64? {
        try lock.withLock {
            try connection.writeTransaction {
                try EventData.checkUniqueIds(events, stream: stream)
                let state = try streamState(stream)
                guard !state.tombstoned else { throw EventStoreError.streamDeleted(stream) }
                let last = try lastRevision(stream)
                let current = last.flatMap { $0 >= state.hiddenBefore ? $0 : nil }
                let known = try storedIds(in: stream, among: events)
                let fresh = events.filter { !known.contains($0.eventId) }
                if fresh.isEmpty, !events.isEmpty, let current { return current }
                guard expected.isSatisfied(byCurrent: current) else {
                    throw EventStoreError.wrongExpectedRevision(stream: stream, expected: expected, actual: current)
                }
                let insert = try connection.prepare(
                    """
                    INSERT INTO events (stream, revision, event_id, type, data, metadata, causation_id, correlation_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                var revision = last.map { $0 + 1 } ?? 0
                let now = clock().timeIntervalSince1970
                for event in fresh {
                    insert.reset()
                    insert.bind(1, stream.rawValue)
                    insert.bind(2, Int64(revision))
                    insert.bind(3, event.eventId.uuidString)
                    insert.bind(4, event.type)
                    insert.bind(5, event.data)
                    insert.bind(6, event.metadata)
                    insert.bind(7, event.causationId?.uuidString)
                    insert.bind(8, event.correlationId?.uuidString)
                    insert.bind(9, now)
                    try insert.run()
                    revision += 1
                }
                return fresh.isEmpty ? current : revision - 1
            }
        }
    }

    /// Moves every event of stream `old` into `new`, keeping ids, times, envelopes and global
    /// positions, and numbering the merged stream's revisions in global order: a renamed stream
    /// keeps its whole history. One transaction; nothing happens when `old` holds no events.
    public func moveEvents(of old: StreamName, into new: StreamName) throws {
        try lock.withLock {
            try connection.writeTransaction {
                guard try lastRevision(old) != nil else { return }
                // Negative revisions first (unique per position), so that no row ever collides with
                // another on (stream, revision) while the two streams become one.
                let move = try connection.prepare(
                    "UPDATE events SET stream = ?, revision = -1 - position WHERE stream IN (?, ?)")
                move.bind(1, new.rawValue)
                move.bind(2, old.rawValue)
                move.bind(3, new.rawValue)
                try move.run()
                let renumber = try connection.prepare(
                    """
                    UPDATE events SET revision =
                        (SELECT COUNT(*) FROM events AS earlier WHERE earlier.stream = events.stream AND earlier.position < events.position)
                    WHERE stream = ?
                    """)
                renumber.bind(1, new.rawValue)
                try renumber.run()
            }
        }
    }

    private func lastRevision(_ stream: StreamName) throws -> UInt64? {
        let query = try connection.prepare("SELECT MAX(revision) FROM events WHERE stream = ?")
        query.bind(1, stream.rawValue)
        guard try query.step(), !query.isNull(0) else { return nil }
        return UInt64(query.int64(0))
    }

    private func streamState(_ stream: StreamName) throws -> (hiddenBefore: UInt64, tombstoned: Bool) {
        let query = try connection.prepare("SELECT hidden_before, tombstoned FROM stream_states WHERE stream = ?")
        query.bind(1, stream.rawValue)
        guard try query.step() else { return (0, false) }
        return (UInt64(query.int64(0)), query.int64(1) != 0)
    }

    /// The last revision a reader can see; nil for a missing or soft-deleted stream.
    private func visibleRevision(_ stream: StreamName) throws -> UInt64? {
        let state = try streamState(stream)
        guard !state.tombstoned else { throw EventStoreError.streamDeleted(stream) }
        return try lastRevision(stream).flatMap { $0 >= state.hiddenBefore ? $0 : nil }
    }

    private func storedIds(in stream: StreamName, among events: [EventData]) throws -> Set<UUID> {
        guard !events.isEmpty else { return [] }
        let query = try connection.prepare("SELECT 1 FROM events WHERE stream = ? AND event_id = ?")
        var found: Set<UUID> = []
        for event in events {
            query.reset()
            query.bind(1, stream.rawValue)
            query.bind(2, event.eventId.uuidString)
            if try query.step() { found.insert(event.eventId) }
        }
        return found
    }

    private static let columns =
        "event_id, type, stream, revision, position, data, metadata, causation_id, correlation_id, created_at"

    private func rows(_ query: SQLiteStatement) throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        while try query.step() {
            events.append(
                RecordedEvent(
                    eventId: UUID(uuidString: query.text(0) ?? "") ?? UUID(),
                    type: query.text(1) ?? "",
                    stream: StreamName(query.text(2) ?? ""),
                    revision: UInt64(query.int64(3)),
                    // SQLite's rowids start at 1; positions are 0-based like revisions.
                    position: UInt64(query.int64(4) - 1),
                    data: query.data(5),
                    metadata: query.data(6),
                    causationId: query.text(7).flatMap(UUID.init(uuidString:)),
                    correlationId: query.text(8).flatMap(UUID.init(uuidString:)),
                    createdAt: Date(timeIntervalSince1970: query.double(9))))
        }
        return events
    }

    public func read(
        _ stream: StreamName, from revision: UInt64?, direction: ReadDirection, limit: Int?
    ) throws -> [RecordedEvent] {
        try lock.withLock {
            guard try visibleRevision(stream) != nil else { throw EventStoreError.streamNotFound(stream) }
            let hidden = try streamState(stream).hiddenBefore
            let forwards = direction == .forwards
            let query = try connection.prepare(
                """
                SELECT \(Self.columns) FROM events
                WHERE stream = ? AND revision \(forwards ? ">=" : "<=") ? AND revision >= ?
                ORDER BY revision \(forwards ? "ASC" : "DESC") LIMIT ?
                """)
            query.bind(1, stream.rawValue)
            query.bind(2, Int64(clamping: revision ?? (forwards ? 0 : UInt64(Int64.max))))
            query.bind(3, Int64(clamping: hidden))
            query.bind(4, Int64(limit ?? -1))
            return try rows(query)
        }
    }

    public func readAll(from position: UInt64, limit: Int?) throws -> [RecordedEvent] {
        try lock.withLock {
            let query = try connection.prepare(
                "SELECT \(Self.columns) FROM events WHERE position > ? ORDER BY position LIMIT ?")
            query.bind(1, Int64(clamping: position))
            query.bind(2, Int64(limit ?? -1))
            return try rows(query)
        }
    }

    public func currentRevision(of stream: StreamName) throws -> UInt64? {
        try lock.withLock { try visibleRevision(stream) }
    }

    public func delete(_ stream: StreamName, expected: ExpectedRevision) throws {
        try lock.withLock {
            try connection.writeTransaction {
                let current = try visibleRevision(stream)
                guard expected.isSatisfied(byCurrent: current) else {
                    throw EventStoreError.wrongExpectedRevision(stream: stream, expected: expected, actual: current)
                }
                guard let current else { throw EventStoreError.streamNotFound(stream) }
                try setState(stream, hiddenBefore: current + 1, tombstoned: false)
            }
        }
    }

    public func tombstone(_ stream: StreamName, expected: ExpectedRevision) throws {
        try lock.withLock {
            try connection.writeTransaction {
                let current = try visibleRevision(stream)
                guard expected.isSatisfied(byCurrent: current) else {
                    throw EventStoreError.wrongExpectedRevision(stream: stream, expected: expected, actual: current)
                }
                try setState(stream, hiddenBefore: try streamState(stream).hiddenBefore, tombstoned: true)
            }
        }
    }

    private func setState(_ stream: StreamName, hiddenBefore: UInt64, tombstoned: Bool) throws {
        let statement = try connection.prepare(
            "INSERT INTO stream_states (stream, hidden_before, tombstoned) VALUES (?, ?, ?) "
                + "ON CONFLICT(stream) DO UPDATE SET hidden_before = excluded.hidden_before, tombstoned = excluded.tombstoned")
        statement.bind(1, stream.rawValue)
        statement.bind(2, Int64(clamping: hiddenBefore))
        statement.bind(3, Int64(tombstoned ? 1 : 0))
        try statement.run()
    }

    public func streams() throws -> [StreamInfo] {
        try lock.withLock {
            let query = try connection.prepare(
                """
                SELECT e.stream, COUNT(*), MAX(e.position) - 1 FROM events e LEFT JOIN stream_states s ON s.stream = e.stream
                WHERE e.revision >= COALESCE(s.hidden_before, 0) AND COALESCE(s.tombstoned, 0) = 0
                GROUP BY e.stream ORDER BY MIN(e.position)
                """)
            var infos: [StreamInfo] = []
            while try query.step() {
                infos.append(
                    StreamInfo(
                        name: StreamName(query.text(0) ?? ""), count: UInt64(query.int64(1)),
                        lastPosition: UInt64(query.int64(2))))
            }
            return infos
        }
    }
}
