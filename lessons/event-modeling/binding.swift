// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import EventSourcing
import Foundation
import LearnerHost

/// A gap in a line of its own, so that a list of them can be sorted and read in a failure.
func describe(_ gap: InformationGap) -> String {
    switch gap {
    case .viewFieldWithoutSource(let view, let field): "view \(view): \(field) from no event"
    case .eventFieldWithoutSource(let event, let field, let command): "event \(event): \(field) from nothing in \(command)"
    case .eventNeverRecorded(let event): "event \(event): recorded by no command"
    case .unknownEvent(let name): "unknown event \(name)"
    }
}

/// Nothing to ask: the learner's own model is the question.
struct Nothing: Decodable {}

/// What the learner's pickup model says of itself: its gaps by the learner's check, the screen
/// it describes, and the commands that feed it.
struct PickupReport: Encodable {
    var gaps: [String]
    var screen: [String]
    var builtFrom: [String]
    var commands: [String]
}

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            // Sorted, never deduplicated: a gap reported twice shows twice.
            "gaps": .value { (model: EventModel) -> [String] in informationGaps(in: model).map(describe).sorted() },
            "pickup": .value { (_: Nothing) -> PickupReport in
                let screen = pickupModel.views.first { $0.view == "pickup screen" }
                return PickupReport(
                    gaps: informationGaps(in: pickupModel).map(describe).sorted(),
                    screen: screen?.fields ?? [], builtFrom: (screen?.from ?? []).sorted(),
                    commands: pickupModel.commands.map(\.command).sorted())
            },
        ])
    }
}
