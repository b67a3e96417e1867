// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. Each script gets a fresh file; "restart" opens a new FileStore on it.
import EventSourcing
import Foundation
import LearnerHost

/// `{append: {expected, types}}` on stream game-1, `{restart: true}`, `{read: true}`, `{readAll: true}`,
/// `{lines: true}` (complete lines in the file), `{tear: true}` (a crash mid-write: half a line),
/// `{crashingAppend: {expected, types}}` (the append's write cut off halfway by a crash, whatever
/// its format), `{damage: true}` (the file's first bytes overwritten, as a failing disk would),
/// `{resend: true}` (the last append sent again with the same ids, a retry after a lost answer),
/// `{readBackwardsFrom: N}`, `{readOther: true}` (a stream nobody wrote), `{streams: true}`.
struct Step: Decodable {
    struct Append: Decodable {
        var expected: String
        var types: [String]
    }
    var append: Append?
    var crashingAppend: Append?
    var resend: Bool?
    var damage: Bool?
    var restart: Bool?
    var read: Bool?
    var readAll: Bool?
    var lines: Bool?
    var tear: Bool?
    var readBackwardsFrom: UInt64?
    var readOther: Bool?
    var streams: Bool?
}

func expectation(_ text: String) -> ExpectedRevision {
    switch text {
    case "any": .any
    case "noStream": .noStream
    default: .exact(UInt64(text) ?? 0)
    }
}

func event(_ type: String) -> EventData {
    let game: GameEvent =
        switch type {
        case "GameStarted": .gameStarted(playerOne: "alice", playerTwo: "bob")
        case "GameWon": .gameWon(winner: "alice")
        case "GameDrawn": .gameDrawn
        default: .moveMade(player: "alice", column: .A, row: 1)
        }
    return (try? EventData(game, type: type)) ?? EventData(type: type, data: Data())
}

func fileSize(_ path: String) throws -> UInt64 {
    (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.uint64Value ?? 0
}

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            "script": .value { (steps: [Step]) -> [String] in
                let path = NSTemporaryDirectory() + "events-\(UUID().uuidString).jsonl"
                defer { try? FileManager.default.removeItem(atPath: path) }
                var store: FileStore
                do { store = try FileStore(path: path) } catch { return ["cannot open: \(error)"] }
                var last: (events: [EventData], expected: ExpectedRevision)?
                return steps.map { step in
                    do {
                        if let append = step.append {
                            let events = append.types.map(event)
                            last = (events, expectation(append.expected))
                            let revision = try store.append(events, to: "game-1", expected: expectation(append.expected))
                            return revision.map { "revision \($0)" } ?? "no revision"
                        }
                        if step.resend == true {
                            guard let last else { return "nothing to send again" }
                            return try store.append(last.events, to: "game-1", expected: last.expected).map { "revision \($0)" } ?? "no revision"
                        }
                        if let append = step.crashingAppend {
                            let before = try fileSize(path)
                            _ = try store.append(append.types.map(event), to: "game-1", expected: expectation(append.expected))
                            let after = try fileSize(path)
                            guard after > before else { return "nothing was written" }
                            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                            try handle.truncate(atOffset: before + (after - before) / 2)
                            try handle.close()
                            return "crashed"
                        }
                        if step.damage == true {
                            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                            try handle.write(contentsOf: Data("#damaged#".utf8))
                            try handle.close()
                            return "damaged"
                        }
                        if step.restart == true {
                            do { store = try FileStore(path: path) } catch let damage as CorruptRecord {
                                return "refused to open: line \(damage.line) is damaged"
                            } catch { return "refused to open" }
                            return "restarted"
                        }
                        if step.read == true {
                            return try store.read("game-1", from: nil, direction: .forwards, limit: nil).map { "\($0.type)@\($0.revision)" }.joined(separator: " ")
                        }
                        if step.readAll == true {
                            return try store.readAll(from: 0, limit: nil).map { "\($0.type)#\($0.position)" }.joined(separator: " ")
                        }
                        if let from = step.readBackwardsFrom {
                            return try store.read("game-1", from: from, direction: .backwards, limit: nil).map { "\($0.type)@\($0.revision)" }.joined(separator: " ")
                        }
                        if step.readOther == true {
                            return try store.read("game-2", from: nil, direction: .forwards, limit: nil).map(\.type).joined(separator: " ")
                        }
                        if step.streams == true {
                            return try store.streams().map { "\($0.name) \($0.count)" }.joined(separator: ", ")
                        }
                        if step.lines == true {
                            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                            return "\(text.split(separator: "\n").count) lines"
                        }
                        if step.tear == true {
                            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                            try handle.seekToEnd()
                            try handle.write(contentsOf: Data(#"{"eventId":"5A1"#.utf8))
                            try handle.close()
                            return "torn"
                        }
                        return "empty step"
                    } catch let error as EventStoreError {
                        if case .wrongExpectedRevision = error { return "wrongExpectedRevision" }
                        return "\(error)"
                    } catch {
                        return "error: \(error)"
                    }
                }
            },
            "registry": .value { (types: [String]) -> [String] in
                let registry = EventTypeRegistry.connectFour
                return types.map { type in
                    let stored = event(type == "Unknown" ? "GameStarted" : type)
                    let recorded = RecordedEvent(
                        eventId: UUID(), type: type, stream: "game-1", revision: 0, position: 0, data: stored.data, metadata: Data("{}".utf8),
                        causationId: nil, correlationId: nil, createdAt: Date())
                    do {
                        return try registry.decode(recorded).eventType
                    } catch let unknown as UnknownEventType {
                        return "unknown \(unknown.name)"
                    } catch {
                        return "error"
                    }
                }
            },
        ])
    }
}
