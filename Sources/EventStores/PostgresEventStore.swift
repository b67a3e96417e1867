import CPostgreSQL
import EventSourcing
import Foundation

/// A real PostgreSQL server as the store, chosen by URL (a room can share one). Appends are
/// serialised by a transaction-scoped advisory lock, so global positions follow commit order and
/// a subscription never misses an event committed late.
public final class PostgresEventStore: ManagedEventStore, @unchecked Sendable {
    // @unchecked Sendable: the libpq connection is used only under `lock`.
    private let connection: OpaquePointer
    private let lock = NSLock()
    private let url: String

    /// The URL with any password replaced by `***`, for messages.
    public static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }

    /// The schema a URL chooses with its `options` parameter (`options=-csearch_path%3Droom_a`): the
    /// first of its search path; nil when it chooses none.
    static func chosenSchema(_ url: String) -> String? {
        guard let options = URLComponents(string: url)?.queryItems?.first(where: { $0.name == "options" })?.value else { return nil }
        for part in options.split(separator: " ") {
            let setting = part.hasPrefix("-c") ? part.dropFirst(2) : part
            guard setting.hasPrefix("search_path=") else { continue }
            let first = setting.dropFirst("search_path=".count).split(separator: ",").first.map(String.init) ?? ""
            return first.isEmpty ? nil : first
        }
        return nil
    }

    /// - Parameter schema: a schema of its own (created if missing), so several stores can share a
    ///   database; a URL that chooses its own (`options=-csearch_path=NAME`) keeps that one instead.
    public init(url: String, schema: String? = nil) throws {
        self.url = url
        guard let connection = PQconnectdb(url) else { throw EventStoreError.unreachable(store: Self.redacted(url), reason: "") }
        guard PQstatus(connection) == CONNECTION_OK else {
            // libpq breaks its message over lines and tabs; a person reads it as one sentence.
            let message = String(cString: PQerrorMessage(connection)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            PQfinish(connection)
            throw EventStoreError.unreachable(store: Self.redacted(url), reason: message)
        }
        self.connection = connection
        // The URL's own schema wins over the one asked for; either is made if the database lacks it.
        if let schema = Self.chosenSchema(url) ?? schema {
            let name = schema.filter { $0.isLetter || $0.isNumber || $0 == "_" }
            try execute("SET client_min_messages = warning; CREATE SCHEMA IF NOT EXISTS \(name); SET search_path TO \(name)")
        }
        try execute(
            """
            SET client_min_messages = warning;
            CREATE TABLE IF NOT EXISTS events (
                position BIGSERIAL PRIMARY KEY,
                stream TEXT NOT NULL,
                revision BIGINT NOT NULL,
                event_id UUID NOT NULL,
                type TEXT NOT NULL,
                data BYTEA NOT NULL,
                metadata BYTEA NOT NULL,
                causation_id UUID,
                correlation_id UUID,
                created_at DOUBLE PRECISION NOT NULL,
                UNIQUE (stream, revision),
                UNIQUE (stream, event_id)
            );
            CREATE TABLE IF NOT EXISTS stream_states (
                stream TEXT PRIMARY KEY,
                hidden_before BIGINT NOT NULL DEFAULT 0,
                tombstoned BOOLEAN NOT NULL DEFAULT FALSE
            );
            """)
    }

    deinit { PQfinish(connection) }

    // MARK: libpq

    private struct Rows {
        let result: OpaquePointer
        var count: Int { Int(PQntuples(result)) }
        func text(_ row: Int, _ column: Int) -> String? {
            PQgetisnull(result, Int32(row), Int32(column)) == 1 ? nil : String(cString: PQgetvalue(result, Int32(row), Int32(column)))
        }
        func data(_ row: Int, _ column: Int) -> Data {
            var length = 0
            guard let raw = PQgetvalue(result, Int32(row), Int32(column)),
                let bytes = PQunescapeBytea(UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), &length)
            else { return Data() }
            defer { PQfreemem(bytes) }
            return Data(bytes: bytes, count: length)
        }
    }

    @discardableResult
    private func execute(_ sql: String) throws -> Int {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        try check(result)
        return Int(PQntuples(result))
    }

    private func query(_ sql: String, _ parameters: [String?]) throws -> Rows {
        let result = withParameters(parameters) { values in
            PQexecParams(connection, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        do { try check(result) } catch { PQclear(result); throw error }
        return Rows(result: result!)
    }

    private func run(_ sql: String, _ parameters: [String?]) throws {
        let rows = try query(sql, parameters)
        PQclear(rows.result)
    }

    private func withParameters<Result>(_ parameters: [String?], _ body: ([UnsafePointer<CChar>?]) -> Result) -> Result {
        let copies = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        return body(copies.map { $0.map { UnsafePointer($0) } })
    }

    /// SQLSTATE 23505: a unique constraint refused the row (someone else took the revision).
    private struct UniqueViolation: Error {}

    private func check(_ result: OpaquePointer?) throws {
        let status = PQresultStatus(result)
        guard status != PGRES_COMMAND_OK, status != PGRES_TUPLES_OK else { return }
        if let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))), String(cString: state) == "23505" { throw UniqueViolation() }
        let message = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
        throw EventStoreError.refused(store: Self.redacted(url), reason: message)
    }

    private func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        try execute("BEGIN")
        do {
            try execute("SELECT pg_advisory_xact_lock(7466)")
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    // MARK: Streams

    private func state(_ stream: StreamName) throws -> (hiddenBefore: UInt64, tombstoned: Bool) {
        let rows = try query("SELECT hidden_before, tombstoned FROM stream_states WHERE stream = $1", [stream.rawValue])
        defer { PQclear(rows.result) }
        guard rows.count == 1 else { return (0, false) }
        return (UInt64(rows.text(0, 0) ?? "0") ?? 0, rows.text(0, 1) == "t")
    }

    private func lastRevision(_ stream: StreamName) throws -> UInt64? {
        let rows = try query("SELECT MAX(revision) FROM events WHERE stream = $1", [stream.rawValue])
        defer { PQclear(rows.result) }
        return rows.text(0, 0).flatMap { UInt64($0) }
    }

    private func visibleRevision(_ stream: StreamName) throws -> UInt64? {
        let state = try state(stream)
        guard !state.tombstoned else { throw EventStoreError.streamDeleted(stream) }
        return try lastRevision(stream).flatMap { $0 >= state.hiddenBefore ? $0 : nil }
    }

    @discardableResult
    public func append(_ events: [EventData], to stream: StreamName, expected: ExpectedRevision) throws -> UInt64? {
        try lock.withLock {
            try transaction {
                try EventData.checkUniqueIds(events, stream: stream)
                let last = try lastRevision(stream)
                let current = try visibleRevision(stream)
                let known = try events.filter { event in
                    let rows = try query(
                        "SELECT 1 FROM events WHERE stream = $1 AND event_id = $2", [stream.rawValue, event.eventId.uuidString])
                    defer { PQclear(rows.result) }
                    return rows.count > 0
                }.map(\.eventId)
                let fresh = events.filter { !known.contains($0.eventId) }
                if fresh.isEmpty, !events.isEmpty, let current { return current }
                guard expected.isSatisfied(byCurrent: current) else {
                    throw EventStoreError.wrongExpectedRevision(stream: stream, expected: expected, actual: current)
                }
                var revision = last.map { $0 + 1 } ?? 0
                let now = String(Date().timeIntervalSince1970)
                for event in fresh {
                    do {
                        try run(
                            "INSERT INTO events (stream, revision, event_id, type, data, metadata, causation_id, correlation_id, created_at) "
                                + "VALUES ($1, $2, $3, $4, decode($5, 'hex'), decode($6, 'hex'), $7, $8, $9)",
                            [
                                stream.rawValue, String(revision), event.eventId.uuidString, event.type, event.data.hex, event.metadata.hex,
                                event.causationId?.uuidString, event.correlationId?.uuidString, now,
                            ])
                    } catch is UniqueViolation {
                        throw EventStoreError.wrongExpectedRevision(stream: stream, expected: expected, actual: current)
                    }
                    revision += 1
                }
                return fresh.isEmpty ? current : revision - 1
            }
        }
    }

    private static let columns = "event_id, type, stream, revision, position, data, metadata, causation_id, correlation_id, created_at"

    private func events(_ sql: String, _ parameters: [String?]) throws -> [RecordedEvent] {
        let rows = try query(sql, parameters)
        defer { PQclear(rows.result) }
        return (0..<rows.count).map { row in
            RecordedEvent(
                eventId: UUID(uuidString: rows.text(row, 0) ?? "") ?? UUID(), type: rows.text(row, 1) ?? "",
                stream: StreamName(rows.text(row, 2) ?? ""), revision: UInt64(rows.text(row, 3) ?? "0") ?? 0,
                // BIGSERIAL starts at 1; positions are 0-based like revisions.
                position: (UInt64(rows.text(row, 4) ?? "1") ?? 1) - 1,
                data: rows.data(row, 5), metadata: rows.data(row, 6),
                causationId: rows.text(row, 7).flatMap(UUID.init(uuidString:)),
                correlationId: rows.text(row, 8).flatMap(UUID.init(uuidString:)),
                createdAt: Date(timeIntervalSince1970: Double(rows.text(row, 9) ?? "0") ?? 0))
        }
    }

    public func read(_ stream: StreamName, from revision: UInt64?, direction: ReadDirection, limit: Int?) throws -> [RecordedEvent] {
        try lock.withLock {
            guard try visibleRevision(stream) != nil else { throw EventStoreError.streamNotFound(stream) }
            let hidden = try state(stream).hiddenBefore
            let forwards = direction == .forwards
            return try events(
                "SELECT \(Self.columns) FROM events WHERE stream = $1 AND revision \(forwards ? ">=" : "<=") $2 AND revision >= $3 "
                    + "ORDER BY revision \(forwards ? "ASC" : "DESC") LIMIT \(limit.map(String.init) ?? "ALL")",
                [stream.rawValue, String(revision ?? (forwards ? 0 : UInt64(Int64.max))), String(hidden)])
        }
    }

    public func readAll(from position: UInt64, limit: Int?) throws -> [RecordedEvent] {
        try lock.withLock {
            try events(
                "SELECT \(Self.columns) FROM events WHERE position > $1 ORDER BY position LIMIT \(limit.map(String.init) ?? "ALL")",
                [String(position)])
        }
    }

    public func currentRevision(of stream: StreamName) throws -> UInt64? {
        try lock.withLock { try visibleRevision(stream) }
    }

    public func streams() throws -> [StreamInfo] {
        try lock.withLock {
            let rows = try query(
                """
                SELECT e.stream, COUNT(*), MAX(e.position) - 1 FROM events e LEFT JOIN stream_states s ON s.stream = e.stream
                WHERE e.revision >= COALESCE(s.hidden_before, 0) AND NOT COALESCE(s.tombstoned, FALSE)
                GROUP BY e.stream ORDER BY MIN(e.position)
                """, [])
            defer { PQclear(rows.result) }
            return (0..<rows.count).map {
                StreamInfo(
                    name: StreamName(rows.text($0, 0) ?? ""), count: UInt64(rows.text($0, 1) ?? "0") ?? 0,
                    lastPosition: UInt64(rows.text($0, 2) ?? "0") ?? 0)
            }
        }
    }

    public func delete(_ stream: StreamName, expected: ExpectedRevision) throws {
        try lock.withLock {
            try transaction {
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
            try transaction {
                let current = try visibleRevision(stream)
                guard expected.isSatisfied(byCurrent: current) else {
                    throw EventStoreError.wrongExpectedRevision(stream: stream, expected: expected, actual: current)
                }
                try setState(stream, hiddenBefore: try state(stream).hiddenBefore, tombstoned: true)
            }
        }
    }

    private func setState(_ stream: StreamName, hiddenBefore: UInt64, tombstoned: Bool) throws {
        try run(
            "INSERT INTO stream_states (stream, hidden_before, tombstoned) VALUES ($1, $2, $3) "
                + "ON CONFLICT (stream) DO UPDATE SET hidden_before = excluded.hidden_before, tombstoned = excluded.tombstoned",
            [stream.rawValue, String(hiddenBefore), tombstoned ? "true" : "false"])
    }
}

extension Data {
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}
