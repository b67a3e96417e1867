import Foundation

/// A whole lesson pack: the course file's agenda and the lessons in teaching order.
public struct Course: Sendable {
    public var title: String
    public var days: [CourseDay]
    /// Every lesson in teaching order; a lesson's number is its place here, from 1.
    public var lessons: [Lesson]
    /// The grids the pack draws its states and histories as (`pictures.yaml`), by name.
    public var pictures: [String: GridPicture]
    /// The pack's folder (`lessons/`).
    public var folder: URL
    /// Where reference solutions live (`solutions/` beside the pack), one folder per lesson id.
    public var solutionsFolder: URL

    /// Finds a lesson by number (`4`, `04`) or id (`deciding`), ignoring case; nil if none matches.
    public func lesson(_ reference: String) -> Lesson? {
        let trimmed = reference.trimmingCharacters(in: .whitespaces).lowercased()
        if let number = Int(trimmed) {
            return lessons.indices.contains(number - 1) ? lessons[number - 1] : nil
        }
        return lessons.first { $0.id == trimmed }
    }

    public func lesson(after lesson: Lesson) -> Lesson? {
        lessons.indices.contains(lesson.number) ? lessons[lesson.number] : nil
    }

    public func lesson(before lesson: Lesson) -> Lesson? {
        lesson.number >= 2 ? lessons[lesson.number - 2] : nil
    }

    /// Every lesson up to and including `lesson`: the code a learner on it has written. Every
    /// module counts, not only the current lesson's: a game played on day 1 can still be shown,
    /// replayed and moved in on day 2, each by its own lesson's binding and module.
    func lessonsSoFar(upTo lesson: Lesson?) -> [Lesson] {
        guard let lesson else { return [] }
        return Array(lessons.prefix(lesson.number))
    }

    /// The domain commands a learner on `lesson` can type: those of every lesson up to it.
    public func domainCommands(upTo lesson: Lesson?) -> [DomainCommand] {
        lessonsSoFar(upTo: lesson).flatMap(\.commands)
    }

    /// The read models a learner on `lesson` can look at; a later lesson's view of the same name replaces an earlier one.
    public func readModels(upTo lesson: Lesson?) -> [ReadModelView] {
        lessonsSoFar(upTo: lesson).flatMap(\.readModels)
    }

    /// The latest way to show a category's state that a learner on `lesson` has written the code for.
    public func stateView(for category: String, upTo lesson: Lesson?) -> StateView? {
        lessonsSoFar(upTo: lesson).flatMap(\.stateViews).last { $0.category == category }
    }

    /// The first lesson of the course that shows a category's state, whether or not the learner
    /// has reached it: what to tell someone who asks too early, or about a category never folded.
    public func firstLesson(foldingStatesOf category: String) -> Lesson? {
        lessons.first { $0.stateViews.contains { $0.category == category } }
    }

    /// The reactions a learner on `lesson` has written the code for; a later lesson's reaction of
    /// the same name replaces an earlier one.
    public func reactions(upTo lesson: Lesson?) -> [Reaction] {
        var latest: [String: Reaction] = [:]
        var order: [String] = []
        for reaction in lessonsSoFar(upTo: lesson).flatMap(\.reactions) {
            if latest[reaction.name] == nil { order.append(reaction.name) }
            latest[reaction.name] = reaction
        }
        return order.compactMap { latest[$0] }
    }

    /// The day a lesson is taught on.
    public func day(of lesson: Lesson) -> CourseDay? {
        days.first { $0.lessonIds.contains(lesson.id) }
    }
}

/// One day of the course: its title, when it starts and its schedule of lessons and breaks.
public struct CourseDay: Sendable, Hashable {
    public var title: String
    /// Minutes after midnight; nil when the day has no fixed start.
    public var startsAt: Int?
    /// Lessons for when time allows (`optional: true`): after the course's days, with no clock and
    /// no length to keep; a room adds them, a self-paced learner goes on to them.
    public var isOptional: Bool = false
    public var schedule: [AgendaItem]

    public var lessonIds: [String] {
        schedule.compactMap { if case .lesson(let id, _) = $0 { id } else { nil } }
    }
}

/// A slot in a day's schedule.
public enum AgendaItem: Sendable, Hashable {
    /// A lesson and its time box in minutes.
    case lesson(id: String, minutes: Int)
    /// A break, lunch or any other pause.
    case pause(title: String, minutes: Int)
    /// The room together after a block of lessons: what was hard, what the references show, and
    /// questions; a workshop that skips them loses the learners who are behind.
    case debrief(title: String, minutes: Int)

    public var minutes: Int {
        switch self {
        case .lesson(_, let minutes), .pause(_, let minutes), .debrief(_, let minutes): minutes
        }
    }
}

/// One lesson: its text, hints, starter files and hidden suite.
public struct Lesson: Sendable, Hashable {
    /// Its place in the course, from 1.
    public var number: Int
    /// The slug, equal to the lesson's folder name.
    public var id: String
    public var title: String
    /// The time box in minutes.
    public var duration: Int
    public var objectives: [String]
    /// Lesson ids that should be done first.
    public var prerequisites: [String]
    /// The lesson's text (Markdown, front matter removed).
    public var text: String
    /// Hints in tiers: a nudge first, nearly the answer last.
    public var hints: [Hint]
    /// Starter files, as paths relative to the starter folder (which mirrors the workspace).
    public var starterFiles: [String]
    /// The lesson's folder.
    public var folder: URL
    /// The hidden suite's file, if the lesson has one.
    public var suiteFile: URL?
    /// The hidden suite, when the pack was loaded with its suites; `Course.suite(of:)` is the way to ask.
    var loadedSuite: Suite?
    /// The binding that connects the host to the learner's code (with the suite; never shown to learners).
    public var bindingFile: URL?
    /// Shell commands of the lesson's domain that this lesson introduces (`commands.yaml`).
    public var commands: [DomainCommand] = []
    /// How this lesson's code shows the state of a category's streams (`states:` in `commands.yaml`).
    public var stateViews: [StateView] = []
    /// Code of this lesson's that reacts to events in the shell (`reactions:` in `commands.yaml`).
    public var reactions: [Reaction] = []
    /// Read models of this lesson's that the shell shows by name (`views:` in `commands.yaml`).
    public var readModels: [ReadModelView] = []

    public var starterFolder: URL { folder.appendingPathComponent("starter") }

    /// The learner's module this lesson works in: the first folder under `Sources/` in its starter.
    public var module: String? {
        for path in starterFiles {
            let parts = path.split(separator: "/")
            if parts.count >= 3, parts[0] == "Sources" { return String(parts[1]) }
        }
        return nil
    }
}

/// One tier of help.
public struct Hint: Sendable, Hashable {
    public var title: String
    public var text: String
}
