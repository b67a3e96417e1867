import ArgumentParser
import Curriculum
import Foundation
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
        /// "lesson", "break" or "debrief".
        var kind: String
        var start: String?
        var end: String?
        var minutes: Int
        var lesson: String?
        var title: String
        var status: String?
        var current: Bool
    }

    struct Day: Encodable {
        var number: Int
        var title: String
        var slots: [Slot]
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
        let agenda = days.map { index in
            Day(
                number: index + 1, title: course.days[index].title, slots: slots(of: course.days[index], progress: progress, course: course)
            )
        }
        if json { return try session.json(agenda) }
        let out = session.out
        for day in agenda {
            out.line(out.styled(day.title, .heading))
            let rows = day.slots.map { slot -> [String] in
                let time = slot.start.map { "\($0)–\(slot.end ?? "")" } ?? "\(slot.minutes) min"
                // In the lesson's own cell, right after its status: a column of its own would be
                // pushed past a narrow window by the longest title above it.
                let marker = slot.current ? "  " + out.styled("◀ you are here", .accent) : ""
                guard let id = slot.lesson, let lesson = course.lesson(id) else {
                    let label = slot.kind == "debrief" ? "Debrief · \(slot.title)" : "☕ \(slot.title)"
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

    private func slots(of day: CourseDay, progress: LearnerProgress, course: Course) -> [Slot] {
        let here = Self.whereTheLearnerIs(progress, course: course)
        var clock = day.startsAt
        return day.schedule.map { item in
            let start = clock.map(Self.clockText)
            clock = clock.map { $0 + item.minutes }
            let end = clock.map(Self.clockText)
            switch item {
            case .lesson(let id, let minutes):
                return Slot(
                    kind: "lesson", start: start, end: end, minutes: minutes, lesson: id, title: course.lesson(id)?.title ?? id,
                    status: progress[id].status.rawValue, current: here == id)
            case .pause(let title, let minutes):
                return Slot(
                    kind: "break", start: start, end: end, minutes: minutes, lesson: nil, title: title, status: nil, current: false)
            case .debrief(let title, let minutes):
                return Slot(
                    kind: "debrief", start: start, end: end, minutes: minutes, lesson: nil, title: title, status: nil, current: false)
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
