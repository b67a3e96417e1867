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

/// A stored event with its revision and the moment it was recorded (ISO 8601, e.g. 2026-11-24T11:05:00Z).
struct Stamped: Codable, Equatable {
    var revision: Int
    var at: String
    var event: OrderEvent
}

/// The state after the events up to and including `revision`.
func orderState(_ history: [Stamped], atRevision revision: Int) -> OrderState {
    history.filter { $0.revision <= revision }.map(\.event).reduce(OrderState.initial, evolveOrder)
}

/// The state as it was at `time`: the events recorded at or before it.
func orderState(_ history: [Stamped], at time: String) -> OrderState {
    let formatter = ISO8601DateFormatter()
    guard let moment = formatter.date(from: time) else { return OrderState.initial }
    return history.filter { (formatter.date(from: $0.at) ?? .distantFuture) <= moment }.map(\.event).reduce(OrderState.initial, evolveOrder)
}
