// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import LearnerHost

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            "decideOrder": .decider { (command: OrderCommand, events: [OrderEvent]) in try decideOrder(command, given: events) },
            "decideCustomer": .decider { (command: CustomerCommand, events: [CustomerEvent]) in try decideCustomer(command, given: events) },
            "orderStream": .value { (id: String) in orderStream(id) },
            "customerStream": .value { (id: String) in customerStream(id) },
            "category": .value { (stream: String) in category(of: stream) },
            "orderEventTypes": .value { (events: [OrderEvent]) in events.map(\.eventType) },
            "customerEventTypes": .value { (events: [CustomerEvent]) in events.map(\.eventType) },
        ])
    }
}
