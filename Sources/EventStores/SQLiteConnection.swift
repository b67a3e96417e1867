import CSQLite
import Foundation
import UserFacing

/// A thin, owned handle on one SQLite database file; every failure becomes a message naming the file.
final class SQLiteConnection {
    private var handle: OpaquePointer?
    let path: String

    init(path: String) throws {
        self.path = path
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            handle = nil
            throw SQLiteError(path: path, code: status, message: message)
        }
        // Another shell on the same workspace may hold the write lock for a moment: wait, do not fail.
        sqlite3_busy_timeout(handle, 5_000)
    }

    deinit { sqlite3_close_v2(handle) }

    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &error)
        if status != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(error)
            throw SQLiteError(path: path, code: status, message: message)
        }
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else { throw failure(status) }
        return SQLiteStatement(statement: statement, connection: self)
    }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func failure(_ status: Int32) -> SQLiteError {
        SQLiteError(path: path, code: status, message: lastMessage)
    }

    /// Runs `body` in a write transaction taken up front, so concurrent writers queue instead of deadlocking.
    func writeTransaction<Result>(_ body: () throws -> Result) throws -> Result {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

/// One prepared statement; binds by 1-based index and steps through rows.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private let connection: SQLiteConnection

    init(statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(statement) }

    // SQLite copies bound text and blobs at once when told the memory is transient.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    func bind(_ index: Int32, _ value: String?) {
        guard let value else { sqlite3_bind_null(statement, index); return }
        sqlite3_bind_text(statement, index, value, -1, Self.transient)
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(statement, index, value) }

    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(statement, index, value) }

    func bind(_ index: Int32, _ value: Data) {
        value.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(statement, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
        }
    }

    /// Steps once; true while a row is available.
    func step() throws -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let status: throw connection.failure(status)
        }
    }

    func run() throws {
        while try step() {}
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String? {
        sqlite3_column_text(statement, column).map { String(cString: $0) }
    }

    func data(_ column: Int32) -> Data {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let bytes = sqlite3_column_blob(statement, column) else { return Data() }
        return Data(bytes: bytes, count: count)
    }
}

/// A failure of the SQLite store, explained for the person who can fix it.
public struct SQLiteError: UserFacingError, Sendable {
    public let path: String
    public let code: Int32
    public let message: String

    public var problem: String {
        switch code & 0xFF {
        case SQLITE_NOTADB, SQLITE_CORRUPT: "the event store \(path) is not a readable SQLite database (\(message))"
        case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN: "cannot write the event store \(path) (\(message))"
        case SQLITE_BUSY, SQLITE_LOCKED: "the event store \(path) stayed locked by another process for 5 s (\(message))"
        case SQLITE_FULL: "the disk holding \(path) is full"
        default: "event store \(path): \(message)"
        }
    }

    public var remedy: String? {
        switch code & 0xFF {
        case SQLITE_NOTADB, SQLITE_CORRUPT: "move it aside to start a fresh store, or restore it from a backup"
        case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN: "check that the file and its folder are writable"
        case SQLITE_BUSY, SQLITE_LOCKED: "close the other shell or command using it and try again"
        case SQLITE_FULL: "free some space and try again"
        default: nil
        }
    }
}
