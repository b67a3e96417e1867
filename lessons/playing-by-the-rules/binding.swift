// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import LearnerHost

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            // Through the learner's decider: its initial state, its fold, its decide on the state.
            "decide": .decider(connectFour),
            "fold": .fold(connectFour),
        ])
    }
}
