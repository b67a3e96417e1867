import EventSourcing
import EventStores
import Foundation
import StoreWindow
import Workspace

/// The room's handlers, as plain functions from a request's parts to an answer (the server only
/// routes to them, so they are tested without a socket). Posting needs the join code; reading the
/// room needs the instructor token.
public final class RoomService: @unchecked Sendable {
    // @unchecked Sendable: the projection and who was last seen change only under `lock`; the rest is `let`.
    public let store: any EventStore
    let settings: RoomFolder.Settings
    let clock: @Sendable () -> Date
    /// The pack's agenda, when the host loaded one; the room's schedule changes apply to it.
    let agenda: RoomAgenda?
    /// The room's clock for the agenda (the host's time zone).
    let calendar: Calendar
    /// A learner is connected while their shell has been heard from this recently (it says "still
    /// here" every few seconds).
    public static let connectedWindow: TimeInterval = 15

    private let lock = NSLock()
    private var projection = RoomProjection()
    private var lastSeen: [UUID: Date] = [:]

    public init(
        store: any EventStore, settings: RoomFolder.Settings, agenda: RoomAgenda? = nil, calendar: Calendar = .current,
        clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.settings = settings
        self.agenda = agenda
        self.calendar = calendar
        self.clock = clock
    }

    // MARK: Learners (the join code)

    public func join(_ body: Data) -> APIResponse {
        answer {
            let join = try decode(RoomWire.Join.self, body)
            try checkCode(join.code)
            let name = try RoomValidation.name(join.name)
            try append(
                [
                    EventData(
                        type: RoomProjection.joined, data: CanonicalJSON.encodeOrEmpty(["name": name]), metadata: metadata(at: clock()))
                ],
                for: join.learner)
            seen(join.learner)
            return (200, APIJSON.encode(["room": "joined", "name": name]))
        }
    }

    /// A batch of a learner's progress events; events the room already holds (by id) are not stored again.
    public func receive(_ body: Data) -> APIResponse {
        answer {
            let batch = try decode(RoomWire.Events.self, body)
            try checkCode(batch.code)
            guard batch.events.count <= RoomValidation.maxEventsPerBatch else {
                throw RoomValidation.Refusal(413, "at most \(RoomValidation.maxEventsPerBatch) events a batch")
            }
            for event in batch.events { try RoomValidation.event(event) }
            let stream = RoomProjection.stream(of: batch.learner)
            guard let before = try store.currentRevision(of: stream) else {
                throw RoomValidation.Refusal(403, "this learner has not joined the room: `join URL CODE` first")
            }
            let data = batch.events.map {
                EventData(eventId: $0.id, type: $0.type, data: CanonicalJSON.encodeOrEmpty($0.body), metadata: metadata(at: $0.at))
            }
            // "Still here" costs no write (each write waits for the disk).
            let after = data.isEmpty ? before : try append(data, for: batch.learner)
            seen(batch.learner)
            let stored = Int((after ?? before) - before)
            let news = try announcements(after: batch.after)
            let plan = try plan()
            let suggested = try suggestions(for: batch.learner, after: batch.suggestionsAfter)
            let receipt = RoomWire.Receipt(
                received: batch.events.count, stored: stored, announcements: news, schedule: plan, suggestions: suggested)
            return (200, APIJSON.encode(receipt))
        }
    }

    // MARK: The instructor (the token)

    /// The room now, for the instructor's view and `room status`.
    public func view(token: String?) -> APIResponse {
        answer {
            try checkToken(token)
            return (200, APIJSON.encode(try current()))
        }
    }

    /// Marks a learner's help request taken or done.
    public func help(token: String?, body: Data) -> APIResponse {
        answer {
            try checkToken(token)
            let action = try decode(RoomWire.HelpAction.self, body)
            let type: String
            switch action.action {
            case "taken": type = RoomProjection.helpTaken
            case "done": type = RoomProjection.helpDone
            default:
                throw RoomValidation.Refusal(
                    400, "a help request is marked 'taken' or 'done', not '\(RoomValidation.clipped(action.action))'")
            }
            guard try current().help.contains(where: { $0.learner == action.learner }) else {
                throw RoomValidation.Refusal(404, "that learner has no open help request")
            }
            try append([EventData(type: type, data: Data("{}".utf8), metadata: metadata(at: clock()))], for: action.learner)
            return (200, APIJSON.encode(["help": action.action]))
        }
    }

