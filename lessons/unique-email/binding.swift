// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import EventSourcing
import Foundation
import LearnerHost

/// A store for the checks, kept in memory, which keeps expected revisions as a real one does. When
/// told, another writer appends `racing` just before the learner's first append, whichever stream
/// that goes to: the registration that read first and wrote second.
final class SharedShopStore: EventStore, @unchecked Sendable {
    private let lock = NSLock()
    private var events: [RecordedEvent] = []
    var racing: [(stream: String, events: [EventData])] = []

    func append(_ batch: [EventData], to stream: StreamName, expected: ExpectedRevision) throws -> UInt64? {
        lock.lock()
        defer { lock.unlock() }
        let race = racing
        racing = []
        for (other, data) in race { try write(data, to: StreamName(other), expected: .any) }
        return try write(batch, to: stream, expected: expected)
    }

    private func write(_ batch: [EventData], to stream: StreamName, expected: ExpectedRevision) throws -> UInt64? {
        let current = events.last { $0.stream == stream }?.revision
        guard expected.isSatisfied(byCurrent: current) else {
            throw EventStoreError.wrongExpectedRevision(stream: stream, expected: expected, actual: current)
        }
        var revision = current.map { $0 + 1 } ?? 0
        for data in batch {
            events.append(
                RecordedEvent(
                    eventId: data.eventId, type: data.type, stream: stream, revision: revision,
                    position: UInt64(events.count), data: data.data, metadata: data.metadata,
                    causationId: data.causationId, correlationId: data.correlationId, createdAt: Date()))
            revision += 1
        }
        return events.last { $0.stream == stream }?.revision
    }

    func read(_ stream: StreamName, from revision: UInt64?, direction: ReadDirection, limit: Int?) throws -> [RecordedEvent] {
        lock.lock()
        defer { lock.unlock() }
        var found = events.filter { $0.stream == stream }
        guard !found.isEmpty else { throw EventStoreError.streamNotFound(stream) }
        if direction == .backwards { found.reverse() }
        if let revision {
            found = found.filter { direction == .forwards ? $0.revision >= revision : $0.revision <= revision }
        }
        return Array(found.prefix(limit ?? found.count))
    }

    func readAll(from position: UInt64, limit: Int?) throws -> [RecordedEvent] {
        lock.lock()
        defer { lock.unlock() }
        let found = events.filter { $0.position >= position }
        return Array(found.prefix(limit ?? found.count))
    }

    func currentRevision(of stream: StreamName) throws -> UInt64? {
        lock.lock()
        defer { lock.unlock() }
        return events.last { $0.stream == stream }?.revision
    }

    func streams() throws -> [StreamInfo] {
        lock.lock()
        defer { lock.unlock() }
        var order: [StreamName] = []
        for event in events where !order.contains(event.stream) { order.append(event.stream) }
        return order.map { name in
            let own = events.filter { $0.stream == name }
            return StreamInfo(name: name, count: UInt64(own.count), lastPosition: own.last?.position ?? 0)
        }
    }

    /// Each stream as `name: Type@revision …`, in name order.
    func listing() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let names = Set(events.map(\.stream.rawValue)).sorted()
        return names.map { name in
            name + ": " + events.filter { $0.stream.rawValue == name }.map { "\($0.type)@\($0.revision)" }.joined(separator: " ")
        }
    }
}

/// One customer asking to register.
struct Registrant: Decodable {
    var customerId: String
    var name: String
    var email: String
}

/// The shop's streams before (`emails` and `customers`, by stream name), what another writer
/// appends just before the learner's first append (`racingEmails`, `racingCustomers`), and the
/// registrations to run in turn. Reports each outcome, then every stream.
struct Registrations: Decodable {
    var emails: [String: [EmailEvent]]?
    var customers: [String: [CustomerEvent]]?
    var racingEmails: [String: [EmailEvent]]?
    var racingCustomers: [String: [CustomerEvent]]?
    var register: [Registrant]
}

func stored<Event: NamedEvent>(_ streams: [String: [Event]]?) throws -> [(stream: String, events: [EventData])] {
    try (streams ?? [:]).sorted { $0.key < $1.key }.map { stream, events in
        (stream, try events.map { try EventData($0, type: $0.eventType) })
    }
}

func outcome(of registrant: Registrant, in store: SharedShopStore) -> String {
    do {
        let events = try register(
            customerId: registrant.customerId, name: registrant.name, email: registrant.email, in: store)
        return "registered \(registrant.customerId)" + (events.isEmpty ? " (nothing new)" : "")
    } catch let error as EmailError {
        return "refused \(registrant.customerId): \(error)"
    } catch let error as CustomerError {
        return "refused \(registrant.customerId): \(error)"
    } catch {
        return "failed \(registrant.customerId): \(error)"
    }
}

/// How many of `rounds` races between two registrations of one address, on two threads at
/// once, ended with exactly one customer registered and the other refused.
struct RaceOutcome: Encodable {
    var rounds: Int
    var oneWinner: Int
}

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            "normalizedEmail": .value { (email: String) in normalizedEmail(email) },
            "emailStream": .value { (email: String) in emailStream(email) },
            "decideEmail": .decider(emailDecider),
            "register": .value { (story: Registrations) -> [String] in
                let store = SharedShopStore()
                for (stream, events) in try stored(story.emails) + stored(story.customers) {
                    try store.append(events, to: StreamName(stream), expected: .noStream)
                }
                store.racing = try stored(story.racingEmails) + stored(story.racingCustomers)
                return story.register.map { outcome(of: $0, in: store) } + store.listing()
            },
            "race": .check { (rounds: Int) -> RaceOutcome in
                var oneWinner = 0
                for _ in 0..<rounds {
                    let store = SharedShopStore()
                    let rivals = [
                        Registrant(customerId: "helen", name: "Helen", email: "Helen@Example.com"),
                        Registrant(customerId: "omar", name: "Omar", email: "helen@example.com "),
                    ]
                    let results = Results()
                    let group = DispatchGroup()
                    for rival in rivals {
                        group.enter()
                        Thread {
                            results.add(outcome(of: rival, in: store))
                            group.leave()
                        }.start()
                    }
                    group.wait()
                    let all = results.all
                    if all.filter({ $0.hasPrefix("registered") }).count == 1,
                        all.filter({ $0.hasSuffix(": emailTaken") }).count == 1
                    {
                        oneWinner += 1
                    }
                }
                return RaceOutcome(rounds: rounds, oneWinner: oneWinner)
            },
        ])
    }
}

/// Outcomes gathered from several threads.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
