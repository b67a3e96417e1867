// Barstucks · Snapshots
//
// A regular's stream grows by a point with every coffee. A snapshot remembers the card at some
// revision, so loading reads only the events after it.

/// A customer's loyalty card, the fold of the customer's stream.
struct LoyaltyCard: Codable, Equatable {
    var name: String?
    var points: Int

    static let initial = LoyaltyCard(name: nil, points: 0)
}

/// The card after one more event.
func evolveCard(_ card: LoyaltyCard, _ event: CustomerEvent) -> LoyaltyCard {
    var card = card
    switch event {
    case .customerRegistered(_, let name, _):
        card.name = name
    case .loyaltyPointEarned:
        card.points += 1
    }
    return card
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
    (revision + 1) % every == 0
}

/// The latest snapshot a store would hold after these events, taken every `every` events; nil before the first.
func latestSnapshot(of events: [Numbered], every: Int) -> Snapshot? {
    var card = LoyaltyCard.initial
    var latest: Snapshot?
    for numbered in events {
        card = evolveCard(card, numbered.event)
        if snapshotDue(after: numbered.revision, every: every) {
            latest = Snapshot(schema: cardSchema, revision: numbered.revision, card: card)
        }
    }
    return latest
}

/// Load a card: start from the snapshot when its schema is today's, and read only the events after it.
/// `readFrom(n)` reads the customer's stream from revision n to its end.
func loadCard(snapshot: Snapshot?, readFrom: (Int) -> [Numbered]) -> LoyaltyCard {
    guard let snapshot else {
        return readFrom(0).map(\.event).reduce(LoyaltyCard.initial, evolveCard)
    }
    return readFrom(snapshot.revision + 1).map(\.event).reduce(snapshot.card, evolveCard)
}
