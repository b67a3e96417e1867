import Curriculum
import EventStores
import Foundation

/// The learner's read models as the shell keeps them between calls: each view's whole model (its
/// checkpoint inside it) in one file, written in one atomic step, so a crash keeps either the old
/// model with its old checkpoint or the new with the new, never the state of one and the position of
/// the other. That is what lets `queue` catch up from where it stopped instead of replaying history.
struct SavedReadModels {
    let folder: URL

    /// One view's saved model, and what it was computed against: code and store.
    struct Saved: Codable, Equatable {
        /// The built host that computed it: other code (the learner edited their projection) means
        /// another projection, which is rebuilt from the first event.
        var code: String
        /// Which store's positions the checkpoint counts.
        var store: String
        var model: JSONValue
    }

    func file(of view: ReadModelView) -> URL { folder.appendingPathComponent("\(view.name).json") }

    /// The saved model of `view`, or nil when there is none or it cannot be read (then the view is
    /// rebuilt, which is always correct, only slower).
    func load(_ view: ReadModelView) -> Saved? {
        guard let data = try? Data(contentsOf: file(of: view)) else { return nil }
        return try? JSONDecoder().decode(Saved.self, from: data)
    }

    func save(_ saved: Saved, of view: ReadModelView) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try JSONEncoder().encode(saved).write(to: file(of: view), options: .atomic)
    }
}

/// How a view's model came to be this time: caught up from a saved checkpoint, or built from the start.
enum CatchUp: Equatable {
    /// From the saved model: the events after `checkpoint`, `applied` of them.
    case resumed(after: UInt64, applied: Int)
    /// From the first event, and why: nothing saved, other code, another store, no checkpoint kept.
    case built(because: String, applied: Int)
}
