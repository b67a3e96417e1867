// Barstucks · Temporal queries
//
// The state of an order at any moment of its past: fold only the events up to that moment, with
// the order's decider (`orderDecider` in Orders.swift).
// Type `lesson` for the why, `hint` if you are stuck, `check` to see how far you are.
import Foundation

/// A stored event with its revision and the moment the store recorded it (ISO 8601, e.g.
/// 2026-11-24T11:05:00Z). When something happened in the world is the domain's to say, in the
/// event's own data (an `occurredAt`); `recordedAt` is when the system learnt of it.
struct Stamped: Codable, Equatable {
    var revision: Int
    var recordedAt: String
    var event: OrderEvent
}

/// The state after the events up to and including `revision`.
func orderState(_ history: [Stamped], atRevision revision: Int) -> OrderState {
    // TODO: fold only the stream's prefix up to and including `revision`.
    orderDecider.fold(history.map(\.event))
}

/// What the system knew at `time`: the stream up to its first event recorded after `time`.
func orderState(_ history: [Stamped], at time: String) -> OrderState {
    // TODO: parse the times (ISO8601DateFormatter) and fold the stream's prefix recorded at or before `time`.
    orderDecider.fold(history.map(\.event))
}
