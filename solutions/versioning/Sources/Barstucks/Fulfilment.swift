// Barstucks · A process manager
//
// Fulfilment drives each order from payment to serving: it listens to order events and sends
// the next command, carrying the causation and correlation ids along.

/// An order event as the process manager receives it, with the ids of its envelope.
struct Received: Codable, Equatable {
    var eventId: String
    /// The conversation the event belongs to; nil when the event started one.
    var correlationId: String?
    var event: OrderEvent
}

/// A command the process manager sends, traced back to the event that caused it.
struct Sent: Codable, Equatable {
    var command: OrderCommand
    /// The id of the event that made the process manager send this command.
    var causationId: String
    /// The conversation's id, the same for every message that follows from one first event.
    var correlationId: String
}

/// Payment → preparation → serving, for every order.
struct Fulfilment: Codable, Equatable {
    /// The barista who is making drinks now.
    var barista = "sam"
    /// The events already handled: a redelivered event must not send its command again.
    var handled: Set<String> = []

    mutating func handle(_ received: Received) -> [Sent] {
        guard !handled.contains(received.eventId) else { return [] }
        handled.insert(received.eventId)
        let correlationId = received.correlationId ?? received.eventId
        func send(_ command: OrderCommand) -> [Sent] {
            [Sent(command: command, causationId: received.eventId, correlationId: correlationId)]
        }
        switch received.event {
        case .orderPaid(let orderId, _):
            return send(.prepareOrder(orderId: orderId, barista: barista))
        case .orderPrepared(let orderId, _):
            return send(.serveOrder(orderId: orderId))
        case .orderPlaced, .orderServed:
            return []
        }
    }
}
