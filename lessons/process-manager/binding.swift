// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import Foundation
import LearnerHost

/// One message to the process manager: an order event, or the clock saying what time it is.
struct Delivery: Decodable {
    struct TimePassed: Decodable { var now: Int }
    var event: Received?
    var timePassed: TimePassed?
}

/// Deliveries in two parts with a restart between them. The process manager is saved as JSON
/// after `before`; then it handles `after`, crashes before saving again, is loaded from the save
/// and is handed `after` once more, as an at-least-once subscription would.
struct Restart: Decodable {
    var before: [Delivery]
    var after: [Delivery]
}

/// The shell's reaction: the order's earlier events, which the process manager has seen, and the new one.
struct Reaction: Decodable {
    var seen: [Received]
    var received: Received
}

/// The shell's clock: every order event the process has seen, and the time it is now.
struct Tick: Decodable {
    var seen: [Received]
    var now: Int
}

extension Fulfilment {
    mutating func deliver(_ delivery: Delivery) -> [Sent] {
        (delivery.event.map { handle($0) } ?? []) + (delivery.timePassed.map { timePassed(now: $0.now) } ?? [])
    }
}

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            "decideOrder": .decider(orderDecider),
            "decideCustomer": .decider(customerDecider),
            "orderEventTypes": .value { (events: [OrderEvent]) in events.map(\.eventType) },
            "foldOrder": .fold(orderDecider),
            "handle": .value { (deliveries: [Delivery]) -> [Sent] in
                var fulfilment = Fulfilment()
                return deliveries.flatMap { fulfilment.deliver($0) }
            },
            // What the process manager holds after these deliveries: it must not keep finished orders.
            "openOrders": .value { (deliveries: [Delivery]) -> [String] in
                var fulfilment = Fulfilment()
                for delivery in deliveries { _ = fulfilment.deliver(delivery) }
                return fulfilment.orders.keys.sorted()
            },
            "handleAfterRestart": .value { (run: Restart) -> [Sent] in
                var fulfilment = Fulfilment()
                var sent = run.before.flatMap { fulfilment.deliver($0) }
                let saved = try JSONEncoder().encode(fulfilment)
                var crashed = try JSONDecoder().decode(Fulfilment.self, from: saved)
                sent += run.after.flatMap { crashed.deliver($0) }
                var restarted = try JSONDecoder().decode(Fulfilment.self, from: saved)
                sent += run.after.flatMap { restarted.deliver($0) }
                return sent
            },
            // The shell's reaction: the process manager's state is folded from the order's earlier
            // events (what it sends for them was sent then), and the new event is handed to it.
            "fulfil": .value { (reaction: Reaction) -> [Sent] in
                var fulfilment = Fulfilment()
                for received in reaction.seen { _ = fulfilment.handle(received) }
                return fulfilment.handle(reaction.received)
            },
            // The shell's `wait`: the state folded from what it has seen, then the clock's message.
            "fulfilClock": .value { (tick: Tick) -> [Sent] in
                var fulfilment = Fulfilment()
                for received in tick.seen { _ = fulfilment.handle(received) }
                return fulfilment.timePassed(now: tick.now)
            },
        ])
    }
}
