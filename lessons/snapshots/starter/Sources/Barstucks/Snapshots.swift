// Barstucks · Snapshots
//
// A regular's stream grows by a point with every coffee. A snapshot remembers the card at some
// revision, so loading reads only the events after it.
// Type `lesson` for the why, `hint` if you are stuck, `check` to see how far you are.

/// A customer's loyalty card, the fold of the customer's stream.
struct LoyaltyCard: Codable, Equatable {
    var name: String?
    var points: Int

    static let initial = LoyaltyCard(name: nil, points: 0)
}

/// The card after one more event.
func evolveCard(_ card: LoyaltyCard, _ event: CustomerEvent) -> LoyaltyCard {
    // TODO: a registration names the card; every loyaltyPointEarned adds a point.
    card
}

/// An event of a customer's stream, with its revision.
struct Numbered: Codable, Equatable {
    var revision: Int
    var event: CustomerEvent
}

/// The card as it was after the event at `revision`, in the shape `schema` describes.
struct Snapshot: Codable, Equatable {
    var schema: Int
    var revision: Int
    var card: LoyaltyCard
}

/// The card's schema today. Schema 1 counted free coffees, not points: its snapshots mean something else.
let cardSchema = 2

/// Whether a snapshot is due after the event at `revision`: one after every `every` events.
func snapshotDue(after revision: Int, every: Int) -> Bool {
    // TODO: true after every `every`-th event (revisions start at 0).
    false
}

/// The latest snapshot a store would hold after these events, taken every `every` events; nil before the first.
func latestSnapshot(of events: [Numbered], every: Int) -> Snapshot? {
    // TODO: fold the events, and keep a Snapshot (schema, revision, card) whenever one is due.
    nil
}

/// A card as loaded, and the revision of the last event it stands for: what the next append to
/// the customer's stream expects (nil for a customer with no events).
struct LoadedCard: Codable, Equatable {
    var card: LoyaltyCard
    var revision: Int?
}

/// Load a card: start from the snapshot when its schema is today's, and read only the events after it.
/// `readFrom(n)` reads the customer's stream from revision n to its end.
func loadCard(snapshot: Snapshot?, readFrom: (Int) -> [Numbered]) -> LoadedCard {
    // TODO: use the snapshot when its schema is today's, and read only the events after its revision.
    // The revision is the stream's last: the tail's last event, or the snapshot's when no event came after it.
    LoadedCard(card: readFrom(0).map(\.event).reduce(LoyaltyCard.initial, evolveCard), revision: nil)
}
