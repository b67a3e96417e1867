import EventSourcing
import Foundation

/// Where a lesson stands for the learner.
public enum LessonStatus: String, Sendable, Codable {
    case notStarted = "not started"
    case inProgress = "in progress"
    case completed
    case skipped
}

/// One lesson's line in the progress read model.
public struct LessonProgress: Sendable, Equatable, Codable {
    public var status: LessonStatus = .notStarted
    /// Seconds spent with this lesson as the current one, until it was completed or another was started.
    public var secondsSpent: TimeInterval = 0
    public var hintsUsed = 0
    public var checks = 0
    public var bestPassed = 0
    public var total = 0
    /// Its reference was shown before it passed (`solution --instructor`).
    public var referenceViewedEarly = false
}

/// The progress read model: a projection of the progress stream, folded event by event.
public struct LearnerProgress: Sendable, Equatable {
    public var lessons: [String: LessonProgress] = [:]
    /// The lesson the learner is on: the one started last.
    public var currentLesson: String?
    var currentSince: Date?

    public subscript(lesson: String) -> LessonProgress { lessons[lesson] ?? LessonProgress() }

    /// Folds the recorded events; time on the current lesson runs until `now`.
    public static func project(_ events: [RecordedEvent], now: Date) -> LearnerProgress {
        var progress = events.reduce(into: LearnerProgress()) { $0.apply($1) }
        progress.stopClock(at: now)
        return progress
    }

    mutating func apply(_ recorded: RecordedEvent) {
        guard let event = ProgressEvent(recorded) else { return }
        let at = recorded.createdAt
        switch event {
        case .lessonStarted(let id):
            stopClock(at: at)
            currentLesson = id
            currentSince = at
            update(id) { if $0.status == .notStarted { $0.status = .inProgress } }
        case .hintShown(let id, let tier):
            update(id) { $0.hintsUsed = max($0.hintsUsed, tier) }
        case .checkRun(let id, let passed, let total, _, _):
            update(id) {
                $0.checks += 1
                $0.bestPassed = max($0.bestPassed, passed)
                $0.total = total
            }
        case .lessonCompleted(let id):
            if currentLesson == id { stopClock(at: at) }
            // A skipped lesson stays skipped: its passing code came from the reference, not the learner.
            update(id) { if $0.status != .skipped { $0.status = .completed } }
        case .lessonSkipped(let id):
            if currentLesson == id { stopClock(at: at) }
            update(id) { if $0.status != .completed { $0.status = .skipped } }
        case .referenceViewedEarly(let id):
            update(id) { $0.referenceViewedEarly = true }
        case .helpAsked, .helpCancelled:
            break
        }
    }

    private mutating func update(_ id: String, _ change: (inout LessonProgress) -> Void) {
        change(&lessons[id, default: LessonProgress()])
    }

    /// Adds the time since the current lesson was started to it, and stops counting.
    mutating func stopClock(at time: Date) {
        guard let id = currentLesson, let since = currentSince else { return }
        lessons[id, default: LessonProgress()].secondsSpent += max(0, time.timeIntervalSince(since))
        currentSince = nil
    }

    public var completedCount: Int { lessons.values.filter { $0.status == .completed }.count }
}
