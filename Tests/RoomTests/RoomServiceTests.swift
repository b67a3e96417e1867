import EventSourcing
import EventStores
import Foundation
import Room
import StoreWindow
import Testing
import Workspace

/// The room's handlers, called as the server calls them: bytes in, a status and JSON out.
@Suite("The room's handlers")
struct RoomServiceTests {
    let store = InMemoryEventStore()
    let settings = RoomFolder.Settings(code: "K7Q-4MX", token: "secret-token", address: nil, createdAt: Date())
    var service: RoomService { RoomService(store: store, settings: settings) }
    let alice = UUID()

    func json(_ object: Any) -> Data { try! JSONSerialization.data(withJSONObject: object) }

    func join(_ service: RoomService, code: String = "K7Q-4MX", learner: UUID, name: String = "alice") -> APIResponse {
        service.join(RoomWire.encode(RoomWire.Join(code: code, learner: learner, name: name)))
    }

    func batch(_ events: [RoomWire.Event], code: String = "K7Q-4MX", learner: UUID) -> Data {
        RoomWire.encode(RoomWire.Events(code: code, learner: learner, events: events))
    }

    func event(_ type: String, _ body: ProgressEvent.Body, id: UUID = UUID()) -> RoomWire.Event {
        RoomWire.Event(id: id, type: type, body: body, at: Date())
    }

    @Test("joining needs the right code; any case, with or without its dash")
    func joinCode() {
        let service = self.service
        let wrong = join(service, code: "AAA-AAA", learner: alice)
        #expect(wrong.status == 403)
        #expect(wrong.text.contains("wrong join code"))
        #expect(join(service, code: "k7q4mx", learner: alice).status == 200)
        #expect(join(service, learner: UUID(), name: "bob").status == 200)
    }

    @Test("names are 1 to 40 characters without control characters")
    func names() {
        let service = self.service
        #expect(join(service, learner: alice, name: "  ").status == 400)
        #expect(join(service, learner: alice, name: String(repeating: "x", count: 41)).status == 400)
        #expect(join(service, learner: alice, name: "a\u{1B}[31mb").status == 400)
        #expect(join(service, learner: alice, name: "Zoë").status == 200)
    }

    @Test("a batch sent twice is stored once: event ids make re-sending idempotent")
    func idempotent() throws {
        let service = self.service
        _ = join(service, learner: alice)
        let events = [
            event("LessonStarted", .init(lesson: "deciding")), event("HintShown", .init(lesson: "deciding", tier: 1)),
        ]
        let first = service.receive(batch(events, learner: alice))
        #expect(first.status == 200)
        #expect(first.text.contains("\"stored\":2"))
        let again = service.receive(batch(events + [event("HintShown", .init(lesson: "deciding", tier: 2))], learner: alice))
        #expect(again.text.contains("\"stored\":1"))
        let stream = try store.read(RoomProjection.stream(of: alice))
        #expect(stream.filter { $0.type != "LearnerJoined" }.map(\.eventId) == events.map(\.id) + [stream.last!.eventId])
        #expect(try service.current().forwarded == 3)
    }

    @Test("posting needs the code, and a learner who joined; an empty batch says only 'still here'")
    func postingNeedsCode() {
        let service = self.service
        #expect(service.receive(batch([], learner: alice)).status == 403)
        _ = join(service, learner: alice)
        #expect(service.receive(batch([], code: "BAD-BAD", learner: alice)).status == 403)
        #expect(service.receive(batch([], learner: alice)).status == 200)
    }

