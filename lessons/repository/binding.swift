// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import EventSourcing
import Foundation
import LearnerHost

/// A store of the learner's own (lesson 5) with, optionally, another writer who appends
/// `interloper` to the stream just before the repository's first save (under `interloperId`,
/// recorded in the metadata as the lesson says, when that writer was the same command sent earlier).
final class ContestedStore: EventStore, @unchecked Sendable {
    let inner = InMemoryStore()
    var interloper: [GameEvent] = []
    var interloperId: String?

    func append(_ events: [EventData], to stream: StreamName, expected: ExpectedRevision) throws -> UInt64? {
        if !interloper.isEmpty {
            let metadata = try JSONEncoder().encode(["commandId": interloperId])
            let other = try interloper.map { event -> EventData in
                var data = try EventData(event, type: event.eventType)
                if interloperId != nil { data.metadata = metadata }
                return data
            }
            interloper = []
            let current = try inner.currentRevision(of: stream)
            _ = try inner.append(other, to: stream, expected: current.map { .exact($0) } ?? .noStream)
        }
        return try inner.append(events, to: stream, expected: expected)
    }
    func read(_ stream: StreamName, from revision: UInt64?, direction: ReadDirection, limit: Int?) throws -> [RecordedEvent] {
        try inner.read(stream, from: revision, direction: direction, limit: limit)
    }
    func readAll(from position: UInt64, limit: Int?) throws -> [RecordedEvent] { try inner.readAll(from: position, limit: limit) }
    func currentRevision(of stream: StreamName) throws -> UInt64? { try inner.currentRevision(of: stream) }
    func streams() throws -> [StreamInfo] { try inner.streams() }
}

/// Game 1 already holds `history`; the repository handles `commands` in turn, under the command
/// ids of `ids` when given (another writer appends `interloper` just before the first save).
/// Reports each outcome, then the stream.
struct Session: Decodable {
    var history: [GameEvent]
    var commands: [GameCommand]
    var ids: [String]?
    var interloper: [GameEvent]?
    var interloperId: String?
}

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            "play": .value { (session: Session) -> [String] in
                let store = ContestedStore()
                if !session.history.isEmpty {
                    _ = try? store.inner.append(
                        session.history.map { try! EventData($0, type: $0.eventType) }, to: "game-1", expected: .noStream)
                }
                store.interloper = session.interloper ?? []
                store.interloperId = session.interloperId
                var outcomes: [String] = []
                for (index, command) in session.commands.enumerated() {
                    do {
                        let id = session.ids.flatMap { index < $0.count ? $0[index] : nil }
                        let events = try GameRepository(store: store).handle(command, gameId: "1", commandId: id)
                        outcomes.append("decided " + events.map(\.eventType).joined(separator: ", "))
                    } catch let error as GameError {
                        outcomes.append("refused \(error)")
                    } catch {
                        outcomes.append("failed \(error)")
                    }
                }
                let stored = (try? store.read("game-1", from: nil, direction: .forwards, limit: nil)) ?? []
                let readable = stored.allSatisfy { (try? JSONDecoder().decode(GameEvent.self, from: $0.data)) != nil }
                return outcomes + ["stream " + stored.map { "\($0.type)@\($0.revision)" }.joined(separator: " ")]
                    + (readable ? [] : ["stored data is not a GameEvent"])
            }
        ])
    }
}
