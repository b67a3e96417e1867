import Foundation
import Workspace

/// What a learner's shell sends the room, as JSON. Every field is checked on arrival
/// (`RoomValidation`): the network is hostile, and the room's store keeps only what it understands.
public enum RoomWire {
    /// `POST /room/join`: a learner enters the room with the code on the instructor's screen.
    public struct Join: Codable, Sendable, Equatable {
        public var code: String
        /// The learner's id, made once by their workspace and kept in it.
        public var learner: UUID
        public var name: String

        public init(code: String, learner: UUID, name: String) {
            self.code = code
            self.learner = learner
            self.name = name
        }
    }

    /// `POST /room/events`: a batch of the learner's progress events, in the order of their stream;
    /// an empty batch says only "still here". Sending a batch again stores nothing twice.
    public struct Events: Codable, Sendable, Equatable {
        public var code: String
        public var learner: UUID
        public var events: [Event]
        /// The last announcement this learner has seen (its revision); the answer brings newer ones.
        public var after: UInt64?
        /// The last suggestion this learner's shell has seen (its revision); the answer brings newer ones for them.
        public var suggestionsAfter: UInt64?

        public init(code: String, learner: UUID, events: [Event], after: UInt64? = nil, suggestionsAfter: UInt64? = nil) {
            self.code = code
            self.learner = learner
            self.events = events
            self.after = after
            self.suggestionsAfter = suggestionsAfter
        }
    }

    /// One progress event as the learner's store holds it: its id (which makes re-sending
    /// idempotent), its type, its body and when the learner's tool recorded it.
    public struct Event: Codable, Sendable, Equatable {
        public var id: UUID
        public var type: String
        public var body: ProgressEvent.Body
        public var at: Date

        public init(id: UUID, type: String, body: ProgressEvent.Body, at: Date) {
            self.id = id
            self.type = type
            self.body = body
            self.at = at
        }
    }

    /// The room's answer to a batch: how many events were new, and announcements after `after`.
    public struct Receipt: Codable, Sendable, Equatable {
        public var received: Int
        public var stored: Int
        public var announcements: [Announcement]?
        /// The room's day as planned now (its agenda with the instructor's changes), for `agenda`.
        public var schedule: DayPlan?
        /// The instructor's suggestions for this learner after `suggestionsAfter`.
        public var suggestions: [Suggestion]?
    }

    /// The instructor suggests `catch-up LESSON` to this learner; their shell asks before doing it.
    public struct Suggestion: Codable, Sendable, Equatable {
        public var revision: UInt64
        public var lesson: String
        /// When the instructor made it: a shell asks only about what came after it started.
        public var at: Date?

        public init(revision: UInt64, lesson: String, at: Date? = nil) {
            self.revision = revision
            self.lesson = lesson
            self.at = at
        }
    }

    /// `POST /api/suggest`: `catch-up LESSON` to one learner (by name) or to everyone behind the lesson.
    public struct Suggest: Codable, Sendable, Equatable {
        public var lesson: String
        public var learner: String?

        public init(lesson: String, learner: String? = nil) {
            self.lesson = lesson
            self.learner = learner
        }
    }

    /// `POST /api/schedule`: the instructor changes the room's agenda; every field is optional.
    public struct Schedule: Codable, Sendable, Equatable {
        /// The day the room is on, from 1.
        public var day: Int?
        /// The day's start, `HH:MM` (the day given, else the room's day).
        public var starts: String?
        /// A lesson's id and its new time box in minutes.
        public var lesson: String?
        public var minutes: Int?

        public init(day: Int? = nil, starts: String? = nil, lesson: String? = nil, minutes: Int? = nil) {
            self.day = day
            self.starts = starts
            self.lesson = lesson
            self.minutes = minutes
        }

        static func minute(fromClock text: String) -> Int? {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
                (0..<24).contains(hours), (0..<60).contains(minutes)
            else { return nil }
            return hours * 60 + minutes
        }
    }

    /// A line the instructor sent to every shell in the room.
    public struct Announcement: Codable, Sendable, Equatable {
        public var revision: UInt64
        public var line: String

        public init(revision: UInt64, line: String) {
            self.revision = revision
            self.line = line
        }
    }

    /// A stored suggestion (the learners by id), and the instructor's answer (the learners by name).
    public struct Suggested: Codable, Sendable, Equatable {
        public var lesson: String
        public var learners: [String]
    }

    /// `POST /api/announce`: the instructor's line for every shell.
    public struct Announce: Codable, Sendable, Equatable {
        public var line: String
        public init(line: String) { self.line = line }
    }

    /// `POST /api/help`: the instructor marks a learner's request taken or done.
    public struct HelpAction: Codable, Sendable, Equatable {
        public var learner: UUID
        public var action: String

        public init(learner: UUID, action: String) {
            self.learner = learner
            self.action = action
        }
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    public static func encode<Value: Encodable>(_ value: Value) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}
