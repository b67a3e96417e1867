import EventSourcing
import Foundation

/// What the learner did, recorded as events in the workspace's store: the tool eats its own cooking.
public enum ProgressEvent: Sendable, Equatable {
    case lessonStarted(lesson: String)
    case hintShown(lesson: String, tier: Int)
    /// A check's outcome; a red one names its first failing scenario and, when the code did not
    /// get as far as an answer, the class of error (compile error, timeout, crash, error).
    case checkRun(lesson: String, passed: Int, total: Int, firstFailure: String? = nil, errorClass: String? = nil)
    case lessonCompleted(lesson: String)
    case lessonSkipped(lesson: String)
    /// `help-me`: the learner asks the room's instructor, with an optional line of their own.
    case helpAsked(lesson: String, line: String)
    case helpCancelled(lesson: String)
    /// `solution --instructor`: a lesson's reference was shown before the lesson passed. Looking
    /// is recorded, so a reference seen early is no secret from the learner's own history or the room.
    case referenceViewedEarly(lesson: String)

    /// Every type this version writes, so a receiver can refuse any other.
    public static let types = [
        "LessonStarted", "HintShown", "CheckRun", "LessonCompleted", "LessonSkipped", "HelpAsked", "HelpCancelled", "ReferenceViewedEarly",
    ]

    /// The stream that holds one workspace's progress: a system stream (`$`), the tool's own
    /// bookkeeping, which the learner's listings of their domain leave out unless asked.
    public static let stream: StreamName = "$progress-learner"
    /// Where workspaces kept their progress before it became a system stream. Such a workspace is
    /// migrated when it opens (its events moved under the new name, ids, times and order kept),
    /// rather than read under both names, so that every listing needs only `StreamName.isSystem`.
    static let legacyStream: StreamName = "progress-learner"

    public var type: String {
        switch self {
        case .lessonStarted: "LessonStarted"
        case .hintShown: "HintShown"
        case .checkRun: "CheckRun"
        case .lessonCompleted: "LessonCompleted"
        case .lessonSkipped: "LessonSkipped"
        case .helpAsked: "HelpAsked"
        case .helpCancelled: "HelpCancelled"
        case .referenceViewedEarly: "ReferenceViewedEarly"
        }
    }

    public var lesson: String {
        switch self {
        case .lessonStarted(let lesson), .hintShown(let lesson, _), .checkRun(let lesson, _, _, _, _),
            .lessonCompleted(let lesson), .lessonSkipped(let lesson), .helpAsked(let lesson, _), .helpCancelled(let lesson),
            .referenceViewedEarly(let lesson):
            lesson
        }
    }

    /// The flat JSON body every progress event shares; each type uses the fields it needs.
    public struct Body: Codable, Sendable, Equatable {
        public var lesson: String
        public var tier: Int?
        public var passed: Int?
        public var total: Int?
        public var firstFailure: String?
        public var errorClass: String?
        public var line: String?

        public init(
            lesson: String, tier: Int? = nil, passed: Int? = nil, total: Int? = nil, firstFailure: String? = nil,
            errorClass: String? = nil, line: String? = nil
        ) {
            self.lesson = lesson
            self.tier = tier
            self.passed = passed
            self.total = total
            self.firstFailure = firstFailure
            self.errorClass = errorClass
            self.line = line
        }
    }

    /// The event as it is stored: its type name and a flat JSON body.
    public func eventData() -> EventData {
        let body: Body
        switch self {
        case .hintShown(let lesson, let tier): body = Body(lesson: lesson, tier: tier)
        case .checkRun(let lesson, let passed, let total, let firstFailure, let errorClass):
            body = Body(lesson: lesson, passed: passed, total: total, firstFailure: firstFailure, errorClass: errorClass)
        case .helpAsked(let lesson, let line): body = Body(lesson: lesson, line: line)
        default: body = Body(lesson: lesson)
        }
        return EventData(type: type, data: CanonicalJSON.encodeOrEmpty(body))
    }

    /// Reads a stored event back; nil for a type this version does not know (newer tools may add some).
    public init?(_ recorded: RecordedEvent) {
        guard let body = try? recorded.decode(Body.self) else { return nil }
        switch recorded.type {
        case "LessonStarted": self = .lessonStarted(lesson: body.lesson)
        case "HintShown": self = .hintShown(lesson: body.lesson, tier: body.tier ?? 1)
        case "CheckRun":
            self = .checkRun(
                lesson: body.lesson, passed: body.passed ?? 0, total: body.total ?? 0, firstFailure: body.firstFailure,
                errorClass: body.errorClass)
        case "LessonCompleted": self = .lessonCompleted(lesson: body.lesson)
        case "LessonSkipped": self = .lessonSkipped(lesson: body.lesson)
        case "HelpAsked": self = .helpAsked(lesson: body.lesson, line: body.line ?? "")
        case "HelpCancelled": self = .helpCancelled(lesson: body.lesson)
        case "ReferenceViewedEarly": self = .referenceViewedEarly(lesson: body.lesson)
        default: return nil
        }
    }
}

extension Workspace {
    /// Appends one progress event. Other shells may write too, so it appends at `any`: progress events
    /// are independent facts, and no decision here depends on having read the latest.
    public func record(_ event: ProgressEvent) throws {
        _ = try progressStore.append([event.eventData()], to: ProgressEvent.stream, expected: .any)
    }

    /// The learner's history as recorded events.
    public func progressEvents() throws -> [RecordedEvent] {
        try progressStore.readIfPresent(ProgressEvent.stream)
    }

    /// The current state of the learner's progress.
    public func progress(now: Date = Date()) throws -> LearnerProgress {
        LearnerProgress.project(try progressEvents(), now: now)
    }
}
