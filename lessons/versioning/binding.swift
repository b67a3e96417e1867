// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import LearnerHost

/// What writing an event stored, and what reading it back gave.
struct Written: Encodable {
    var type: String
    var version: Int
    var readBack: OrderEvent
}

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            "read": .value { (stored: StoredEvent) in try readOrderEvent(stored) },
            "readAll": .value { (stream: [StoredEvent]) in try stream.map(readOrderEvent) },
            "upcastV1": .value { (v1: OrderPlacedV1) in upcast(v1) },
            "write": .value { (event: OrderEvent) -> Written in
                let stored = try storedEvent(event)
                return Written(type: stored.type, version: stored.version, readBack: try readOrderEvent(stored))
            },
            "stateOf": .value { (stream: [StoredEvent]) in
                try stream.map(readOrderEvent).reduce(OrderState.initial, evolveOrder)
            },
        ])
    }
}
