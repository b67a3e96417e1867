import EventStores
import Foundation
import Room
import StoreWindow
import Testing
import Workspace

/// The room's agenda: the pack's time boxes, the instructor's changes as events, and where the
/// room should be by the clock.
@Suite("The room's schedule")
struct RoomScheduleTests {
    let store = InMemoryEventStore()
    let settings = RoomFolder.Settings(code: "K7Q-4MX", token: "secret-token", address: nil, createdAt: Date())
    // Day 1 from 09:00: a (09:00–09:30), b (09:30–10:00), coffee (10:00–10:15), c (10:15–11:00). Day 2 from 09:00: d.
    let agenda = RoomAgenda(
        days: [
            .init(
                title: "Day one", startsAt: 540,
                slots: [
                    .init(lesson: "a", title: "A", minutes: 30), .init(lesson: "b", title: "B", minutes: 30),
                    .init(lesson: nil, title: "Coffee", minutes: 15), .init(lesson: "c", title: "C", minutes: 45),
                ]),
            .init(title: "Day two", startsAt: 540, slots: [.init(lesson: "d", title: "D", minutes: 60)]),
        ], lessons: ["a", "b", "c", "d"])
    let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// 2026-12-02 at `clock` (UTC).
    func at(_ clock: String) -> Date { ISO8601DateFormatter().date(from: "2026-12-02T\(clock):00Z")! }

    func service(at clock: String) -> RoomService {
        let now = at(clock)
        return RoomService(store: store, settings: settings, agenda: agenda, calendar: calendar, clock: { now })
    }

    func start(_ service: RoomService, _ name: String, on lesson: String?) {
        let learner = UUID()
        _ = service.join(RoomWire.encode(RoomWire.Join(code: "K7Q-4MX", learner: learner, name: name)))
        guard let lesson else { return }
        let event = RoomWire.Event(id: UUID(), type: "LessonStarted", body: .init(lesson: lesson), at: Date())
        _ = service.receive(RoomWire.encode(RoomWire.Events(code: "K7Q-4MX", learner: learner, events: [event])))
    }

    @Test("the clock places the room: in a time box its lesson, in a break the lesson before, outside the day its ends")
    func expected() throws {
        let plan = try #require(DayPlan.make(agenda, RoomScheduleChanges()))
        #expect(plan.expected(atMinute: 8 * 60) == "a")
        #expect(plan.expected(atMinute: 9 * 60 + 29) == "a")
        #expect(plan.expected(atMinute: 9 * 60 + 30) == "b")
        #expect(plan.expected(atMinute: 10 * 60 + 5) == "b")
        #expect(plan.expected(atMinute: 10 * 60 + 15) == "c")
        #expect(plan.expected(atMinute: 17 * 60) == "c")
        var noClock = agenda
        noClock.days[0].startsAt = nil
        #expect(DayPlan.make(noClock, RoomScheduleChanges())?.expected(atMinute: 600) == nil)
    }

    @Test("the view says who is ahead, on time and behind, with a bar per lesson of the day")
    func histogram() throws {
        let service = service(at: "09:40")
        start(service, "ada", on: "a")
        start(service, "bob", on: "b")
        start(service, "cy", on: "b")
        start(service, "dee", on: "c")
        start(service, "eve", on: "d")
        start(service, "fay", on: nil)
        let view = try service.current()
        let pace = try #require(view.pace)
        #expect(pace.expected == "b")
        #expect(pace.bars.map(\.lesson) == ["a", "b", "c"])
        #expect(pace.bars.map(\.learners) == [1, 2, 1])
        #expect(pace.after == 1)
        #expect(pace.before == 1)
        #expect((pace.ahead, pace.onTime, pace.behind) == (2, 2, 2))
        let paces = Dictionary(uniqueKeysWithValues: view.learners.map { ($0.name, $0.pace) })
        #expect(paces == ["ada": "behind", "bob": "on time", "cy": "on time", "dee": "ahead", "eve": "ahead", "fay": "behind"])
    }

