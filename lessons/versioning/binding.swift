// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import Foundation
import LearnerHost

/// What writing an event stored (its type, version and the names of the data's fields), and
/// what reading it back gave.
struct Written: Encodable {
    var type: String
    var version: Int
    var fields: [String]
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
                let object = try JSONSerialization.jsonObject(with: Data(stored.data.utf8)) as? [String: Any]
                return Written(
                    type: stored.type, version: stored.version, fields: (object?.keys).map { $0.sorted() } ?? [],
                    readBack: try readOrderEvent(stored))
            },
            "stateOf": .value { (stream: [StoredEvent]) in
                orderDecider.fold(try stream.map(readOrderEvent))
            },
        ])
    }
}
