// Barstucks · Projections and read models
//
// Read models built from the all-stream, one delivered event at a time, remembering where they are.
// Type `lesson` for the why, `hint` if you are stuck, `check` to see how far you are.

/// An event as a projection receives it from the all-stream: its global position, its stream,
/// and the event itself (an order's or a customer's).
struct Delivered: Codable, Equatable {
    var position: Int
    var stream: String
    var order: OrderEvent?
    var customer: CustomerEvent?
}

/// The barista's queue: orders paid and not yet prepared, in the order they were paid.
struct BaristaQueue: Codable, Equatable {
    /// The position of the last event applied; anything at or before it has been seen.
    var checkpoint: Int?
    var waiting: [String] = []

    mutating func apply(_ delivered: Delivered) {
        // TODO: skip what was applied already (at or before the checkpoint), move the checkpoint,
        // then: a paid order joins the end of the queue; a prepared one leaves it.
        _ = delivered
    }
}

/// Loyalty: one point per served order, to the customer who placed it.
struct Loyalty: Codable, Equatable {
    var checkpoint: Int?
    var points: [String: Int] = [:]
    /// Who placed each order: the projection's own memory, since orderServed does not say.
    var customerOfOrder: [String: String] = [:]

    mutating func apply(_ delivered: Delivered) {
        // TODO: the same checkpoint rule; remember who placed each order, and give that customer
        // a point when the order is served.
        _ = delivered
    }
}

/// What a read model answers someone who has just written: the answer once the model has applied
/// their write, or that it is stale and how far it got, never old data passed off as current.
enum ReadAnswer<Value: Equatable>: Equatable {
    case current(Value)
    case stale(checkpoint: Int?, wrote: Int)
}

extension Loyalty {
    /// Read your own writes: `customer`'s points for someone whose write was appended at `position`.
    func points(of customer: String, afterWriteAt position: Int) -> ReadAnswer<Int> {
        // TODO: answer only once the checkpoint has reached the reader's write; before that, say
        // it is stale (with the checkpoint and the write's position) instead of answering old data.
        .current(points[customer, default: 0])
    }
}
