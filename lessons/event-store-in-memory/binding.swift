// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It runs scripts of operations on a fresh store and reports what each did;
// the expected outcomes stay in the tool.
import EventSourcing
import Foundation
import LearnerHost

/// One step of a script: `{append: {stream, expected, types}}`, `{resend: true}` (the last append
/// sent again, the same events with the same ids and expectation, as a retry after a lost answer),
/// `{read: {stream, from, backwards, limit}}`, `{readAll: {from, limit}}` or `{current: STREAM}`.
struct Step: Decodable {
    struct Append: Decodable {
        var stream: String
        var expected: String
        var types: [String]
    }
    struct Read: Decodable {
        var stream: String
        var from: UInt64?
        var backwards: Bool?
        var limit: Int?
    }
    struct ReadAll: Decodable {
        var from: UInt64
        var limit: Int?
    }
    var append: Append?
    var resend: Bool?
    var read: Read?
    var readAll: ReadAll?
    var current: String?
}

/// `any`, `noStream`, `streamExists`, or a number for `exact(n)`.
func expectation(_ text: String) -> ExpectedRevision {
    switch text {
    case "any": .any
    case "noStream": .noStream
    case "streamExists": .streamExists
    default: .exact(UInt64(text) ?? 0)
    }
}

func errorName(_ error: Error) -> String {
    guard let error = error as? EventStoreError else { return "other error: \(error)" }
    switch error {
    case .wrongExpectedRevision: return "wrongExpectedRevision"
    case .streamNotFound: return "streamNotFound"
    case .streamDeleted: return "streamDeleted"
    case .duplicateEventId: return "duplicateEventId"
    case .unreachable, .refused: return "store error: \(error)"
    }
}

/// What one step did, as text a scenario can expect: `revision 1`, `A@0 B@1`, `wrongExpectedRevision`.
func run(_ step: Step, on store: InMemoryStore, last: inout (events: [EventData], stream: StreamName, expected: ExpectedRevision)?) -> String {
    do {
        if let append = step.append {
            let events = append.types.map { EventData(type: $0, data: Data("{}".utf8)) }
            last = (events, StreamName(append.stream), expectation(append.expected))
            let revision = try store.append(events, to: StreamName(append.stream), expected: expectation(append.expected))
            return revision.map { "revision \($0)" } ?? "no revision"
        }
        if step.resend == true {
            guard let last else { return "nothing to send again" }
            return try store.append(last.events, to: last.stream, expected: last.expected).map { "revision \($0)" } ?? "no revision"
        }
        if let read = step.read {
            let events = try store.read(
                StreamName(read.stream), from: read.from, direction: read.backwards == true ? .backwards : .forwards, limit: read.limit)
            return events.map { "\($0.type)@\($0.revision)" }.joined(separator: " ")
        }
        if let all = step.readAll {
            return try store.readAll(from: all.from, limit: all.limit).map { "\($0.stream)/\($0.type)@\($0.position)" }.joined(separator: " ")
        }
        if let stream = step.current {
            return try store.currentRevision(of: StreamName(stream)).map { "revision \($0)" } ?? "no stream"
        }
        return "empty step"
    } catch {
        return errorName(error)
    }
}

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            "script": .value { (steps: [Step]) in
                let store = InMemoryStore()
                var last: (events: [EventData], stream: StreamName, expected: ExpectedRevision)?
                return steps.map { run($0, on: store, last: &last) }
            },
            // A stream at revision 0, then `writers` threads append at once, all expecting revision 0.
            "race": .check { (writers: Int) -> [String: Int] in
                let store = InMemoryStore()
                _ = try? store.append([EventData(type: "Start", data: Data("{}".utf8))], to: "game-1", expected: .noStream)
                let wins = Counter()
                DispatchQueue.concurrentPerform(iterations: writers) { _ in
                    if (try? store.append([EventData(type: "Move", data: Data("{}".utf8))], to: "game-1", expected: .exact(0))) != nil {
                        wins.add()
                    }
                }
                let events = (try? store.read("game-1", from: nil, direction: .forwards, limit: nil).count) ?? 0
                return ["winners": wins.value, "events": events]
            },
        ])
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
