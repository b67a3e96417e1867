import ArgumentParser
import Curriculum
import Foundation
import Room
import Shell
import Workspace

/// `agenda`: the day's schedule with time boxes, breaks and where the learner is.
struct AgendaCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda", abstract: "Show today's schedule: time boxes, breaks and where you are.")
    static let completions: [ArgumentCompletion] = [.words(["all"])]
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("A day's number, or 'all' (default: the day of your current lesson).", valueName: "day"))
    var day: String?
    @Flag(help: "Print JSON.") var json = false

    struct Slot: Encodable {
        enum Kind: String, Encodable { case lesson, `break`, debrief }
        var kind: Kind
        var start: String?
        var end: String?
        var minutes: Int
        var lesson: String?
        var title: String
        var status: String?
        var current: Bool
        /// The room (joined with `join`) should be on this lesson now, by its schedule.
        var room: Bool
    }

    struct Day: Encodable {
        var number: Int
        var title: String
        /// Lessons for when time allows: no clock, after the course's days.
        var optional: Bool
        var slots: [Slot]
    }

    struct Agenda: Encodable {
        var days: [Day]
        /// The room's day as its instructor planned it, and the lesson it should be on now.
        var room: RoomPlace?
    }

    struct RoomPlace: Encodable {
        var day: Int
        var startsAt: String?
        var lesson: String?
    }

    func run(in session: Session) throws {
        let course = session.course
        let progress = try session.workspace.progress()
        let current = progress.currentLesson.flatMap(course.lesson)
        let days: [Int]
        switch day?.lowercased() {
        case "all": days = Array(course.days.indices)
        case let number?:
            guard let index = Int(number), course.days.indices.contains(index - 1) else {
                throw WorkshopError("there is no day '\(number)'; the course has days 1 to \(course.days.count), or `agenda all`")
            }
            days = [index - 1]
        case nil:
            let today = current.flatMap(course.day(of:)).flatMap { day in course.days.firstIndex(of: day) } ?? 0
            days = [today]
        }
        // A joined room's plan replaces the pack's times for its day (the instructor may have moved them).
        let plan = RoomMembership.load(from: session.workspace)?.schedule
        let roomLesson = plan?.expected(atMinute: DayPlan.minute(of: Date()))
        let agenda = days.map { index in
            Day(
                number: index + 1, title: course.days[index].title, optional: course.days[index].isOptional,
                slots: slots(
                    of: course.days[index], progress: progress, course: course, plan: plan?.day == index + 1 ? plan : nil,
                    roomLesson: roomLesson)
            )
        }
        let place = plan.map { RoomPlace(day: $0.day, startsAt: $0.startsAt.map(Self.clockText), lesson: roomLesson) }
        if json { return try session.json(Agenda(days: agenda, room: place)) }
        let out = session.out
        if let place {
            let lesson = place.lesson.flatMap(course.lesson).map { " · it should be on \(Session.number($0)) \($0.title) now" } ?? ""
            out.line(out.styled("the room is on day \(place.day)" + (place.startsAt.map { " from \($0)" } ?? "") + lesson, .dim))
        }
        for day in agenda {
            out.line(out.styled(day.title, .heading))
            let rows = day.slots.map { slot -> [String] in
                let time = slot.start.map { "\($0)–\(slot.end ?? "")" } ?? "\(slot.minutes) min"
                // In the lesson's own cell, right after its status: a column of its own would be
                // pushed past a narrow window by the longest title above it.
                let marker = [slot.current ? out.styled("◀ you are here", .accent) : "", slot.room ? out.styled("◀ the room", .dim) : ""]
                    .filter { !$0.isEmpty }.map { "  " + $0 }.joined()
                guard let id = slot.lesson, let lesson = course.lesson(id) else {
                    let label = slot.kind == .debrief ? "Debrief · \(slot.title)" : "☕ \(slot.title)"
                    return [time, "", out.styled("\(label) (\(slot.minutes) min)", .dim)]
                }
                return [
                    time, Session.number(lesson),
                    "\(slot.title) (\(slot.minutes) min)  " + LessonsCommand.badge(slot.status ?? "", out) + marker,
                ]
            }
            for line in TableRenderer(styler: out.styler, width: out.width).render(header: ["time", "#", ""], rows: rows).dropFirst() {
                out.line(line)
            }
            out.line()
        }
    }

    private func slots(of day: CourseDay, progress: LearnerProgress, course: Course, plan: DayPlan?, roomLesson: String?) -> [Slot] {
        let here = Self.whereTheLearnerIs(progress, course: course)
        var clock = plan?.startsAt ?? day.startsAt
        return day.schedule.enumerated().map { index, item in
            // The room's plan holds the same slots in the same order, with its own time boxes.
            let minutes = plan.flatMap { $0.slots.indices.contains(index) ? $0.slots[index].minutes : nil } ?? item.minutes
            let start = clock.map(Self.clockText)
            clock = clock.map { $0 + minutes }
            let end = clock.map(Self.clockText)
            switch item {
            case .lesson(let id, _):
                return Slot(
                    kind: .lesson, start: start, end: end, minutes: minutes, lesson: id, title: course.lesson(id)?.title ?? id,
                    status: progress[id].status.rawValue, current: here == id, room: plan != nil && roomLesson == id)
            case .pause(let title, _):
                return Slot(
                    kind: .break, start: start, end: end, minutes: minutes, lesson: nil, title: title, status: nil, current: false,
                    room: false)
            case .debrief(let title, _):
                return Slot(
                    kind: .debrief, start: start, end: end, minutes: minutes, lesson: nil, title: title, status: nil, current: false,
                    room: false)
            }
        }
    }

    /// The lesson the learner is on; once it is done, the next one not done yet.
    static func whereTheLearnerIs(_ progress: LearnerProgress, course: Course) -> String? {
        guard let current = progress.currentLesson, let index = course.lessons.firstIndex(where: { $0.id == current }) else {
            return nil
        }
        let finished: Set<LessonStatus> = [.completed, .skipped]
        guard finished.contains(progress[current].status) else { return current }
        return course.lessons[index...].first { !finished.contains(progress[$0.id].status) }?.id
    }

    static func clockText(_ minutes: Int) -> String {
        let hours = (minutes / 60) % 24, rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
