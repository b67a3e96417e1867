import Curriculum
import EventSourcing
import EventStores
import Foundation
import UserFacing

/// The learner's folder: their code under `Sources/`, and the tool's own state under `.workshop/`
/// (the event store with their progress, the shell's history, pristine copies of starter files).
public final class Workspace: Sendable {
    /// The workspace layout's version; a newer tool upgrades older layouts, an older tool refuses newer ones.
    public static let formatVersion = 1
    /// Where the workspace goes when no flag or environment variable names one.
    public static let defaultFolderName = "workspace"
    /// The environment variable that names the workspace folder.
    public static let environmentVariable = "WORKSHOP_WORKSPACE"

    public let root: URL
    /// The store of domain streams: the embedded SQLite file, or a server chosen by URL (reached
    /// on first use, so a server that is down stops only what needs streams).
    public let store: DomainStore
    /// The learner's own progress, always in the workspace's SQLite file (a shared server holds a
    /// whole room's games, but each learner's progress stays theirs).
    public let progressStore: SQLiteEventStore
    let files = FileManager.default

    public var stateFolder: URL { root.appendingPathComponent(".workshop") }
    public var historyFile: URL { stateFolder.appendingPathComponent("history") }
    public var storeFile: URL { stateFolder.appendingPathComponent("events.sqlite") }
    /// Compiled learner hosts, keyed by a fingerprint of their inputs.
    public var buildFolder: URL { stateFolder.appendingPathComponent("build") }
    /// The shell's read models, each with its checkpoint, between calls (see SavedReadModels).
    public var readModelsFolder: URL { stateFolder.appendingPathComponent("read-models") }
    var metadataFile: URL { stateFolder.appendingPathComponent("workspace.json") }
    var pristineFolder: URL { stateFolder.appendingPathComponent("starters") }

    /// Opens the workspace at `root`, creating it on first use and upgrading an older layout.
    /// - Parameter storeURL: a `postgres://` or `postgresql://` URL to use a PostgreSQL server
    ///   instead of the workspace's SQLite file.
    public init(root: URL, storeURL: String? = nil) throws(WorkspaceError) {
        self.root = root.standardizedFileURL
        do {
            try files.createDirectory(at: root.appendingPathComponent(".workshop"), withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: root.path, reason: error.localizedDescription)
        }
        guard files.isWritableFile(atPath: root.appendingPathComponent(".workshop").path) else {
            throw .unwritable(path: root.path, reason: "permission denied")
        }
        let metadataFile = root.appendingPathComponent(".workshop/workspace.json")
        let metadata = try Self.readMetadata(metadataFile)
        if let version = metadata?.formatVersion, version > Self.formatVersion {
            throw .newerFormat(path: root.path, found: version, supported: Self.formatVersion)
        }
        if let storeURL, !(storeURL.hasPrefix("postgres://") || storeURL.hasPrefix("postgresql://")) {
            throw .notPostgresURL(redacted: PostgresEventStore.redacted(storeURL))
        }
        let storeFile = root.appendingPathComponent(".workshop/events.sqlite").path
        do {
            let local = try SQLiteEventStore(path: storeFile)
            try local.moveEvents(of: ProgressEvent.legacyStream, into: ProgressEvent.stream)
            progressStore = local
            store = DomainStore(local: local, sharedURL: storeURL)
        } catch {
            throw .localStoreUnusable(path: storeFile, cause: String(describing: error))
        }
        if metadata?.formatVersion != Self.formatVersion {
            try write(
                CanonicalJSON.encodeOrEmpty(WorkspaceMetadata(formatVersion: Self.formatVersion, createdAt: metadata?.createdAt ?? Date())),
                to: metadataFile)
        }
    }

    private static func readMetadata(_ file: URL) throws(WorkspaceError) -> WorkspaceMetadata? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(WorkspaceMetadata.self, from: data)
        } catch {
            // A half-written file (a crash mid-write, before writes became atomic) is rebuilt, never fatal.
            return nil
        }
    }

    // MARK: Files

    /// Writes a file atomically: a crash leaves the old content or the new, never half of it.
    func write(_ data: Data, to url: URL) throws(WorkspaceError) {
        do {
            try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw .unwritable(path: url.path, reason: error.localizedDescription)
        }
    }
}

struct WorkspaceMetadata: Codable {
    var formatVersion: Int
    var createdAt: Date
}

extension CanonicalJSON {
    static func encodeOrEmpty<Value: Encodable>(_ value: Value) -> Data {
        (try? encode(value)) ?? Data("{}".utf8)
    }
}

/// Why a workspace cannot be used, and what to do about it.
public enum WorkspaceError: UserFacingError, Sendable, Equatable {
    case unwritable(path: String, reason: String)
    case newerFormat(path: String, found: Int, supported: Int)
    /// `--store` names something other than a PostgreSQL URL (shown with its password hidden).
    case notPostgresURL(redacted: String)
    /// The workspace's own SQLite file cannot be opened or upgraded; `cause` says why and what to do.
    case localStoreUnusable(path: String, cause: String)
    /// The lesson's reference could not be composed from the pack's `solutions/`.
    case reference(ReferenceCompositionError)

    public var problem: String {
        switch self {
        case .unwritable(let path, let reason): "cannot write the workspace at \(path) (\(reason))"
        case .newerFormat(let path, let found, let supported):
            "the workspace at \(path) was made by a newer workshop (format \(found); this one knows \(supported))"
        case .notPostgresURL(let redacted): "--store takes a PostgreSQL URL (postgres://user@host/database), not '\(redacted)'"
        case .localStoreUnusable(_, let cause): cause
        case .reference(let error): "\(error)"
        }
    }

    public var remedy: String? {
        switch self {
        case .unwritable: "choose another folder with --workspace DIR or fix its permissions"
        case .newerFormat: "update the tool, or use another folder with --workspace DIR"
        case .notPostgresURL, .reference, .localStoreUnusable: nil
        }
    }
}
