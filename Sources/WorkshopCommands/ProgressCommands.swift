import ArgumentParser
import EventSourcing
import Foundation
import Shell
import Workspace

/// `progress`: the projection of the learner's progress stream.
struct ProgressCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress", abstract: "Show your progress: status, time spent, hints used and references seen early, per lesson.",
        discussion: "A projection of your progress events (see `events`): the tool keeps its own state the way it teaches.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    struct Entry: Encodable {
        var number: Int
        var lesson: String
        var status: String
        var minutesSpent: Int
        var hintsUsed: Int
        var checks: Int
        /// The reference solution was shown before the lesson was passed (`solution --early`).
        var referenceViewedEarly: Bool
    }

    func run(in session: Session) throws {
        let progress = try session.workspace.progress()
        let entries = session.course.lessons.map { lesson in
            let line = progress[lesson.id]
            return Entry(
                number: lesson.number, lesson: lesson.id, status: line.status.rawValue,
                minutesSpent: Int((line.secondsSpent / 60).rounded()), hintsUsed: line.hintsUsed, checks: line.checks,
                referenceViewedEarly: line.referenceViewedEarly)
        }
        if json { return try session.json(entries) }
        let out = session.out
        let rows = entries.map { entry in
            [
                entry.number < 10 ? "0\(entry.number)" : "\(entry.number)", entry.lesson, LessonsCommand.badge(entry.status, out),
                Self.timeSpent(entry, seconds: progress[entry.lesson].secondsSpent),
                entry.hintsUsed == 0 ? "" : "\(entry.hintsUsed)", entry.checks == 0 ? "" : "\(entry.checks)",
                entry.referenceViewedEarly ? "seen early" : "",
            ]
        }
        for line in TableRenderer(styler: out.styler, width: out.width).render(
            header: ["#", "lesson", "status", "time", "hints", "checks", "reference"], rows: rows)
        {
            out.line(line)
        }
        out.line()
        out.line("\(progress.completedCount) of \(session.course.lessons.count) lessons done")
    }
}

extension ProgressCommand {
    /// "12 min", "<1 min" for a lesson opened moments ago; nothing for one never worked on.
    static func timeSpent(_ entry: Entry, seconds: Double) -> String {
        if entry.status == LessonStatus.notStarted.rawValue || seconds <= 0 { return "" }
        return seconds < 30 ? "<1 min" : "\(entry.minutesSpent) min"
    }
}

/// `events`: the learner's own history, shown as the event stream it is.
struct EventsCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Show your own history as an event stream.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var window: ReadWindow
    @Flag(help: "Print JSON.") var json = false

    struct Entry: Encodable {
        var revision: UInt64
        var position: UInt64
        var type: String
        var data: String
        var createdAt: Date
        var eventId: UUID
    }

    func run(in session: Session) throws {
        let stored = try session.workspace.progressEvents()
        let events = window.window.apply(stored)
        let entries = events.map {
            Entry(
                revision: $0.revision, position: $0.position, type: $0.type, data: String(decoding: $0.data, as: UTF8.self),
                createdAt: $0.createdAt, eventId: $0.eventId)
        }
        if json { return try session.json(entries) }
        let out = session.out
        out.line(out.styled("stream \(ProgressEvent.stream)", .bold) + " · " + window.window.count(shown: events.count, of: stored.count))
        guard !events.isEmpty else {
            return out.paragraph("Nothing recorded yet: `start 1` appends your first event, LessonStarted.")
        }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let rows = entries.map { ["\($0.revision)", out.styled($0.type, .cyan), formatter.string(from: $0.createdAt), $0.data] }
        for line in TableRenderer(styler: out.styler, width: out.width).render(header: ["rev", "type", "time", "data"], rows: rows) {
            out.line(line)
        }
    }
}
