import Curriculum
import EventSourcing
import Foundation
import StoreWindow

/// States for the window, folded by the learner's own evolve in a warm host built from the same
/// cached executable as the shell's. It has a host process of its own: the shell's answers one
/// question at a time, and a page moving a slider must not wait on a `watch` in the shell.
final class LearnerStates: StateSource, @unchecked Sendable {
    private let session: Session
    private let playground: Playground
    /// The host answers one request at a time; the server asks from many tasks.
    private let lock = NSLock()

    init(session: Session) {
        self.session = session
        playground = Playground(session: session)
    }

    func folds(_ category: String) -> Bool {
        (try? session.course.stateView(for: category, upTo: session.currentLesson())) != nil
    }

    func state(after events: [RecordedEvent], of stream: StreamName) throws -> FoldedState {
        let view = try StateSupport.view(for: stream, in: session)
        return try lock.withLock { FoldedState(state: try playground.fold(events, view: view), picture: view.picture) }
    }
}

/// The learner's progress projection as the window shows it: every lesson of the course, in order.
final class LearnerProgressProjection: ProgressSource, @unchecked Sendable {
    private let session: Session

    init(session: Session) { self.session = session }

    func projection() throws -> JSONValue {
        let progress = try session.workspace.progress()
        let lessons = session.course.lessons.map { lesson -> JSONValue in
            let entry = progress[lesson.id]
            return .object([
                "number": .number(Double(lesson.number)), "id": .string(lesson.id), "title": .string(lesson.title),
                "status": .string(entry.status.rawValue), "checks": .number(Double(entry.checks)),
                "hintsUsed": .number(Double(entry.hintsUsed)), "secondsSpent": .number(entry.secondsSpent.rounded()),
                "bestPassed": .number(Double(entry.bestPassed)), "total": .number(Double(entry.total)),
            ])
        }
        return .object(["currentLesson": progress.currentLesson.map(JSONValue.string) ?? .null, "lessons": .array(lessons)])
    }
}
