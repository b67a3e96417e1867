// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import LearnerHost

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            "decide": .decider { (command: GameCommand, events: [GameEvent]) in try decide(command, given: events) },
            "fold": .fold(initial: { GameState.initial }, evolve: evolve),
        ])
    }
}
