import EventStores
import Foundation
import Room
import Testing
import Workspace

/// The instructor's `catch-up` suggestions: made for one learner or for everyone behind a lesson,
/// and delivered to those learners only, with their next answer.
@Suite("The room's catch-up suggestions")
struct RoomSuggestionTests {
    let store = InMemoryEventStore()
    let settings = RoomFolder.Settings(code: "K7Q-4MX", token: "secret-token", address: nil, createdAt: Date())
    let agenda = RoomAgenda(
        days: [.init(title: "Day one", startsAt: 540, slots: ["a", "b", "c"].map { .init(lesson: $0, title: $0, minutes: 30) })],
        lessons: ["a", "b", "c"])
    var service: RoomService { RoomService(store: store, settings: settings, agenda: agenda) }

    func learner(_ service: RoomService, _ name: String, on lesson: String?) -> UUID {
        let id = UUID()
        _ = service.join(RoomWire.encode(RoomWire.Join(code: "K7Q-4MX", learner: id, name: name)))
        if let lesson {
            let event = RoomWire.Event(id: UUID(), type: "LessonStarted", body: .init(lesson: lesson), at: Date())
            _ = service.receive(RoomWire.encode(RoomWire.Events(code: "K7Q-4MX", learner: id, events: [event])))
        }
        return id
    }

    func received(_ service: RoomService, _ learner: UUID, after: UInt64? = nil) throws -> [RoomWire.Suggestion] {
        let answer = service.receive(
            RoomWire.encode(RoomWire.Events(code: "K7Q-4MX", learner: learner, events: [], suggestionsAfter: after)))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(RoomWire.Receipt.self, from: answer.body).suggestions ?? []
    }

    func suggest(_ service: RoomService, _ lesson: String, to name: String? = nil, token: String? = "secret-token") -> (Int, String) {
        let answer = service.suggest(token: token, body: RoomWire.encode(RoomWire.Suggest(lesson: lesson, learner: name)))
        return (answer.status, String(decoding: answer.body, as: UTF8.self))
    }

    @Test("everyone behind the lesson receives it, and only they; a learner named receives it alone")
    func delivered() throws {
        let service = self.service
        let ada = learner(service, "ada", on: "a")
        let bob = learner(service, "bob", on: "c")
        let cy = learner(service, "cy", on: nil)
        let (status, text) = suggest(service, "b")
        #expect(status == 200)
        #expect(text.contains("ada") && text.contains("cy") && !text.contains("bob"), "\(text)")
        #expect(try received(service, ada).map(\.lesson) == ["b"])
        #expect(try received(service, cy).map(\.lesson) == ["b"])
        #expect(try received(service, bob).isEmpty)
        // Named: bob alone, though he is ahead; once seen, a suggestion is not sent again.
        #expect(suggest(service, "a", to: "bob").0 == 200)
        let bobs = try received(service, bob)
        #expect(bobs.map(\.lesson) == ["a"])
        #expect(try received(service, bob, after: bobs.last?.revision).isEmpty)
        let adas = try received(service, ada, after: 0)
        #expect(adas.isEmpty, "the first suggestion (revision 0) was seen; bob's is not ada's: \(adas)")
    }

    @Test("a suggestion needs the token, a lesson of the course and a learner in the room")
    func refused() {
        let service = self.service
        _ = learner(service, "ada", on: "a")
        _ = learner(service, "ada", on: "b")
        #expect(suggest(service, "b", token: nil).0 == 401)
        #expect(suggest(service, "b", token: "nope").0 == 403)
        #expect(suggest(service, "zz").0 == 400)
        #expect(suggest(service, "b", to: "nobody").0 == 404)
        #expect(suggest(service, "b", to: "ada").0 == 409)
        #expect(
            RoomService(store: store, settings: settings).suggest(
                token: "secret-token", body: RoomWire.encode(RoomWire.Suggest(lesson: "b"))
            ).status == 409)
        #expect((try? store.read(RoomService.suggestions, from: nil, direction: .forwards, limit: 10)) == nil)
    }

    @Test("a shell asks about the latest suggestion made since it started; an older one is not asked, a timeless one is")
    func question() throws {
        let started = Date(timeIntervalSince1970: 2_000_000)
        let before = RoomWire.Suggestion(revision: 0, lesson: "b", at: started.addingTimeInterval(-60))
        let after = RoomWire.Suggestion(revision: 1, lesson: "c", at: started.addingTimeInterval(30))
        #expect(RoomForwarder.question(in: [before], shellStarted: started) == nil, "made while nobody could answer")
        #expect(RoomForwarder.question(in: [before, after], shellStarted: started) == after)
        #expect(RoomForwarder.question(in: [after, before], shellStarted: started) == after, "the latest of those since the start")
        let sameSecond = RoomWire.Suggestion(revision: 2, lesson: "b", at: started.addingTimeInterval(-0.5))
        #expect(RoomForwarder.question(in: [sameSecond], shellStarted: started) == sameSecond, "the wire keeps whole seconds")
        let old = RoomWire.Suggestion(revision: 3, lesson: "b")
        #expect(RoomForwarder.question(in: [old], shellStarted: started) == old, "a room that sends no time is asked as before")
    }
}
