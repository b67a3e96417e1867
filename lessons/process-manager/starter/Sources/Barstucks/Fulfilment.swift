// Barstucks · A process manager
//
// Fulfilment drives each order from payment to serving: it listens to order events and sends
// the next command, carrying the causation and correlation ids along.
// Type `lesson` for the why, `hint` if you are stuck, `check` to see how far you are.

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
        // TODO: a paid order goes to the barista (prepareOrder), a prepared one is served (serveOrder).
        // TODO: causationId is the event's id; correlationId carries on (or starts at this event).
        // TODO: an event handled before sends nothing.
        []
    }
}