    /// Changes the room's agenda: the day it is on, a day's start, a lesson's time box. Each is an
    /// event of the `schedule` stream; the pack stays as it is.
    public func schedule(token: String?, body: Data) -> APIResponse {
        answer {
            try checkToken(token)
            guard let agenda else { throw RoomValidation.Refusal(409, "this room was started without a lesson pack, so it has no agenda") }
            let change = try decode(RoomWire.Schedule.self, body)
            var events: [EventData] = []
            func event(_ type: String, _ body: RoomScheduleChanges.Body) {
                events.append(EventData(type: type, data: CanonicalJSON.encodeOrEmpty(body), metadata: metadata(at: clock())))
            }
            let days = 1...agenda.days.count
            if let day = change.day {
                guard days.contains(day) else {
                    throw RoomValidation.Refusal(400, "the course has days \(days.lowerBound) to \(days.upperBound)")
                }
                event(RoomScheduleChanges.dayChosen, .init(day: day))
            }
            if let starts = change.starts {
                guard let minute = RoomWire.Schedule.minute(fromClock: starts) else {
                    throw RoomValidation.Refusal(400, "a day starts at a time like 09:30, not '\(RoomValidation.clipped(starts))'")
                }
                event(RoomScheduleChanges.dayStartMoved, .init(day: try change.day ?? plan()?.day ?? 1, startsAt: minute))
            }
            if change.lesson != nil || change.minutes != nil {
                guard let lesson = change.lesson, agenda.lessons.contains(lesson) else {
                    throw RoomValidation.Refusal(
                        400, "a time box is changed for a lesson of the course, by its id (as `lessons` lists them)")
                }
                guard let minutes = change.minutes, (1...600).contains(minutes) else {
                    throw RoomValidation.Refusal(400, "a time box is 1 to 600 minutes")
                }
                event(RoomScheduleChanges.timeBoxChanged, .init(lesson: lesson, minutes: minutes))
            }
            if !events.isEmpty { try store.append(events, to: RoomScheduleChanges.stream, expected: .any) }
            return (200, APIJSON.encode(try current().pace))
        }
    }

    /// The stream of the instructor's suggestions, each naming the learners it is for.
    public static let suggestions: StreamName = "suggestions"

    /// Suggests `catch-up LESSON` to one learner (by name), or to everyone behind the lesson now
    /// (by the course's order); the learners are resolved when it is made, and only they receive it.
    public func suggest(token: String?, body: Data) -> APIResponse {
        answer {
            try checkToken(token)
            let suggest = try decode(RoomWire.Suggest.self, body)
            let order = agenda?.lessons ?? []
            guard order.contains(suggest.lesson) || (agenda == nil && RoomValidation.isLessonId(suggest.lesson)) else {
                throw RoomValidation.Refusal(400, "'\(RoomValidation.clipped(suggest.lesson))' is not a lesson of the course (by its id)")
            }
            let view = try current()
            let learners: [LearnerRow]
            if let name = suggest.learner {
                learners = view.learners.filter { $0.name == name }
                guard !learners.isEmpty else {
                    throw RoomValidation.Refusal(404, "nobody called '\(RoomValidation.clipped(name))' has joined")
                }
                guard learners.count == 1 else { throw RoomValidation.Refusal(409, "\(learners.count) learners are called '\(name)'") }
            } else {
                guard let target = order.firstIndex(of: suggest.lesson) else {
                    throw RoomValidation.Refusal(409, "this room has no agenda, so it cannot tell who is behind; name a learner")
                }
                learners = view.learners.filter { row in (row.lesson.flatMap(order.firstIndex(of:)) ?? -1) < target }
            }
            let ids = learners.map { $0.learner.uuidString.lowercased() }
            if !ids.isEmpty {
                let data = CanonicalJSON.encodeOrEmpty(RoomWire.Suggested(lesson: suggest.lesson, learners: ids))
                try store.append(
                    [EventData(type: "CatchUpSuggested", data: data, metadata: metadata(at: clock()))], to: Self.suggestions, expected: .any
                )
            }
            return (200, APIJSON.encode(RoomWire.Suggested(lesson: suggest.lesson, learners: learners.map(\.name))))
        }
    }

    /// The suggestions for `learner` after a revision (for a shell that has seen none, only the last
    /// one: an old suggestion is not worth a question).
    func suggestions(for learner: UUID, after: UInt64?) throws -> [RoomWire.Suggestion] {
        let events: [RecordedEvent]
        do {
            if let after {
                events = try store.read(Self.suggestions, from: after + 1, direction: .forwards, limit: 50)
            } else {
                events = try store.read(Self.suggestions, from: nil, direction: .backwards, limit: 50).reversed()
            }
        } catch EventStoreError.streamNotFound {
            return []
        }
        let id = learner.uuidString.lowercased()
        let mine = events.compactMap { event -> RoomWire.Suggestion? in
            guard let body = try? event.decode(RoomWire.Suggested.self), body.learners.contains(id) else { return nil }
            return RoomWire.Suggestion(revision: event.revision, lesson: body.lesson, at: event.createdAt)
        }
        return after == nil ? Array(mine.suffix(1)) : mine
    }

    /// The stream of the instructor's announcements.
    public static let announcements: StreamName = "announcements"

