// Barstucks · Projections and read models
//
// Read models built from the all-stream, one delivered event at a time, remembering where they are.

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
        // Delivered twice (a retry, a restart)? Then it has been applied already.
        if let checkpoint, delivered.position <= checkpoint { return }
        checkpoint = delivered.position
        switch delivered.order {
        case .orderPaid(let orderId, _)?:
            if !waiting.contains(orderId) { waiting.append(orderId) }
        case .orderPrepared(let orderId, _)?:
            waiting.removeAll { $0 == orderId }
        default:
            break
        }
    }
}

/// Loyalty: one point per served order, to the customer who placed it.
struct Loyalty: Codable, Equatable {
    var checkpoint: Int?
    var points: [String: Int] = [:]
    /// Who placed each order: the projection's own memory, since orderServed does not say.
    var customerOfOrder: [String: String] = [:]

    mutating func apply(_ delivered: Delivered) {
        if let checkpoint, delivered.position <= checkpoint { return }
        checkpoint = delivered.position
        switch delivered.order {
        case .orderPlaced(let orderId, let customerId, _, _)?:
            customerOfOrder[orderId] = customerId
        case .orderServed(let orderId)?:
            if let customer = customerOfOrder[orderId] { points[customer, default: 0] += 1 }
        default:
            break
        }
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
        guard let checkpoint, checkpoint >= position else { return .stale(checkpoint: checkpoint, wrote: position) }
        return .current(points[customer, default: 0])
    }
}
