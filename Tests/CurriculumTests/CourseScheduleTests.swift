import Curriculum
import Foundation
import TestSupport
import Testing

/// The course's agenda is what an instructor runs a room by: each day must fit the hours it
/// promises, with lunch, and with the room brought together after every block of lessons.
@Suite("The course's two days fit 09:00–17:00 with lunch and debriefs")
struct CourseScheduleTests {
    let course: Course

    init() throws {
        course = try CoursePackLoader.load(from: WorkshopProcess.repositoryRoot.appendingPathComponent("lessons"))
    }

    /// The days a room runs by the clock; an optional day's lessons come when time allows.
    var days: [CourseDay] { course.days.filter { !$0.isOptional } }

    @Test("each day starts at 09:00 and its slots add up to exactly eight hours")
    func hours() {
        #expect(days.count == 2)
        for day in days {
            #expect(day.startsAt == 9 * 60, "\(day.title)")
            #expect(day.schedule.map(\.minutes).reduce(0, +) == 8 * 60, "\(day.title)")
        }
    }

    @Test("each day has an hour for lunch")
    func lunch() {
        for day in days {
            #expect(day.schedule.contains(.pause(title: "Lunch", minutes: 60)), "\(day.title)")
        }
    }

    @Test("every block of lessons ends with a debrief, before the next break or the end of the day, an optional day's too")
    func debriefs() {
        for day in course.days {
            var lessonsSinceDebrief = 0
            for item in day.schedule {
                switch item {
                case .lesson: lessonsSinceDebrief += 1
                case .debrief: lessonsSinceDebrief = 0
                case .pause(let title, _):
                    #expect(lessonsSinceDebrief == 0, "\(day.title): lessons before \(title) have no debrief")
                }
            }
            #expect(lessonsSinceDebrief == 0, "\(day.title) ends without a debrief")
        }
    }

    @Test("optional days come after the course's days, keep no clock, and hold only lessons that build on them")
    func optionalDays() throws {
        let optional = course.days.filter(\.isOptional)
        #expect(optional.map(\.title) == ["Optional · When time allows"])
        #expect(course.days.last?.isOptional == true)
        #expect(optional.allSatisfy { $0.startsAt == nil })
        let lastOfTheCourse = try #require(days.last?.lessonIds.last.flatMap(course.lesson))
        for id in optional.flatMap(\.lessonIds) {
            #expect((course.lesson(id)?.number ?? 0) > lastOfTheCourse.number, "\(id)")
        }
    }
}
