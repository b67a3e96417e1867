// Barstucks · Versioning
//
// OrderPlaced changed shape twice. The store keeps every event as it was written; reading
// upcasts old versions, one step at a time, to the shape the code knows today.
import Foundation

/// An event as the store holds it: its type, the version of its shape, and its JSON data.
/// The fields are constants: nothing here rewrites what was stored.
struct StoredEvent: Codable, Equatable {
    let type: String
    let version: Int
    let data: String
}

/// OrderPlaced, version 1 (last spring): one item, the customer's name as `customer`, the price in euros.
struct OrderPlacedV1: Codable, Equatable {
    var orderId: String
    var customer: String
    var item: String
    var price: Double
}

/// OrderPlaced, version 2 (the summer): `customerId`, and the total in cents.
struct OrderPlacedV2: Codable, Equatable {
    var orderId: String
    var customerId: String
    var item: String
    var total: Int
}

// Today's stored shapes, one per event type: the contract on disk. They are written apart from
// `OrderEvent`, so renaming a case or a label in Swift never renames history; the envelope's
// type says which shape the data has.

/// OrderPlaced, version 3 (the autumn): a list of items.
struct OrderPlacedV3: Codable, Equatable {
    var orderId: String
    var customerId: String
    var items: [String]
    var total: Int
}

/// OrderPaid, version 1.
struct OrderPaidV1: Codable, Equatable {
    var orderId: String
    var amount: Int
}

/// OrderPrepared, version 1.
struct OrderPreparedV1: Codable, Equatable {
    var orderId: String
    var barista: String
}

/// OrderServed, version 1.
struct OrderServedV1: Codable, Equatable {
    var orderId: String
}

/// OrderRefunded, version 1 (since the process manager).
struct OrderRefundedV1: Codable, Equatable {
    var orderId: String
    var amount: Int
}

/// Why an event could not be read.
enum UpcastError: Error, Equatable {
    case unknownType, unknownVersion
}

/// The version each type is written in today.
let currentVersions = ["OrderPlaced": 3, "OrderPaid": 1, "OrderPrepared": 1, "OrderServed": 1, "OrderRefunded": 1]

/// Version 1 → 2: rename the customer, and turn euros into cents.
func upcast(_ v1: OrderPlacedV1) -> OrderPlacedV2 {
    OrderPlacedV2(orderId: v1.orderId, customerId: v1.customer, item: v1.item, total: Int((v1.price * 100).rounded()))
}

/// Version 2 → 3: the single item becomes a list.
func upcast(_ v2: OrderPlacedV2) -> OrderPlacedV3 {
    OrderPlacedV3(orderId: v2.orderId, customerId: v2.customerId, items: [v2.item], total: v2.total)
}

/// Read a stored event in today's shape: the envelope's type picks the shape, and an older
/// version goes through the chain of upcasters first.
func readOrderEvent(_ stored: StoredEvent) throws -> OrderEvent {
    guard currentVersions[stored.type] != nil else { throw UpcastError.unknownType }
    let data = Data(stored.data.utf8)
    let decoder = JSONDecoder()
    let placed: OrderPlacedV3
    switch (stored.type, stored.version) {
    case ("OrderPlaced", 3):
        placed = try decoder.decode(OrderPlacedV3.self, from: data)
    case ("OrderPlaced", 2):
        placed = upcast(try decoder.decode(OrderPlacedV2.self, from: data))
    case ("OrderPlaced", 1):
        placed = upcast(upcast(try decoder.decode(OrderPlacedV1.self, from: data)))
    case ("OrderPaid", 1):
        let paid = try decoder.decode(OrderPaidV1.self, from: data)
        return .orderPaid(orderId: paid.orderId, amount: paid.amount)
    case ("OrderPrepared", 1):
        let prepared = try decoder.decode(OrderPreparedV1.self, from: data)
        return .orderPrepared(orderId: prepared.orderId, barista: prepared.barista)
    case ("OrderServed", 1):
        return .orderServed(orderId: try decoder.decode(OrderServedV1.self, from: data).orderId)
    case ("OrderRefunded", 1):
        let refunded = try decoder.decode(OrderRefundedV1.self, from: data)
        return .orderRefunded(orderId: refunded.orderId, amount: refunded.amount)
    default:
        throw UpcastError.unknownVersion
    }
    return .orderPlaced(orderId: placed.orderId, customerId: placed.customerId, items: placed.items, total: placed.total)
}

/// Write an event as the store keeps it: always today's version, in today's stored shape.
func storedEvent(_ event: OrderEvent) throws -> StoredEvent {
    let encoder = JSONEncoder()
    let data: Data
    switch event {
    case .orderPlaced(let orderId, let customerId, let items, let total):
        data = try encoder.encode(OrderPlacedV3(orderId: orderId, customerId: customerId, items: items, total: total))
    case .orderPaid(let orderId, let amount):
        data = try encoder.encode(OrderPaidV1(orderId: orderId, amount: amount))
    case .orderPrepared(let orderId, let barista):
        data = try encoder.encode(OrderPreparedV1(orderId: orderId, barista: barista))
    case .orderServed(let orderId):
        data = try encoder.encode(OrderServedV1(orderId: orderId))
    case .orderRefunded(let orderId, let amount):
        data = try encoder.encode(OrderRefundedV1(orderId: orderId, amount: amount))
    }
    return StoredEvent(type: event.eventType, version: currentVersions[event.eventType] ?? 1, data: String(decoding: data, as: UTF8.self))
}
