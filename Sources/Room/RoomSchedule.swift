import EventSourcing
import Foundation

/// The course's agenda as the room keeps it: the pack's days and time boxes (handed in by the
/// host, which loaded the pack), and the instructor's changes for this room, stored as events in
/// the room's `schedule` stream. The pack is never copied or edited: a room that starts late on
/// day two says so with one event, and every view (the page, `room watch`, a learner's `agenda`)
/// folds the same events.
public struct RoomAgenda: Codable, Sendable, Equatable {
    public struct Slot: Codable, Sendable, Equatable {
        /// The lesson's id; nil for a break.
        public var lesson: String?
        public var title: String
        public var minutes: Int

        public init(lesson: String?, title: String, minutes: Int) {
            self.lesson = lesson
            self.title = title
            self.minutes = minutes
        }
    }

    public struct Day: Codable, Sendable, Equatable {
        public var title: String
        /// Minutes after midnight; nil when the pack gives the day no start.
        public var startsAt: Int?
        public var slots: [Slot]

        public init(title: String, startsAt: Int?, slots: [Slot]) {
            self.title = title
            self.startsAt = startsAt
            self.slots = slots
        }
    }

    public var days: [Day]
    /// Every lesson id in the course's order (a learner's place is compared along it).
    public var lessons: [String]

    public init(days: [Day], lessons: [String]) {
        self.days = days
        self.lessons = lessons
    }
}

/// The instructor's changes to the pack's agenda for this room, folded from the `schedule` stream.
public struct RoomScheduleChanges: Codable, Sendable, Equatable {
    /// The day the room is on (from 1); day 1 until the instructor says otherwise.
    public var day = 1
    /// A day's start moved, in minutes after midnight, by day number.
    public var starts: [Int: Int] = [:]
    /// A lesson's time box changed, in minutes, by lesson id.
    public var boxes: [String: Int] = [:]

    public init() {}

    public static let stream: StreamName = "schedule"
    static let dayChosen = "RoomDayChosen"
    static let dayStartMoved = "DayStartMoved"
    static let timeBoxChanged = "TimeBoxChanged"

    /// The body of a schedule event (each carries one field, by its type).
    struct Body: Codable {
        var day: Int?
        var startsAt: Int?
        var lesson: String?
        var minutes: Int?
    }

    mutating func apply(_ event: RecordedEvent) {
        guard let body = try? event.decode(Body.self) else { return }
        switch event.type {
        case Self.dayChosen: if let day = body.day { self.day = day }
        case Self.dayStartMoved: if let day = body.day, let startsAt = body.startsAt { starts[day] = startsAt }
        case Self.timeBoxChanged: if let lesson = body.lesson, let minutes = body.minutes { boxes[lesson] = minutes }
        default: break
        }
    }
}

/// The room's day as planned now: each slot with its start and end on the clock, after the
/// instructor's changes. The room computes it; a learner's shell receives it with each answer and
/// places the room on it with its own clock.
public struct DayPlan: Codable, Sendable, Equatable {
    public struct Slot: Codable, Sendable, Equatable {
        public var lesson: String?
        public var title: String
        public var minutes: Int
        /// Minutes after midnight; nil when the day has no start.
        public var start: Int?
        /// The instructor changed this time box.
        public var changed: Bool
    }

    /// The day's number, from 1.
    public var day: Int
    public var title: String
    public var startsAt: Int?
    /// The instructor moved the day's start.
    public var startMoved: Bool
    public var slots: [Slot]

    /// The day the room is on, with the instructor's changes; nil for a day the pack does not have.
    public static func make(_ agenda: RoomAgenda, _ changes: RoomScheduleChanges) -> DayPlan? {
        guard agenda.days.indices.contains(changes.day - 1) else { return nil }
        let day = agenda.days[changes.day - 1]
        let startsAt = changes.starts[changes.day] ?? day.startsAt
        var clock = startsAt
        let slots = day.slots.map { slot in
            let box = slot.lesson.flatMap { changes.boxes[$0] }
            let minutes = box ?? slot.minutes
            defer { clock = clock.map { $0 + minutes } }
            return Slot(lesson: slot.lesson, title: slot.title, minutes: minutes, start: clock, changed: box != nil)
        }
        return DayPlan(day: changes.day, title: day.title, startsAt: startsAt, startMoved: changes.starts[changes.day] != nil, slots: slots)
    }

    /// The lesson the room should be on at `minute` (minutes after midnight): the one whose time
    /// box holds it; during a break, the lesson before it; before the day, its first lesson; after
    /// it, its last. Nil when the day has no start (the pack gives no clock to follow).
    public func expected(atMinute minute: Int) -> String? {
        guard startsAt != nil else { return nil }
        var last: String?
        for slot in slots {
            guard let start = slot.start else { return nil }
            if minute < start { return last ?? slots.lazy.compactMap(\.lesson).first }
            if let lesson = slot.lesson { last = lesson }
            if minute < start + slot.minutes { return last ?? slots.lazy.compactMap(\.lesson).first }
        }
        return last
    }

    /// Minutes after midnight of `date` on `calendar`'s clock (the room's local time).
    public static func minute(of date: Date, calendar: Calendar = .current) -> Int {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }
}

/// Where the room stands against the plan: a bar per lesson of the day (how many learners are on
/// it), and how many are ahead of, on or behind the lesson the clock says.
public struct RoomPace: Codable, Sendable, Equatable {
    public struct Bar: Codable, Sendable, Equatable {
        public var lesson: String
        public var title: String
        public var start: Int?
        public var minutes: Int
        public var learners: Int
    }

    public var plan: DayPlan
    /// The lesson the room should be on now.
    public var expected: String?
    public var bars: [Bar]
    /// Learners on a lesson of an earlier day (or not started).
    public var before: Int
    /// Learners on a lesson of a later day.
    public var after: Int
    public var ahead: Int
    public var onTime: Int
    public var behind: Int

    /// A learner's place against the expected lesson: `ahead`, `on time` or `behind`; nil when the
    /// clock gives no expected lesson. A learner who has not started a lesson is behind.
    static func pace(of lesson: String?, expected: String?, order: [String]) -> String? {
        guard let expected, let target = order.firstIndex(of: expected) else { return nil }
        guard let lesson, let place = order.firstIndex(of: lesson) else { return "behind" }
        return place < target ? "behind" : place == target ? "on time" : "ahead"
    }

    static func make(plan: DayPlan, expected: String?, rows: [LearnerRow], order: [String]) -> RoomPace {
        let today = plan.slots.compactMap(\.lesson)
        let first = today.first.flatMap(order.firstIndex(of:)) ?? 0
        var bars = plan.slots.compactMap { slot in
            slot.lesson.map { Bar(lesson: $0, title: slot.title, start: slot.start, minutes: slot.minutes, learners: 0) }
        }
        var before = 0, after = 0
        for row in rows {
            if let lesson = row.lesson, let bar = bars.firstIndex(where: { $0.lesson == lesson }) {
                bars[bar].learners += 1
            } else if let lesson = row.lesson, let place = order.firstIndex(of: lesson), place > first {
                after += 1
            } else {
                before += 1
            }
        }
        let paces = rows.map(\.pace)
        return RoomPace(
            plan: plan, expected: expected, bars: bars, before: before, after: after, ahead: paces.filter { $0 == "ahead" }.count,
            onTime: paces.filter { $0 == "on time" }.count, behind: paces.filter { $0 == "behind" }.count)
    }

    /// `09:40` for 580 minutes after midnight.
    public static func clock(_ minutes: Int) -> String {
        let hours = (minutes / 60) % 24, rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
