import Curriculum
import EventSourcing
import Foundation
import Playground
import StoreWindow

/// The window's way into the learner's code: a `Playground`, the owner of warm hosts the shell
/// uses, built from the same cached executables. It is an instance of its own, with a host process
/// of its own: the shell's answers one question at a time on the shell's thread, and a page moving
/// a slider must not wait on a `watch` in the shell. States and read models share this one.
final class WindowPlayground: @unchecked Sendable {
    // @unchecked Sendable: its playground is used only under `lock`; the session is `let`.
    let session: Session
    private let playground: Playground
    /// The host answers one request at a time; the server asks from many tasks.
    private let lock = NSLock()

    init(session: Session) {
        self.session = session
        playground = Playground(session: session)
    }

    func withPlayground<Value>(_ body: (Playground) throws -> Value) throws -> Value {
        try lock.withLock { try body(playground) }
    }
}

/// States for the window, folded by the learner's own evolve.
final class LearnerStates: StateSource, Sendable {
    private let code: WindowPlayground
    private var session: Session { code.session }

    init(_ code: WindowPlayground) { self.code = code }

    func folds(_ category: String) -> Bool {
        (try? session.course.stateView(for: category, upTo: session.currentLesson())) != nil
    }

    func state(after events: [RecordedEvent], of stream: StreamName) throws -> FoldedState {
        let view = try StateSupport.view(for: stream, in: session)
        return try code.withPlayground { playground in
            let state = try playground.fold(events, view: view)
            return FoldedState(state: state, picture: view.picture?.draw(state))
        }
    }
}

/// The learner's read models for the window (lesson 9, projections, on): the ones `help` lists
/// for the lesson the workspace is on, run by the learner's projection as the shell runs them.
final class LearnerReadModels: ReadModelSource, Sendable {
    private let code: WindowPlayground
    private var session: Session { code.session }

    init(_ code: WindowPlayground) { self.code = code }

    func catalogue() throws -> ReadModelCatalogue {
        let course = session.course
        let name = { (lesson: Lesson) in LessonName(number: lesson.number, id: lesson.id, title: lesson.title) }
        let current = try session.currentLesson()
        return ReadModelCatalogue(
            lesson: current.map(name), firstLesson: course.lessons.first { !$0.readModels.isEmpty }.map(name),
            views: ShellHelp.lastOfEachName(course.readModels(upTo: current), name: \.name))
    }

    func project(_ view: ReadModelView) throws -> ProjectedModel {
        let projection = try code.withPlayground { try $0.project(view) }
        return ProjectedModel(
            model: projection.model, covered: projection.covered.count, lastPosition: projection.covered.last, behind: projection.behind)
    }
}

/// The learner's progress projection as the window shows it: every lesson of the course, in order.
final class LearnerProgressProjection: ProgressSource, Sendable {
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
