import EventSourcing
import Foundation
import Room
import Testing
import Workspace

/// The room's read model: what the instructor sees, folded from the room's events.
@Suite("The room's projection")
struct RoomProjectionTests {
    let start = Date(timeIntervalSince1970: 1_000_000)
    var position: UInt64 = 0
    var projection = RoomProjection()

    mutating func record(_ learner: UUID, _ type: String, _ body: [String: Any], minute: Double) {
        let data = try! JSONSerialization.data(withJSONObject: body)
        let at = start.addingTimeInterval(minute * 60)
        let metadata = Data("{\"at\":\"\(ISO8601DateFormatter().string(from: at))\"}".utf8)
        projection.apply(
            RecordedEvent(
                eventId: UUID(), type: type, stream: RoomProjection.stream(of: learner), revision: 0, position: position, data: data,
                metadata: metadata, causationId: nil, correlationId: nil, createdAt: at))
        position += 1
    }

    @Test("help asked comes first, then the longest red, then the rest by name")
    mutating func order() {
        let (green, longRed, shortRed, asking) = (UUID(), UUID(), UUID(), UUID())
        for (id, name) in [(green, "gail"), (longRed, "lou"), (shortRed, "sam"), (asking, "ann")] {
            record(id, "LearnerJoined", ["name": name], minute: 0)
            record(id, "LessonStarted", ["lesson": "deciding"], minute: 1)
        }
        record(green, "CheckRun", ["lesson": "deciding", "passed": 5, "total": 5], minute: 10)
        record(longRed, "CheckRun", ["lesson": "deciding", "passed": 1, "total": 5, "firstFailure": "a full column"], minute: 12)
        record(shortRed, "CheckRun", ["lesson": "deciding", "passed": 5, "total": 5], minute: 20)
        record(shortRed, "CheckRun", ["lesson": "deciding", "passed": 4, "total": 5, "errorClass": "timeout"], minute: 25)
        record(asking, "HelpAsked", ["lesson": "deciding", "line": "stuck"], minute: 30)
        let view = projection.view(now: start.addingTimeInterval(40 * 60), connected: [green])
        #expect(view.learners.map(\.name) == ["ann", "lou", "sam", "gail"])
        let lou = view.learners[1]
        #expect(lou.red && lou.passed == 1 && lou.total == 5)
        #expect(lou.firstFailure == "a full column")
        #expect(lou.minutesSinceGreen == 40)
        #expect(view.learners[2].minutesSinceGreen == 20)
        #expect(view.learners[2].errorClass == "timeout")
        #expect(view.learners[3].connected && !view.learners[0].connected)
        #expect(view.help.map(\.name) == ["ann"])
        #expect(view.forwarded == 9)
    }

    @Test("requests asked within one second keep the order they arrived in")
    mutating func sameSecond() {
        let names = ["fay", "bo", "eve", "al", "dan", "cy"]
        let ids = names.map { _ in UUID() }
        for (id, name) in zip(ids, names) { record(id, "LearnerJoined", ["name": name], minute: 0) }
        // The learners' clocks keep whole seconds: all six ask at the same stamped time.
        for id in ids { record(id, "HelpAsked", ["lesson": "deciding", "line": "stuck"], minute: 5) }
        let view = projection.view(now: start.addingTimeInterval(6 * 60), connected: [])
        #expect(view.help.map(\.name) == names)
        #expect(view.learners.map(\.name) == names)
    }

    @Test("a green check clears the failure; hints count on the current lesson; a cancelled request leaves the queue")
    mutating func clearing() {
        let id = UUID()
        record(id, "LearnerJoined", ["name": "kim"], minute: 0)
        record(id, "LessonStarted", ["lesson": "a"], minute: 0)
        record(id, "HintShown", ["lesson": "a", "tier": 2], minute: 1)
        record(id, "CheckRun", ["lesson": "a", "passed": 0, "total": 3, "errorClass": "compile error"], minute: 2)
        record(id, "HelpAsked", ["lesson": "a", "line": ""], minute: 3)
        record(id, "HelpCancelled", ["lesson": "a"], minute: 4)
        record(id, "CheckRun", ["lesson": "a", "passed": 3, "total": 3], minute: 5)
        var row = projection.view(now: start.addingTimeInterval(6 * 60), connected: []).learners[0]
        #expect(!row.red && row.firstFailure == nil && row.errorClass == nil && row.help == nil)
        #expect(row.hintsUsed == 2)
        #expect(row.minutesSinceGreen == 1)
        record(id, "LessonStarted", ["lesson": "b"], minute: 7)
        row = projection.view(now: start.addingTimeInterval(8 * 60), connected: []).learners[0]
        #expect(row.lesson == "b" && row.hintsUsed == 0 && row.total == nil)
        #expect(!row.referenceViewedEarly)
        // A reference seen before the lesson passed shows on the learner's row, for that lesson.
        record(id, "ReferenceViewedEarly", ["lesson": "b"], minute: 9)
        row = projection.view(now: start.addingTimeInterval(10 * 60), connected: []).learners[0]
        #expect(row.referenceViewedEarly)
        record(id, "LessonStarted", ["lesson": "c"], minute: 11)
        #expect(!projection.view(now: start.addingTimeInterval(12 * 60), connected: []).learners[0].referenceViewedEarly)
    }

    @Test("events of other streams and unknown types are passed over, and the projection resumes after the last it saw")
    mutating func resumes() {
        record(UUID(), "Whatever", [:], minute: 0)
        projection.apply(
            RecordedEvent(
                eventId: UUID(), type: "X", stream: "announcements", revision: 0, position: 7, data: Data("{}".utf8),
                metadata: Data("{}".utf8), causationId: nil, correlationId: nil, createdAt: start))
        #expect(projection.next == 8)
        #expect(projection.view(now: start, connected: []).forwarded == 0)
    }

    @Test("join codes are six characters without look-alikes, compared without case or dash")
    func codes() {
        for _ in 0..<50 {
            let code = RoomFolder.newCode()
            #expect(code.count == 7 && code.dropFirst(3).first == "-")
            #expect(!code.contains { "01OIL".contains($0) })
        }
        #expect(RoomFolder.normalized("k7q4mx") == RoomFolder.normalized("K7Q-4MX"))
        #expect(RoomFolder.newToken().count == 64)
    }
}
