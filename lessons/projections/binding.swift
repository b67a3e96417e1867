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

/// What the shell's catch-up subscription sends: the model it saved last time (nil: build from the
/// start) and the events after that model's checkpoint.
struct CatchUp<Projection: Decodable>: Decodable {
    var saved: Projection?
    var deliveries: [Delivered]
}

/// A reader who wrote at `wrote` asks for `customer`'s points, after these deliveries.
struct AfterWrite: Decodable {
    var deliveries: [Delivered]
    var customer: String
    var wrote: Int
}

/// A read answer as the suite compares it: the points, or that it is stale and how far it got.
struct Answered: Encodable {
    var points: Int?
    var stale: Bool?
    var checkpoint: Int?
    var wrote: Int?
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
            // The whole read models, checkpoint and all, for the shell's `queue` and `loyalty` views:
            // caught up from the model the shell saved, which is saved again with its new checkpoint.
            "queueModel": .value { (run: CatchUp<BaristaQueue>) -> BaristaQueue in
                var queue = run.saved ?? BaristaQueue()
                for delivered in run.deliveries { queue.apply(delivered) }
                return queue
            },
            "loyaltyModel": .value { (run: CatchUp<Loyalty>) -> Loyalty in
                var loyalty = run.saved ?? Loyalty()
                for delivered in run.deliveries { loyalty.apply(delivered) }
                return loyalty
            },
            "pointsAfterWrite": .value { (asked: AfterWrite) -> Answered in
                var loyalty = Loyalty()
                for delivered in asked.deliveries { loyalty.apply(delivered) }
                switch loyalty.points(of: asked.customer, afterWriteAt: asked.wrote) {
                case .current(let points): return Answered(points: points)
                case .stale(let checkpoint, let wrote): return Answered(stale: true, checkpoint: checkpoint, wrote: wrote)
                }
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
