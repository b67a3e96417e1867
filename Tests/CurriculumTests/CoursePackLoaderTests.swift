import Curriculum
import Foundation
import TestSupport
import Testing

@Suite("Loading a lesson pack")
struct CoursePackLoaderTests {
    let folder = TemporaryFolder()

    func load() throws(PackValidationError) -> Course {
        try CoursePackLoader.load(from: folder.url.appendingPathComponent("lessons"))
    }

    func problems() -> [PackProblem] {
        do {
            _ = try load()
            return []
        } catch {
            return error.problems
        }
    }

    @Test("a good pack loads with its lessons in course order, days, breaks and time boxes")
    func goodPack() throws {
        PackFixture.write(in: folder, lessons: 3)
        let course = try load()
        #expect(course.title == "Fixture Course")
        #expect(course.lessons.map(\.id) == ["lesson-1", "lesson-2", "lesson-3"])
        #expect(course.lessons.map(\.number) == [1, 2, 3])
        #expect(course.days.count == 2)
        #expect(course.days[0].startsAt == 9 * 60)
        #expect(
            course.days[0].schedule == [
                .lesson(id: "lesson-1", minutes: 20), .lesson(id: "lesson-2", minutes: 21), .pause(title: "Coffee", minutes: 15),
            ])
        let second = try #require(course.lesson("2"))
        #expect(second.title == "Lesson number 2")
        #expect(second.objectives == ["Understand thing 2"])
        #expect(second.prerequisites == ["lesson-1"])
        #expect(second.hints.map(\.title) == ["Nudge", "Approach", "Nearly the answer"])
        #expect(second.hints[2].text == "Write `answer(2)`.")
        #expect(second.starterFiles == ["Sources/Game/Step2.swift"])
        #expect(second.text.hasPrefix("# Lesson 2"))
        #expect(!second.text.contains("---"))
    }

    @Test("lessons are found by number, zero-padded number or id, ignoring case")
    func lessonReferences() throws {
        PackFixture.write(in: folder, lessons: 3)
        let course = try load()
        #expect(course.lesson("3")?.id == "lesson-3")
        #expect(course.lesson("03")?.id == "lesson-3")
        #expect(course.lesson("LESSON-1")?.id == "lesson-1")
        #expect(course.lesson("4") == nil)
        #expect(course.lesson("0") == nil)
        #expect(course.lesson("nope") == nil)
        #expect(course.lesson(after: course.lessons[2]) == nil)
        #expect(course.lesson(before: course.lessons[0]) == nil)
        #expect(course.lesson(after: course.lessons[0])?.id == "lesson-2")
    }

    @Test("a missing pack folder is one clear problem, not a crash")
    func missingPack() {
        let found = problems()
        #expect(found.count == 1)
        #expect(found[0].message.contains("no lesson pack here"))
    }

    @Test("invalid YAML in the course file names the file and line")
    func invalidCourseYAML() {
        PackFixture.write(in: folder)
        folder.write("lessons/course.yaml", "title: Broken\ndays:\n  - title: [unclosed\n")
        let found = problems()
        #expect(found.contains { $0.file == "course.yaml" && $0.line != nil && $0.message.contains("not valid YAML") })
    }

    @Test("every problem of a broken pack is reported at once, each with file, line and what to change")
    func everyProblemAtOnce() {
        PackFixture.write(in: folder, lessons: 3)
        // lesson-1: wrong id, bad duration, unknown key.
        folder.write(
            "lessons/lesson-1/lesson.md",
            """
            ---
            id: lesson-one
            title: First
            duration: soon
            objectives:
              - Something
            titel: typo
            ---
            Text.
            """)
        // lesson-2: no hints file.
        folder.remove("lessons/lesson-2/hints.md")
        // lesson-3: front matter never closed.
        folder.write("lessons/lesson-3/lesson.md", "---\nid: lesson-3\ntitle: Third\n")
        // A folder that is not scheduled.
        folder.write("lessons/stray/lesson.md", "---\nid: stray\n---\n")
        let found = problems()
        let descriptions = found.map(\.description)
        #expect(
            descriptions.contains {
                $0.hasPrefix("lesson-1/lesson.md:2:") && $0.contains("'id' is 'lesson-one' but the folder is 'lesson-1'")
            })
        #expect(descriptions.contains { $0.hasPrefix("lesson-1/lesson.md:4:") && $0.contains("'duration' should be a whole number") })
        #expect(
            descriptions.contains { $0.hasPrefix("lesson-1/lesson.md:7:") && $0.contains("unknown field 'titel'; did you mean 'title'?") })
        #expect(descriptions.contains { $0.hasPrefix("lesson-2/hints.md") && $0.contains("missing") })
        #expect(descriptions.contains { $0.hasPrefix("lesson-3/lesson.md:1:") && $0.contains("never closed") })
        #expect(descriptions.contains { $0.contains("'stray/' is not scheduled") })
        #expect(found.count == 6, "\(descriptions)")
    }

    @Test("a scheduled lesson without a folder points at its line in the course file")
    func missingLessonFolder() {
        PackFixture.write(in: folder, lessons: 2)
        folder.remove("lessons/lesson-2")
        let found = problems()
        #expect(found.count == 1)
        #expect(found[0].file == "course.yaml")
        #expect(found[0].line == 11, "\(found)")
        #expect(found[0].message.contains("lesson 'lesson-2' has no folder"))
    }

    @Test("a lesson without a starter folder is named, not loaded as a lesson that starts from nothing")
    func missingStarter() {
        PackFixture.write(in: folder, lessons: 2)
        folder.remove("lessons/lesson-2/starter")
        #expect(
            problems().map(\.description) == [
                "lesson-2/starter/: is missing; add the files the learner starts from (they mirror the workspace, e.g. Sources/<Module>/<File>.swift)"
            ])
    }

    @Test("missing front-matter fields, a bad start time and a break without minutes are each reported")
    func missingFields() {
        PackFixture.write(in: folder, lessons: 1)
        folder.write("lessons/lesson-1/lesson.md", "---\nid: lesson-1\n---\nText\n")
        folder.write(
            "lessons/course.yaml",
            "title: T\ndays:\n  - title: D\n    starts: \"25:00\"\n    schedule:\n      - lesson: lesson-1\n      - break: Lunch\n")
        let messages = problems().map(\.description)
        #expect(messages.contains { $0.contains("missing 'title'") && $0.hasPrefix("lesson-1/lesson.md") })
        #expect(messages.contains { $0.contains("missing 'duration'") })
        #expect(messages.contains { $0.contains("missing 'objectives'") })
        #expect(messages.contains { $0.hasPrefix("course.yaml:4:") && $0.contains("'starts' should be a time") })
        #expect(messages.contains { $0.hasPrefix("course.yaml:7:") && $0.contains("missing 'minutes'") })
    }

    @Test("a debrief is a slot of its own with a title and minutes; without minutes it is reported")
    func debriefSlot() throws {
        PackFixture.write(in: folder, lessons: 2)
        folder.write(
            "lessons/course.yaml",
            "title: T\ndays:\n  - title: D\n    starts: \"09:00\"\n    schedule:\n      - lesson: lesson-1\n      - debrief: Questions\n        minutes: 10\n      - lesson: lesson-2\n"
        )
        let course = try CoursePackLoader.load(from: folder.url.appendingPathComponent("lessons"))
        #expect(course.days[0].schedule[1] == .debrief(title: "Questions", minutes: 10))
        folder.write(
            "lessons/course.yaml",
            "title: T\ndays:\n  - title: D\n    schedule:\n      - lesson: lesson-1\n      - debrief: Questions\n      - lesson: lesson-2\n"
        )
        #expect(problems().map(\.description).contains { $0.hasPrefix("course.yaml:6:") && $0.contains("missing 'minutes'") })
    }

    @Test("an optional day keeps no clock and comes last; a flag that is not true or false is reported")
    func optionalDay() throws {
        PackFixture.write(in: folder, lessons: 2)
        let clocked = "  - title: D\n    starts: \"09:00\"\n    schedule:\n      - lesson: lesson-1\n"
        let optional = "  - title: Later\n    optional: true\n    schedule:\n      - lesson: lesson-2\n"
        folder.write("lessons/course.yaml", "title: T\ndays:\n" + clocked + optional)
        let course = try CoursePackLoader.load(from: folder.url.appendingPathComponent("lessons"))
        #expect(course.days.map(\.isOptional) == [false, true])
        #expect(course.lessons.map(\.id) == ["lesson-1", "lesson-2"])
        folder.write("lessons/course.yaml", "title: T\ndays:\n" + optional + clocked)
        #expect(problems().first?.description == "course.yaml:7: the day 'D' comes after an optional day; put optional days last")
        folder.write(
            "lessons/course.yaml",
            "title: T\ndays:\n" + clocked
                + "  - title: Later\n    optional: maybe\n    starts: \"13:00\"\n    schedule:\n      - lesson: lesson-2\n")
        #expect(
            problems().map(\.description) == [
                "course.yaml:8: 'optional' should be true or false, not 'maybe'"
            ])
        folder.write(
            "lessons/course.yaml",
            "title: T\ndays:\n" + clocked
                + "  - title: Later\n    optional: true\n    starts: \"13:00\"\n    schedule:\n      - lesson: lesson-2\n")
        #expect(problems().map(\.description) == ["course.yaml:9: an optional day keeps no clock; remove 'starts' (or 'optional')"])
    }

    @Test("prerequisites must be earlier lessons of the course")
    func prerequisites() {
        PackFixture.write(in: folder, lessons: 2)
        folder.write(
            "lessons/lesson-1/lesson.md",
            "---\nid: lesson-1\ntitle: One\nduration: 10\nobjectives: [x]\nprerequisites: [lesson-2, lesson-9]\n---\nText\n")
        let messages = problems().map(\.message)
        #expect(messages.contains { $0.contains("'lesson-2' comes after this lesson") })
        #expect(messages.contains { $0.contains("'lesson-9' is not a lesson of this course") })
    }

    @Test("a lesson scheduled twice and hints without tiers are reported")
    func duplicatesAndEmptyHints() {
        PackFixture.write(in: folder, lessons: 1)
        folder.write(
            "lessons/course.yaml", "title: T\ndays:\n  - title: D\n    schedule:\n      - lesson: lesson-1\n      - lesson: lesson-1\n")
        folder.write("lessons/lesson-1/hints.md", "Just text, no headings.\n")
        let messages = problems().map(\.message)
        #expect(messages.contains { $0.contains("scheduled twice") })
        #expect(messages.contains { $0.contains("has no hints") })
    }
}

@Suite("Did you mean")
struct SuggestionTests {
    @Test("a near typo suggests the closest word; a far one suggests nothing")
    func suggestions() {
        #expect(Suggestion.closest(to: "lesons", among: ["lessons", "lesson", "start"]) == "lessons")
        #expect(Suggestion.closest(to: "strat", among: ["lessons", "start"]) == "start")
        #expect(Suggestion.closest(to: "prog", among: ["progress", "prev"]) == "progress")
        #expect(Suggestion.closest(to: "xyzzy", among: ["lessons", "start"]) == nil)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
    }
}
