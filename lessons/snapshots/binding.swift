// The lesson's binding: how the host reaches the learner's code. Compiled with it, never copied
// into the workspace. It asks and reports; the expected outcomes stay in the tool.
import LearnerHost

struct Every: Decodable {
    var events: [Numbered]
    var every: Int
}

struct Due: Decodable {
    var revisions: [Int]
    var every: Int
}

struct Load: Decodable {
    var snapshot: Snapshot?
    var stream: [Numbered]
}

/// What a load returned (the card, and the revision the next append expects), and which
/// revisions it asked the store to read from.
struct Loaded: Encodable {
    var card: LoyaltyCard
    var revision: Int?
    var readFrom: [Int]
}

/// The same card two ways: from the latest snapshot and its tail, and by a full replay.
struct BothWays: Encodable {
    var fromSnapshot: LoyaltyCard
    var fullReplay: LoyaltyCard
}

func load(_ snapshot: Snapshot?, _ stream: [Numbered]) -> Loaded {
    var reads: [Int] = []
    let loaded = loadCard(snapshot: snapshot) { from in
        reads.append(from)
        return stream.filter { $0.revision >= from }
    }
    return Loaded(card: loaded.card, revision: loaded.revision, readFrom: reads)
}

@main
enum LessonBinding {
    static func main() {
        Host.run(drivers: [
            "card": .fold(initial: { LoyaltyCard.initial }, evolve: evolveCard),
            "due": .value { (query: Due) in query.revisions.map { snapshotDue(after: $0, every: query.every) } },
            "latestSnapshot": .value { (query: Every) in latestSnapshot(of: query.events, every: query.every) },
            "load": .value { (query: Load) in load(query.snapshot, query.stream) },
            "bothWays": .value { (query: Every) in
                BothWays(
                    fromSnapshot: load(latestSnapshot(of: query.events, every: query.every), query.events).card,
                    fullReplay: query.events.map(\.event).reduce(LoyaltyCard.initial, evolveCard))
            },
        ])
    }
}
