import Checking
import EventSourcing
import EventStores
import Foundation
import Playground
import Shell

@testable import Curriculum

/// The learner's code as a spec writes it: each driver a closure over the input, each question kept.
final class FakeHost: PlaygroundHost, PlaygroundHosts {
    var code = "host-1"
    var drivers: [String: (JSONValue) throws -> JSONValue] = [:]
    /// What every driver answers, when set: a rejection, a crash, a timeout.
    var answer: HostAnswer?
    private(set) var asked: [(driver: String, input: JSONValue)] = []

    func asked(_ driver: String) -> [JSONValue] { asked.filter { $0.driver == driver }.map(\.input) }

    func host(lesson: String, purpose: String) throws -> any PlaygroundHost { self }

    func ask(_ driver: String, with input: JSONValue) throws -> (answer: HostAnswer, printed: String) {
        asked.append((driver, input))
        if let answer { return (answer, "") }
        guard let answer = drivers[driver] else { return (.mismatch("the binding has no driver \(driver)"), "") }
        return (.returned(try answer(input)), "")
    }
}

/// An in-memory store that keeps what it was asked, and lets a spec write in between a read and an append.
final class SpyStore: EventStore, @unchecked Sendable {
    let inner = InMemoryEventStore()
    private(set) var appends: [(stream: StreamName, expected: ExpectedRevision)] = []
    private(set) var allReadsFrom: [UInt64] = []
    private(set) var reads: [StreamName] = []
    /// Called before each append reaches the store: another writer's chance to get there first.
    var beforeAppend: (StreamName) throws -> Void = { _ in }
    /// Called after each append: another writer that comes in just behind.
    var afterAppend: (StreamName) throws -> Void = { _ in }

    func append(_ events: [EventData], to stream: StreamName, expected: ExpectedRevision) throws -> UInt64? {
        try beforeAppend(stream)
        appends.append((stream, expected))
        let last = try inner.append(events, to: stream, expected: expected)
        try afterAppend(stream)
        return last
    }

    func read(_ stream: StreamName, from revision: UInt64?, direction: ReadDirection, limit: Int?) throws -> [RecordedEvent] {
        reads.append(stream)
        return try inner.read(stream, from: revision, direction: direction, limit: limit)
    }

    func readAll(from position: UInt64, limit: Int?) throws -> [RecordedEvent] {
        allReadsFrom.append(position)
        return try inner.readAll(from: position, limit: limit)
    }

    func currentRevision(of stream: StreamName) throws -> UInt64? { try inner.currentRevision(of: stream) }
    func streams() throws -> [StreamInfo] { try inner.streams() }

    /// Another writer's event, appended to whatever the stream holds.
    func write(_ type: String, _ json: String, to stream: StreamName) throws {
        try inner.append([EventData(type: type, data: Data(json.utf8))], to: stream, expected: .any)
    }
}

/// A learner's session on one lesson of a small course, its output collected.
final class FakeSession: PlaygroundSession {
    let course: Course
    let out: Output
    let printed: () -> String
    let store = SpyStore()
    var domainStore: any EventStore { store }
    var namespace = StreamNamespace(learner: nil)
    var learnerName = "ada"
    var storeName = "local"
    let readModelsFolder = FileManager.default.temporaryDirectory.appendingPathComponent("playground-specs-\(UUID().uuidString)")

    init(lesson: Lesson) {
        course = Course(
            title: "Specs", days: [], lessons: [lesson], pictures: [:], folder: URL(fileURLWithPath: "/nonexistent"),
            solutionsFolder: URL(fileURLWithPath: "/nonexistent"))
        (out, printed) = Output.buffer(width: 200)
    }

    deinit { try? FileManager.default.removeItem(at: readModelsFolder) }

    func currentLesson() throws -> Lesson? { course.lessons.first }
    func now() -> Date { Date(timeIntervalSince1970: 1_800_000_000) }
}

/// Orders: `place-order ID` decides on `order-ID`; `ship-order ID` on `shipment-ID`; the
/// `fulfilment` reaction ships each placed order; the `orders` read model counts orders.
enum Orders {
    static let lesson: Lesson = {
        var lesson = Lesson(
            number: 1, id: "orders", title: "Orders", duration: 10, objectives: [], prerequisites: [], text: "", hints: [],
            starterFiles: [], folder: URL(fileURLWithPath: "/nonexistent"))
        lesson.commands = [
            command("place-order", stream: "order-{id}", .object(["placeOrder": .object(["id": .string("{id}")])])),
            command("ship-order", stream: "shipment-{id}", .object(["shipOrder": .object(["id": .string("{id}")])])),
        ]
        lesson.readModels = [
            ReadModelView(
                name: "orders", summary: "", arguments: [], driver: "project", shows: "count", checkpoint: "checkpoint", lesson: "orders")
        ]
        return lesson
    }()

    static func command(_ name: String, stream: String, _ template: JSONValue) -> DomainCommand {
        DomainCommand(
            name: name, summary: "", arguments: ["id"], values: [:], stream: stream, command: template, driver: "decide", lesson: "orders")
    }

    /// A decide that answers each command with its past: placeOrder → orderPlaced, shipOrder → orderShipped.
    static func decide(_ input: JSONValue) throws -> JSONValue {
        guard case .object(let fields) = input, case .object(let command)? = fields["command"], let (name, body) = command.first else {
            return .array([])
        }
        let past = ["placeOrder": "orderPlaced", "shipOrder": "orderShipped"][name] ?? name
        return .array([.object([past: body])])
    }

    /// A projection that counts what it is delivered on top of what it saved, and records the last position.
    static func project(_ input: JSONValue) throws -> JSONValue {
        guard case .object(let fields) = input, case .object(let given)? = fields["input"],
            case .array(let deliveries)? = given["deliveries"]
        else { return .null }
        var count = 0.0, checkpoint: JSONValue = .null
        if case .object(let saved)? = given["saved"], case .number(let earlier)? = saved["count"] {
            count = earlier
            checkpoint = saved["checkpoint"] ?? .null
        }
        for case .object(let delivery) in deliveries {
            count += 1
            checkpoint = delivery["position"] ?? .null
        }
        return .object(["count": .number(count), "checkpoint": checkpoint])
    }
}

extension RecordedEvent {
    var json: String { String(decoding: data, as: UTF8.self) }
    var metadataFields: JSONObject {
        if case .object(let fields)? = try? JSONValue.parse(metadata) { fields } else { [:] }
    }
}
