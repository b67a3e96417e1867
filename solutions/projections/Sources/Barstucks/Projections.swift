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

    /// A projection skips an event of a type it does not know (added later, or by another team):
    /// it arrives with both events nil and still moves the checkpoint. An event of a known type
    /// that does not decode is a bug, and still fails.
    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        position = try fields.decode(Int.self, forKey: .position)
        stream = try fields.decode(String.self, forKey: .stream)
        order = try fields.decodeIfKnown(OrderEvent.self, forKey: .order)
        customer = try fields.decodeIfKnown(CustomerEvent.self, forKey: .customer)
    }
}

extension KeyedDecodingContainer {
    /// The event at `key`, or nil when its type names no case of `Event` (Swift's enum coding
    /// reports that as a type mismatch at the event itself, not inside it).
    fileprivate func decodeIfKnown<Event: Decodable>(_ type: Event.Type, forKey key: Key) throws -> Event? {
        do {
            return try decodeIfPresent(Event.self, forKey: key)
        } catch DecodingError.typeMismatch(let mismatched, let context)
            where ObjectIdentifier(mismatched) == ObjectIdentifier(Event.self) && context.codingPath.count == codingPath.count + 1
        {
            return nil
        }
    }
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
