// Barstucks · A process manager
//
// Fulfilment follows each order from payment to serving. It holds what it has seen of each order,
// hears the clock as a message (it never reads one), and sends commands whose ids come from their
// causes, so that a cause delivered again sends the same id and the receiver can tell.
// Type `lesson` for the why, `hint` if you are stuck, `check` to see how far you are.
//
// First teach the order to refund (Orders.swift: orderRefunded, refundOrder, OrderError.refunded),
// the customer to earn a point (Customers.swift: earnLoyaltyPoint, notRegistered,
// pointAlreadyEarned, and CustomerState.pointsFor, which evolveCustomer fills), and OrderStatus
// the refunded case, which evolveOrder (Orders.swift) sets; `lesson` has the rules.

/// An order event as the process manager receives it: the ids of its envelope, and when it was
/// recorded (seconds since 1970; the suite counts from 0).
struct Received: Codable, Equatable {
    var eventId: String
    /// The conversation the event belongs to; nil when the event started one.
    var correlationId: String?
    var at: Int
    var event: OrderEvent
}

/// A command the process manager sends to one aggregate: to an order or to a customer.
struct Sent: Codable, Equatable {
    /// Made from the cause, never random: the same cause, delivered again, sends the same id.
    var commandId: String
    var order: OrderCommand?
    var customer: CustomerCommand?
    /// The id of the event that made the process manager send this command.
    var causationId: String
    /// The conversation's id, the same for every message that follows from one first event.
    var correlationId: String
}

/// How long a paid order may wait for the barista (seconds) before the customer is refunded.
let preparationDeadline = 10 * 60

/// What the process knows of one order, from the order's events it has seen.
struct OrderProgress: Codable, Equatable {
    // TODO: whose order it is, the payment that started the wait (its event id and conversation),
    // when the wait runs out, and whether the refund was asked for.
}

/// Payment to serving, for every order: a point when it is served (a policy), a refund when the
/// barista never gets to it (the deadline and its compensation).
struct Fulfilment: Codable, Equatable {
    /// The orders in progress. An order leaves when it is served or refunded: what is kept stays
    /// as small as the work still open.
    var orders: [String: OrderProgress] = [:]

    mutating func handle(_ received: Received) -> [Sent] {
        // TODO: remember what each event says of its order; orderServed sends earnLoyaltyPoint to
        // the customer (id fulfilment/earn-loyalty-point/<event id>), and the order is done.
        // TODO: causationId is the event's id; correlationId carries on (or starts at this event).
        []
    }

    /// The clock, as a message: every order whose wait ran out by `now` is refunded, once.
    mutating func timePassed(now: Int) -> [Sent] {
        // TODO: refundOrder for each order paid, not prepared, and waiting since preparationDeadline
        // or longer (id fulfilment/refund/<payment's event id>), asked once.
        []
    }
}