    /// Sends a line to every shell in the room (each gets it with its next answer).
    public func announce(token: String?, body: Data) -> APIResponse {
        answer {
            try checkToken(token)
            let line = try decode(RoomWire.Announce.self, body).line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, line.count <= RoomValidation.maxLineLength,
                !line.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) })
            else {
                throw RoomValidation.Refusal(400, "an announcement is one line of 1 to \(RoomValidation.maxLineLength) characters")
            }
            try store.append(
                [EventData(type: "Announced", data: CanonicalJSON.encodeOrEmpty(["line": line]), metadata: metadata(at: clock()))],
                to: Self.announcements, expected: .any)
            return (200, APIJSON.encode(["announced": line]))
        }
    }

    /// Announcements after a revision (all of the last ten for a shell that has seen none).
    func announcements(after: UInt64?) throws -> [RoomWire.Announcement] {
        let events: [RecordedEvent]
        do {
            if let after {
                events = try store.read(Self.announcements, from: after + 1, direction: .forwards, limit: 20)
            } else {
                events = try store.read(Self.announcements, from: nil, direction: .backwards, limit: 10).reversed()
            }
        } catch EventStoreError.streamNotFound {
            return []
        }
        return events.map {
            RoomWire.Announcement(revision: $0.revision, line: ((try? $0.decode([String: String].self)) ?? [:])["line"] ?? "")
        }
    }

    /// The room's day as planned now (nil without an agenda): lighter than the whole view, for
    /// every batch's answer.
    func plan() throws -> DayPlan? {
        guard let agenda else { return nil }
        return try lock.withLock {
            try catchUp()
            return DayPlan.make(agenda, projection.schedule)
        }
    }

    /// Folds what the store holds past the projection's position (under `lock`).
    private func catchUp() throws {
        while true {
            let events = try store.readAll(from: projection.next, limit: 1000)
            for event in events { projection.apply(event) }
            if events.count < 1000 { break }
        }
    }

    /// The room's read model, caught up with the store.
    public func current() throws -> RoomView {
        try lock.withLock {
            try catchUp()
            let now = clock()
            let connected = Set(lastSeen.filter { now.timeIntervalSince($0.value) < Self.connectedWindow }.keys)
            return projection.view(now: now, connected: connected, agenda: agenda, calendar: calendar)
        }
    }

    public func isInstructor(_ token: String?) -> Bool { token == settings.token }

    // MARK: Checks and answers

    private func checkCode(_ code: String) throws(RoomValidation.Refusal) {
        guard RoomFolder.normalized(code) == RoomFolder.normalized(settings.code) else {
            throw RoomValidation.Refusal(403, "wrong join code: ask the instructor for the code on their screen")
        }
    }

    private func checkToken(_ token: String?) throws(RoomValidation.Refusal) {
        guard let token, !token.isEmpty else {
            throw RoomValidation.Refusal(401, "the instructor's view needs the instructor token (printed where the room was started)")
        }
        guard isInstructor(token) else { throw RoomValidation.Refusal(403, "that is not this room's instructor token") }
    }

    private func decode<Value: Decodable>(_ type: Value.Type, _ body: Data) throws(RoomValidation.Refusal) -> Value {
        guard body.count <= RoomValidation.maxBodyBytes else {
            throw RoomValidation.Refusal(413, "a request is at most \(RoomValidation.maxBodyBytes / 1024) KiB")
        }
        do {
            return try RoomWire.decoder().decode(type, from: body)
        } catch let DecodingError.keyNotFound(key, _) {
            throw RoomValidation.Refusal(400, "the request lacks '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw RoomValidation.Refusal(400, "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type")
        } catch let DecodingError.dataCorrupted(context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw RoomValidation.Refusal(400, path.isEmpty ? "the request is not JSON" : "'\(path)' is not valid")
        } catch {
            throw RoomValidation.Refusal(400, "the request is not the expected JSON")
        }
    }

    @discardableResult
    private func append(_ events: [EventData], for learner: UUID) throws -> UInt64? {
        try store.append(events, to: RoomProjection.stream(of: learner), expected: .any)
    }

    private func seen(_ learner: UUID) { lock.withLock { lastSeen[learner] = clock() } }

    private func metadata(at date: Date) -> Data {
        CanonicalJSON.encodeOrEmpty(["at": ISO8601DateFormatter().string(from: date)])
    }

    private func answer(_ body: () throws -> (Int, Data)) -> APIResponse {
        do {
            let (status, data) = try body()
            return APIResponse(status: status, body: data)
        } catch let refusal as RoomValidation.Refusal {
            return APIResponse(status: refusal.status, body: APIJSON.encode(["error": refusal.description]))
        } catch {
            return APIResponse(status: 503, body: APIJSON.encode(["error": "the room's store failed: \(error)"]))
        }
    }
}

extension CanonicalJSON {
    static func encodeOrEmpty<Value: Encodable>(_ value: Value) -> Data {
        (try? encode(value)) ?? Data("{}".utf8)
    }
}
