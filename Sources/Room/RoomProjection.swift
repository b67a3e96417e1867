import EventSourcing
import Foundation
import Workspace

/// The room's read model, folded from its store's all-stream: one line per learner, and the help
/// queue. It catches up from the last position it saw (`RoomService` keeps one warm), the way the
/// course's projections do.
public struct RoomProjection: Sendable {
    /// Where the next event to fold sits in the all-stream.
    public private(set) var next: UInt64 = 0
    var learners: [UUID: LearnerState] = [:]
    /// Progress events forwarded by learners (joins and the instructor's marks not counted).
    public private(set) var forwarded = 0
    /// The instructor's changes to the agenda for this room.
    public private(set) var schedule = RoomScheduleChanges()

    public init() {}

    /// The stream of one learner in the room's store.
    public static func stream(of learner: UUID) -> StreamName { StreamName(category: "learner", id: learner.uuidString.lowercased()) }

    static let joined = "LearnerJoined"
    static let helpTaken = "HelpTaken"
    static let helpDone = "HelpDone"

    struct LearnerState: Sendable {
        var name = ""
        var joinedAt: Date?
        var lesson: String?
        var passed: Int?
        var total: Int?
        var firstFailure: String?
        var errorClass: String?
        var lastGreen: Date?
        var hints: [String: Int] = [:]
        /// Lessons whose reference was shown before they passed (`solution --instructor`).
        var referencesViewedEarly: Set<String> = []
        var completed: Set<String> = []
        var help: HelpRequest?
        /// Where the open request arrived in the room's log: the learners' clocks keep whole
        /// seconds, so two requests in one second are told apart by the order they came in.
        var helpPosition: UInt64 = 0
        var events = 0
    }

    public mutating func apply(_ event: RecordedEvent) {
        next = max(next, event.position + 1)
        if event.stream == RoomScheduleChanges.stream { return schedule.apply(event) }
        guard event.stream.category == "learner", let id = event.stream.id.flatMap(UUID.init(uuidString:)) else { return }
        let at = Self.time(of: event)
        var learner = learners[id] ?? LearnerState()
        defer { learners[id] = learner }
        switch event.type {
        case Self.joined:
            learner.name = ((try? event.decode([String: String].self)) ?? [:])["name"] ?? learner.name
            learner.joinedAt = learner.joinedAt ?? at
            return
        case Self.helpTaken:
            if learner.help != nil { learner.help?.status = "taken" }
            return
        case Self.helpDone:
            learner.help = nil
            return
        default: break
        }
        guard let progress = ProgressEvent(event) else { return }
        learner.events += 1
        forwarded += 1
        switch progress {
        case .lessonStarted(let lesson):
            learner.lesson = lesson
            learner.passed = nil
            learner.total = nil
            learner.firstFailure = nil
            learner.errorClass = nil
        case .hintShown(let lesson, let tier):
            learner.hints[lesson] = max(learner.hints[lesson] ?? 0, tier)
        case .checkRun(let lesson, let passed, let total, let firstFailure, let errorClass):
            learner.lesson = learner.lesson ?? lesson
            learner.passed = passed
            learner.total = total
            learner.firstFailure = passed == total ? nil : firstFailure
            learner.errorClass = passed == total ? nil : errorClass
            if total > 0, passed == total { learner.lastGreen = at }
        case .lessonCompleted(let lesson), .lessonSkipped(let lesson):
            learner.completed.insert(lesson)
        case .helpAsked(let lesson, let line):
            learner.help = HelpRequest(
                learner: id, name: learner.name, lesson: lesson, line: line, askedAt: at, status: "waiting",
                firstFailure: learner.firstFailure)
            learner.helpPosition = event.position
        case .helpCancelled:
            learner.help = nil
        case .referenceViewedEarly(let lesson):
            learner.referencesViewedEarly.insert(lesson)
        }
    }

    /// When the event happened: the learner's own clock (kept in its metadata), else when stored.
    static func time(of event: RecordedEvent) -> Date {
        guard let metadata = try? JSONDecoder().decode([String: String].self, from: event.metadata), let at = metadata["at"],
            let date = ISO8601DateFormatter().date(from: at)
        else { return event.createdAt }
        // A learner's clock that runs ahead does not put events in the room's future.
        return min(date, event.createdAt)
    }

