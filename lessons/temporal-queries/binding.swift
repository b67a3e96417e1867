// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import LearnerHost

struct AtRevision: Decodable {
    var history: [Stamped]
    var revision: Int
}

struct AtTime: Decodable {
    var history: [Stamped]
    var time: String
}

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            "atRevision": .value { (query: AtRevision) in orderState(query.history, atRevision: query.revision) },
            "atTime": .value { (query: AtTime) in orderState(query.history, at: query.time) },
        ])
    }
}
