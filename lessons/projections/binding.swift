// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import Foundation
import LearnerHost

/// Deliveries in two parts, with a restart between them: the projection is saved as JSON and
/// loaded again, as a real one would be from its checkpoint store.
struct Restart: Decodable {
    var before: [Delivered]
    var after: [Delivered]
}

func restarted<Projection: Codable>(_ projection: Projection) throws -> Projection {
    try JSONDecoder().decode(Projection.self, from: JSONEncoder().encode(projection))
}

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            "queue": .value { (deliveries: [Delivered]) -> [String] in
                var queue = BaristaQueue()
                for delivered in deliveries { queue.apply(delivered) }
                return queue.waiting
            },
            "loyalty": .value { (deliveries: [Delivered]) -> [String: Int] in
                var loyalty = Loyalty()
                for delivered in deliveries { loyalty.apply(delivered) }
                return loyalty.points
            },
            // The whole read models, checkpoint and all, for the shell's `queue` and `loyalty` views.
            "queueModel": .value { (deliveries: [Delivered]) -> BaristaQueue in
                var queue = BaristaQueue()
                for delivered in deliveries { queue.apply(delivered) }
                return queue
            },
            "loyaltyModel": .value { (deliveries: [Delivered]) -> Loyalty in
                var loyalty = Loyalty()
                for delivered in deliveries { loyalty.apply(delivered) }
                return loyalty
            },
            "queueAfterRestart": .value { (run: Restart) -> [String] in
                var queue = BaristaQueue()
                for delivered in run.before { queue.apply(delivered) }
                var again = try restarted(queue)
                for delivered in run.after { again.apply(delivered) }
                return again.waiting
            },
            "loyaltyAfterRestart": .value { (run: Restart) -> [String: Int] in
                var loyalty = Loyalty()
                for delivered in run.before { loyalty.apply(delivered) }
                var again = try restarted(loyalty)
                for delivered in run.after { again.apply(delivered) }
                return again.points
            },
        ])
    }
}
