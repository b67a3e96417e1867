// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import LearnerHost

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            "eventType": .value { (event: GameEvent) in event.eventType },
            // Decodes an event with the learner's Codable types and writes it back.
            "store": .value { (event: GameEvent) in event },
            "columns": .value { (_: [String]) in Column.allCases.map(\.rawValue) },
        ])
    }
}
