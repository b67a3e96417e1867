// Barstucks · Versioning
//
// OrderPlaced changed shape twice. The store keeps every event as it was written; reading
// upcasts old versions, one step at a time, to the shape the code knows today.
// Type `lesson` for the why, `hint` if you are stuck, `check` to see how far you are.
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
    // TODO: customer becomes customerId; the price in euros becomes a total in cents (mind 4.35).
    OrderPlacedV2(orderId: v1.orderId, customerId: "", item: v1.item, total: 0)
}

/// Version 2 → 3: the single item becomes a list.
func upcast(_ v2: OrderPlacedV2) -> OrderPlacedV3 {
    // TODO: today's OrderPlaced has a list of items.
    OrderPlacedV3(orderId: v2.orderId, customerId: v2.customerId, items: [], total: v2.total)
}

/// Read a stored event in today's shape: the envelope's type picks the shape, and an older
/// version goes through the chain of upcasters first.
func readOrderEvent(_ stored: StoredEvent) throws -> OrderEvent {
    guard currentVersions[stored.type] != nil else { throw UpcastError.unknownType }
    // TODO: switch on (type, version). Today's versions decode into their stored shape (the
    // mirror image of `storedEvent` below) and become an OrderEvent; OrderPlaced versions 2 and 1
    // go through one and two upcasts first; any other version is unknown.
    throw UpcastError.unknownVersion
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