    @Test("malformed requests are refused with a 4xx and a message, and nothing is stored")
    func malformed() throws {
        let service = self.service
        _ = join(service, learner: alice)
        let before = try store.readAll(from: 0, limit: nil).count
        let cases: [(Data, Int, String)] = [
            (Data("not json".utf8), 400, "not JSON"),
            (json(["code": "K7Q-4MX"]), 400, "lacks 'learner'"),
            (json(["code": "K7Q-4MX", "learner": "not-a-uuid", "events": []]), 400, "learner"),
            (json(["code": 5, "learner": alice.uuidString, "events": []]), 400, "wrong type"),
            (Data(repeating: 32, count: RoomValidation.maxBodyBytes + 1), 413, "at most 64 KiB"),
            (batch([event("DropTable", .init(lesson: "a"))], learner: alice), 400, "not a progress event"),
            (batch([event("LessonStarted", .init(lesson: "../etc"))], learner: alice), 400, "a lesson is named"),
            (batch([event("HintShown", .init(lesson: "a", tier: 99))], learner: alice), 400, "tier"),
            (batch([event("CheckRun", .init(lesson: "a", passed: 5, total: 3))], learner: alice), 400, "passed"),
            (batch([event("CheckRun", .init(lesson: "a", passed: 1, total: 3, errorClass: "boom"))], learner: alice), 400, "error class"),
            (batch([event("HelpAsked", .init(lesson: "a", line: String(repeating: "x", count: 201)))], learner: alice), 400, "at most 200"),
            (
                batch((0...RoomValidation.maxEventsPerBatch).map { _ in event("LessonStarted", .init(lesson: "a")) }, learner: alice), 413,
                "at most"
            ),
        ]
        for (body, status, message) in cases {
            let answer = service.receive(body)
            #expect(answer.status == status, "\(message)")
            #expect(answer.text.contains(message), "\(answer.text)")
        }
        // One bad event refuses the whole batch.
        let mixed = batch([event("LessonStarted", .init(lesson: "a")), event("Nope", .init(lesson: "a"))], learner: alice)
        #expect(service.receive(mixed).status == 400)
        #expect(try store.readAll(from: 0, limit: nil).count == before)
    }

    @Test("the instructor's view needs the token; a learner's code is not enough")
    func token() {
        let service = self.service
        #expect(service.view(token: nil).status == 401)
        #expect(service.view(token: "K7Q-4MX").status == 403)
        #expect(service.view(token: "secret-token").status == 200)
        #expect(service.help(token: nil, body: Data()).status == 401)
    }

    @Test("help-me puts a learner in the queue with their lesson and last failure; the instructor takes it, then marks it done")
    func helpQueue() throws {
        let service = self.service
        _ = join(service, learner: alice)
        _ = service.receive(
            batch(
                [
                    event("LessonStarted", .init(lesson: "folding")),
                    event("CheckRun", .init(lesson: "folding", passed: 2, total: 5, firstFailure: "a move after the win is refused")),
                    event("HelpAsked", .init(lesson: "folding", line: "my evolve forgets the board")),
                ], learner: alice))
        var help = try service.current().help
        #expect(help.count == 1)
        #expect(help.first?.name == "alice")
        #expect(help.first?.firstFailure == "a move after the win is refused")
        #expect(help.first?.status == "waiting")
        let take = RoomWire.encode(RoomWire.HelpAction(learner: alice, action: "taken"))
        #expect(service.help(token: "secret-token", body: take).status == 200)
        help = try service.current().help
        #expect(help.first?.status == "taken")
        #expect(
            service.help(token: "secret-token", body: RoomWire.encode(RoomWire.HelpAction(learner: alice, action: "maybe"))).status == 400)
        #expect(
            service.help(token: "secret-token", body: RoomWire.encode(RoomWire.HelpAction(learner: alice, action: "done"))).status == 200)
        #expect(try service.current().help.isEmpty)
        // Nothing left to mark.
        #expect(service.help(token: "secret-token", body: take).status == 404)
    }

    @Test("the instructor's announcements need the token, are one line, and come back with each learner's next batch")
    func announcements() throws {
        let service = self.service
        _ = join(service, learner: alice)
        let line = RoomWire.encode(RoomWire.Announce(line: "break until 11:00"))
        #expect(service.announce(token: nil, body: line).status == 401)
        #expect(service.announce(token: "secret-token", body: RoomWire.encode(RoomWire.Announce(line: "a\nb"))).status == 400)
        #expect(service.announce(token: "secret-token", body: line).status == 200)
        let decoder = JSONDecoder()
        let first = try decoder.decode(RoomWire.Receipt.self, from: service.receive(batch([], learner: alice)).body)
        #expect(first.announcements == [RoomWire.Announcement(revision: 0, line: "break until 11:00")])
        let seen = RoomWire.encode(RoomWire.Events(code: "K7Q-4MX", learner: alice, events: [], after: 0))
        #expect(try decoder.decode(RoomWire.Receipt.self, from: service.receive(seen).body).announcements == [])
        #expect(try service.current().learners.count == 1, "announcements are not learners")
    }
}
