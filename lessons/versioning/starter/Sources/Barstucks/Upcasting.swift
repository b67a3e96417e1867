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

/// Why an event could not be read.
enum UpcastError: Error, Equatable {
    case unknownType, unknownVersion
}

/// The version each type is written in today. Version 3 of OrderPlaced is `OrderEvent.orderPlaced`, with a list of items.
let currentVersions = ["OrderPlaced": 3, "OrderPaid": 1, "OrderPrepared": 1, "OrderServed": 1]

/// Version 1 → 2: rename the customer, and turn euros into cents.
func upcast(_ v1: OrderPlacedV1) -> OrderPlacedV2 {
    // TODO: customer becomes customerId; the price in euros becomes a total in cents (mind 4.35).
    OrderPlacedV2(orderId: v1.orderId, customerId: "", item: v1.item, total: 0)
}

/// Version 2 → 3: the single item becomes a list.
func upcast(_ v2: OrderPlacedV2) -> OrderEvent {
    // TODO: today's orderPlaced has a list of items.
    .orderPlaced(orderId: v2.orderId, customerId: v2.customerId, items: [], total: v2.total)
}

/// Read a stored event in today's shape, upcasting through the chain when it is older.
func readOrderEvent(_ stored: StoredEvent) throws -> OrderEvent {
    guard let current = currentVersions[stored.type] else { throw UpcastError.unknownType }
    if stored.version == current {
        return try JSONDecoder().decode(OrderEvent.self, from: Data(stored.data.utf8))
    }
    // TODO: OrderPlaced version 2 goes through one upcast, version 1 through both; any other version is unknown.
    throw UpcastError.unknownVersion
}

/// Write an event as the store keeps it: always today's version.
func storedEvent(_ event: OrderEvent) throws -> StoredEvent {
    let data = String(decoding: try JSONEncoder().encode(event), as: UTF8.self)
    return StoredEvent(type: event.eventType, version: currentVersions[event.eventType] ?? 1, data: data)
}