    @Test("the instructor moves the day and a time box with events; the pack is not touched")
    func changes() throws {
        let service = service(at: "09:40")
        start(service, "bob", on: "b")
        // A late start: at 09:40 the room should still be on a (09:15–09:45).
        let late = service.schedule(token: "secret-token", body: RoomWire.encode(RoomWire.Schedule(starts: "09:15")))
        #expect(late.status == 200)
        #expect(try service.current().pace?.expected == "a")
        #expect(try service.current().learners.first?.pace == "ahead")
        // a's box shortened to 10 minutes: b runs 09:25–09:55.
        #expect(service.schedule(token: "secret-token", body: RoomWire.encode(RoomWire.Schedule(lesson: "a", minutes: 10))).status == 200)
        let plan = try #require(try service.current().pace?.plan)
        #expect(plan.startsAt == 555)
        #expect(plan.startMoved)
        #expect(plan.slots.map(\.start) == [555, 565, 595, 610])
        #expect(plan.slots[0].changed)
        #expect(try service.current().pace?.expected == "b")
        // Day two, from the pack's 09:00.
        #expect(service.schedule(token: "secret-token", body: RoomWire.encode(RoomWire.Schedule(day: 2))).status == 200)
        let second = try #require(try service.current().pace)
        #expect(second.plan.day == 2)
        #expect(second.plan.startsAt == 540)
        #expect(second.expected == "d")
        #expect(second.behind == 1)
        #expect(agenda.days[0].startsAt == 540)
        let types = try store.read(RoomScheduleChanges.stream, from: nil, direction: .forwards, limit: 10).map(\.type)
        #expect(types == ["DayStartMoved", "TimeBoxChanged", "RoomDayChosen"])
        // A new service over the same store (a restarted room) folds the same schedule.
        #expect(try self.service(at: "09:40").current().pace?.plan.day == 2)
    }

    @Test("a change needs the token and is checked: days, times, lessons and boxes in range")
    func refused() {
        let service = service(at: "09:40")
        func change(_ schedule: RoomWire.Schedule, token: String? = "secret-token") -> Int {
            service.schedule(token: token, body: RoomWire.encode(schedule)).status
        }
        #expect(change(RoomWire.Schedule(day: 2), token: nil) == 401)
        #expect(change(RoomWire.Schedule(day: 2), token: "guess") == 403)
        #expect(change(RoomWire.Schedule(day: 3)) == 400)
        #expect(change(RoomWire.Schedule(starts: "9h30")) == 400)
        #expect(change(RoomWire.Schedule(starts: "24:00")) == 400)
        #expect(change(RoomWire.Schedule(lesson: "zz", minutes: 10)) == 400)
        #expect(change(RoomWire.Schedule(lesson: "a", minutes: 0)) == 400)
        #expect(change(RoomWire.Schedule(lesson: "a")) == 400)
        #expect(service.schedule(token: "secret-token", body: Data("[1]".utf8)).status == 400)
        let without = RoomService(store: store, settings: settings)
        #expect(without.schedule(token: "secret-token", body: RoomWire.encode(RoomWire.Schedule(day: 1))).status == 409)
        #expect((try? store.read(RoomScheduleChanges.stream, from: nil, direction: .forwards, limit: 10)) == nil)
    }

    @Test("each batch's answer carries the room's plan (a learner's `agenda` places the room with it)")
    func receipt() throws {
        let service = service(at: "09:40")
        _ = service.schedule(token: "secret-token", body: RoomWire.encode(RoomWire.Schedule(starts: "10:00")))
        let learner = UUID()
        _ = service.join(RoomWire.encode(RoomWire.Join(code: "K7Q-4MX", learner: learner, name: "ada")))
        let answer = service.receive(RoomWire.encode(RoomWire.Events(code: "K7Q-4MX", learner: learner, events: [])))
        let receipt = try JSONDecoder().decode(RoomWire.Receipt.self, from: answer.body)
        #expect(receipt.schedule?.startsAt == 600)
        #expect(receipt.schedule?.expected(atMinute: 10 * 60 + 35) == "b")
    }
}
