// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import LearnerHost

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            // The scenario's given events, folded with the learner's evolve from the initial state.
            "fold": .fold(initial: { GameState.initial }, evolve: evolve),
            // The learner's own fold function, called on a list of events.
            "foldAll": .value { (events: [GameEvent]) in fold(events) },
            "decide": .decider { (command: GameCommand, events: [GameEvent]) in try decide(command, given: events) },
        ])
    }
}
