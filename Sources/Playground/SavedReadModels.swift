import Curriculum
import Foundation

/// The learner's read models as the shell keeps them between calls: each view's whole model (its
/// checkpoint inside it) in one file, written in one atomic step, so a crash keeps either the old
/// model with its old checkpoint or the new with the new, never the state of one and the position of
/// the other. That is what lets `queue` catch up from where it stopped instead of replaying history.
public struct SavedReadModels: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// One view's saved model, and what it was computed against: code and store.
    public struct Saved: Codable, Equatable, Sendable {
        /// The built host that computed it: other code (the learner edited their projection) means
        /// another projection, which is rebuilt from the first event.
        public var code: String
        /// Which store's positions the checkpoint counts.
        public var store: String
        public var model: JSONValue
        /// The domain events at or before the model's checkpoint, counted when it was saved, so a
        /// catch-up need not read them again to say how many the model covers; nil when not known
        /// (a file from before it was kept, or a checkpoint that went back), and then they are counted.
        public var upToCheckpoint: Coverage?
    }

    /// How many domain events, and the last one's position.
    public struct Coverage: Codable, Equatable, Sendable {
        public var count: Int
        public var last: UInt64?
    }

    public func file(of view: ReadModelView) -> URL { folder.appendingPathComponent("\(view.name).json") }

    /// The saved model of `view`, or nil when there is none or it cannot be read (then the view is
    /// rebuilt, which is always correct, only slower).
    public func load(_ view: ReadModelView) -> Saved? {
        guard let data = try? Data(contentsOf: file(of: view)) else { return nil }
        return try? JSONDecoder().decode(Saved.self, from: data)
    }

    public func save(_ saved: Saved, of view: ReadModelView) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try JSONEncoder().encode(saved).write(to: file(of: view), options: .atomic)
    }
}

/// How a view's model came to be this time: caught up from a saved checkpoint, or built from the start.
public enum CatchUp: Equatable, Sendable {
    /// From the saved model: the events after `checkpoint`, `applied` of them.
    case resumed(after: UInt64, applied: Int)
    /// From the first event, and why: nothing saved, other code, another store, no checkpoint kept.
    case built(because: String, applied: Int)
}
