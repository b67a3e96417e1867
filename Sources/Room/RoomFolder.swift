import EventSourcing
import EventStores
import Foundation

/// The instructor's folder for one room: `room.json` (the join code and the instructor token, kept
/// so a restarted server is the same room) and `room.sqlite`, the room's event store.
public struct RoomFolder: Sendable {
    public let url: URL
    public var settingsFile: URL { url.appendingPathComponent("room.json") }
    public var storeFile: URL { url.appendingPathComponent("room.sqlite") }

    public init(_ url: URL) { self.url = url.standardizedFileURL }

    /// What makes a room itself across restarts.
    public struct Settings: Codable, Sendable, Equatable {
        /// Learners type it: short, upper case, without look-alike characters (K7Q-4MX).
        public var code: String
        /// The instructor's view needs it; printed only on the host's terminal.
        public var token: String
        /// Where the server last listened, so `room status` can ask it who is connected.
        public var address: String?
        public var createdAt: Date

        public init(code: String, token: String, address: String? = nil, createdAt: Date = Date()) {
            self.code = code
            self.token = token
            self.address = address
            self.createdAt = createdAt
        }
    }

    /// The room's settings, made on first use.
    public func settings() throws -> Settings {
        if let data = FileManager.default.contents(atPath: settingsFile.path) {
            return try RoomWire.decoder().decode(Settings.self, from: data)
        }
        let settings = Settings(code: Self.newCode(), token: Self.newToken(), address: nil, createdAt: Date())
        try save(settings)
        return settings
    }

    public func save(_ settings: Settings) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try RoomWire.encode(settings).write(to: settingsFile, options: .atomic)
        // The token is the instructor's: only their user may read it.
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: settingsFile.path)
    }

    /// The room's store: SQLite in the folder, or a PostgreSQL server by URL (several instructors),
    /// in the schema `workshop_room` unless the URL chooses another (`options=-csearch_path=room_b`),
    /// which is how two rooms share one database without sharing their learners.
    public func store(url storeURL: String? = nil) throws -> any ManagedEventStore {
        if let storeURL { return try PostgresEventStore(url: storeURL, schema: "workshop_room") }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return try SQLiteEventStore(path: storeFile.path)
    }

    /// 32 characters without 0/O, 1/I/L: a code read off a projector is typed right.
    static let codeAlphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    public static func newCode() -> String {
        var generator = SystemRandomNumberGenerator()
        let letters = (0..<6).map { _ in codeAlphabet.randomElement(using: &generator)! }
        return String(letters[0..<3]) + "-" + String(letters[3..<6])
    }

    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt64, radix: 16).leftPadded(to: 16) }.joined()
    }

    /// Codes compare without case or dashes: `k7q4mx` is `K7Q-4MX`.
    public static func normalized(_ code: String) -> String {
        code.uppercased().filter { $0 != "-" && $0 != " " }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