    /// The view at `now`, with who is connected; sorted by who most needs help: an open request
    /// first (oldest first, by the order of arrival within a second), then the longest red, then the rest by name.
    /// With an agenda, each row says whether the learner is ahead of, on or behind the lesson the
    /// room's clock (`calendar`'s time zone) says, and the view carries the day's histogram.
    public func view(now: Date, connected: Set<UUID>, agenda: RoomAgenda? = nil, calendar: Calendar = .current) -> RoomView {
        let plan = agenda.flatMap { DayPlan.make($0, schedule) }
        let expected = plan?.expected(atMinute: DayPlan.minute(of: now, calendar: calendar))
        let rows = learners.map { id, state in
            let red = state.total.map { state.passed != $0 } ?? false
            let since = state.lastGreen ?? state.joinedAt
            return LearnerRow(
                learner: id, name: state.name, lesson: state.lesson, passed: state.passed, total: state.total,
                firstFailure: state.firstFailure, errorClass: state.errorClass, red: red,
                minutesSinceGreen: since.map { max(0, Int(now.timeIntervalSince($0) / 60)) }, lastGreen: state.lastGreen,
                hintsUsed: state.lesson.flatMap { state.hints[$0] } ?? 0,
                referenceViewedEarly: state.lesson.map { state.referencesViewedEarly.contains($0) } ?? false,
                completed: state.completed.count,
                connected: connected.contains(id),
                help: state.help.map { $0.with(name: state.name) }, events: state.events,
                pace: RoomPace.pace(of: state.lesson, expected: expected, order: agenda?.lessons ?? []))
        }
        let sorted = rows.sorted { a, b in
            switch (a.help, b.help) {
            case (let x?, let y?):
                let (first, second) = (learners[a.learner]?.helpPosition ?? 0, learners[b.learner]?.helpPosition ?? 0)
                return (x.askedAt, first) < (y.askedAt, second)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): break
            }
            if a.red != b.red { return a.red }
            if a.red, a.minutesSinceGreen != b.minutesSinceGreen { return (a.minutesSinceGreen ?? 0) > (b.minutesSinceGreen ?? 0) }
            return (a.name, a.learner.uuidString) < (b.name, b.learner.uuidString)
        }
        let pace = plan.map { RoomPace.make(plan: $0, expected: expected, rows: sorted, order: agenda?.lessons ?? []) }
        return RoomView(learners: sorted, help: sorted.compactMap(\.help), forwarded: forwarded, at: now, pace: pace)
    }
}

/// One learner's line in the instructor's view.
public struct LearnerRow: Codable, Sendable, Equatable {
    public var learner: UUID
    public var name: String
    public var lesson: String?
    public var passed: Int?
    public var total: Int?
    public var firstFailure: String?
    public var errorClass: String?
    /// The last check did not pass every scenario.
    public var red: Bool
    /// Minutes since the last all-green check (since joining, before any).
    public var minutesSinceGreen: Int?
    public var lastGreen: Date?
    /// The highest hint tier shown on the current lesson.
    public var hintsUsed: Int
    /// The current lesson's reference was shown before it passed.
    public var referenceViewedEarly: Bool = false
    public var completed: Int
    public var connected: Bool
    public var help: HelpRequest?
    /// Progress events the room holds from this learner.
    public var events: Int
    /// `ahead`, `on time` or `behind` the lesson the room's agenda says now (nil without one).
    public var pace: String?
}

/// A learner waiting for the instructor (or being helped).
public struct HelpRequest: Codable, Sendable, Equatable {
    public var learner: UUID
    public var name: String
    public var lesson: String
    public var line: String
    public var askedAt: Date
    /// `waiting` or `taken`.
    public var status: String
    public var firstFailure: String?

    func with(name: String) -> HelpRequest {
        var copy = self
        copy.name = name
        return copy
    }
}

/// The whole room at one moment.
public struct RoomView: Codable, Sendable, Equatable {
    public var learners: [LearnerRow]
    public var help: [HelpRequest]
    public var forwarded: Int
    public var at: Date
    /// The day against its time boxes (nil when the room has no agenda).
    public var pace: RoomPace?
}
