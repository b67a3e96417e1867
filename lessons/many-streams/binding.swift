// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import LearnerHost

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            // Through the learner's deciders: a history folded by their evolve, then decided on.
            "decideOrder": .decider(orderDecider),
            "decideCustomer": .decider(customerDecider),
            "foldOrder": .fold(orderDecider),
            "orderStream": .value { (id: String) in orderStream(id) },
            "customerStream": .value { (id: String) in customerStream(id) },
            "category": .value { (stream: String) in category(of: stream) },
            "orderEventTypes": .value { (events: [OrderEvent]) in events.map(\.eventType) },
            "customerEventTypes": .value { (events: [CustomerEvent]) in events.map(\.eventType) },
        ])
    }
}
