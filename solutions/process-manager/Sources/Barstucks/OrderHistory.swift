// Barstucks · Temporal queries
//
// The state of an order at any moment of its past: fold only the events up to that moment.
// Since the process manager: an order can end refunded.
import Foundation

/// What an order looks like at some moment.
struct OrderState: Codable, Equatable {
    /// "none", "placed", "paid", "prepared", "served" or "refunded".
    var status: String
    var total: Int?
    var barista: String?

    static let initial = OrderState(status: "none", total: nil, barista: nil)
}

/// The order's state after one more event.
func evolveOrder(_ state: OrderState, _ event: OrderEvent) -> OrderState {
    var state = state
    switch event {
    case .orderPlaced(_, _, _, let total):
        state.status = "placed"
        state.total = total
    case .orderPaid:
        state.status = "paid"
    case .orderPrepared(_, let barista):
        state.status = "prepared"
        state.barista = barista
    case .orderServed:
        state.status = "served"
    case .orderRefunded:
        state.status = "refunded"
    }
    return state
}

/// A stored event with its revision and the moment the store recorded it (ISO 8601, e.g.
/// 2026-11-24T11:05:00Z). When something happened in the world is the domain's to say, in the
/// event's own data (an `occurredAt`); `recordedAt` is when the system learnt of it.
struct Stamped: Codable, Equatable {
    var revision: Int
    var recordedAt: String
    var event: OrderEvent
}

/// The state after the events up to and including `revision`: a prefix of the stream.
func orderState(_ history: [Stamped], atRevision revision: Int) -> OrderState {
    history.prefix { $0.revision <= revision }.map(\.event).reduce(OrderState.initial, evolveOrder)
}

/// What the system knew at `time`: the stream up to its first event recorded after `time`.
/// A prefix, never a filter: a clock that stepped back must not fold a later event without the
/// ones before it, into a state that never existed.
func orderState(_ history: [Stamped], at time: String) -> OrderState {
    let formatter = ISO8601DateFormatter()
    guard let moment = formatter.date(from: time) else { return OrderState.initial }
    return history.prefix { (formatter.date(from: $0.recordedAt) ?? .distantFuture) <= moment }
        .map(\.event).reduce(OrderState.initial, evolveOrder)
}
