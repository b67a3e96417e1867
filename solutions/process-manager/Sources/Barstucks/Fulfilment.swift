// Barstucks · A process manager
//
// Fulfilment follows each order from payment to serving. It holds what it has seen of each order,
// hears the clock as a message (it never reads one), and sends commands whose ids come from their
// causes, so that a cause delivered again sends the same id and the receiver can tell.

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
    var customerId: String?
    /// Set by the payment: its event, its conversation, and when its wait runs out.
    var paidEventId: String?
    var correlationId: String?
    var deadline: Int?
    /// The refund was asked for: the clock ticking on does not ask again.
    var refundAsked = false
}

/// Payment to serving, for every order: a point when it is served (a policy), a refund when the
/// barista never gets to it (the deadline and its compensation).
struct Fulfilment: Codable, Equatable {
    /// The orders in progress. An order leaves when it is served or refunded: what is kept stays
    /// as small as the work still open.
    var orders: [String: OrderProgress] = [:]

    mutating func handle(_ received: Received) -> [Sent] {
        let correlationId = received.correlationId ?? received.eventId
        switch received.event {
        case .orderPlaced(let orderId, let customerId, _, _):
            orders[orderId, default: OrderProgress()].customerId = customerId
        case .orderPaid(let orderId, _):
            orders[orderId, default: OrderProgress()].paidEventId = received.eventId
            orders[orderId]?.correlationId = correlationId
            orders[orderId]?.deadline = received.at + preparationDeadline
        case .orderPrepared(let orderId, _):
            // Made in time: no refund is due any more.
            orders[orderId]?.deadline = nil
        case .orderServed(let orderId):
            guard let customerId = orders.removeValue(forKey: orderId)?.customerId else { return [] }
            return [
                Sent(
                    commandId: "fulfilment/earn-loyalty-point/\(received.eventId)", order: nil,
                    customer: .earnLoyaltyPoint(customerId: customerId, orderId: orderId),
                    causationId: received.eventId, correlationId: correlationId)
            ]
        case .orderRefunded(let orderId, _):
            orders[orderId] = nil
        }
        return []
    }

    /// The clock, as a message: every order whose wait ran out by `now` is refunded, once.
    mutating func timePassed(now: Int) -> [Sent] {
        var sent: [Sent] = []
        // In the order of the ids, so that the same messages always send the same commands in the same order.
        for orderId in orders.keys.sorted() {
            guard let progress = orders[orderId], let deadline = progress.deadline, deadline <= now, !progress.refundAsked,
                let paidEventId = progress.paidEventId, let correlationId = progress.correlationId
            else { continue }
            orders[orderId]?.refundAsked = true
            sent.append(
                Sent(
                    commandId: "fulfilment/refund/\(paidEventId)", order: .refundOrder(orderId: orderId), customer: nil,
                    causationId: paidEventId, correlationId: correlationId))
        }
        return sent
    }
}
