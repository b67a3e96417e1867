// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import Foundation
import LearnerHost

/// Deliveries in two parts, with a restart between them: the process manager is saved as JSON
/// and loaded again, as a real one would be from its own store.
struct Restart: Decodable {
    var before: [Received]
    var after: [Received]
}

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            "handle": .value { (deliveries: [Received]) -> [Sent] in
                var fulfilment = Fulfilment()
                return deliveries.flatMap { fulfilment.handle($0) }
            },
            // The shell's reaction: each order event, as it is appended, to a Fulfilment.
            "fulfil": .value { (received: Received) -> [Sent] in
                var fulfilment = Fulfilment()
                return fulfilment.handle(received)
            },
            "handleAfterRestart": .value { (run: Restart) -> [Sent] in
                var fulfilment = Fulfilment()
                var sent = run.before.flatMap { fulfilment.handle($0) }
                var again = try JSONDecoder().decode(Fulfilment.self, from: JSONEncoder().encode(fulfilment))
                sent += run.after.flatMap { again.handle($0) }
                return sent
            },
        ])
    }
}
