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

/// Why an event could not be read.
enum UpcastError: Error, Equatable {
    case unknownType, unknownVersion
}

/// The version each type is written in today. Version 3 of OrderPlaced is `OrderEvent.orderPlaced`, with a list of items.
let currentVersions = ["OrderPlaced": 3, "OrderPaid": 1, "OrderPrepared": 1, "OrderServed": 1]

/// Version 1 → 2: rename the customer, and turn euros into cents.
func upcast(_ v1: OrderPlacedV1) -> OrderPlacedV2 {
    OrderPlacedV2(orderId: v1.orderId, customerId: v1.customer, item: v1.item, total: Int((v1.price * 100).rounded()))
}

/// Version 2 → 3: the single item becomes a list.
func upcast(_ v2: OrderPlacedV2) -> OrderEvent {
    .orderPlaced(orderId: v2.orderId, customerId: v2.customerId, items: [v2.item], total: v2.total)
}

/// Read a stored event in today's shape, upcasting through the chain when it is older.
func readOrderEvent(_ stored: StoredEvent) throws -> OrderEvent {
    guard let current = currentVersions[stored.type] else { throw UpcastError.unknownType }
    let data = Data(stored.data.utf8)
    let decoder = JSONDecoder()
    switch (stored.type, stored.version) {
    case (_, current):
        return try decoder.decode(OrderEvent.self, from: data)
    case ("OrderPlaced", 2):
        return upcast(try decoder.decode(OrderPlacedV2.self, from: data))
    case ("OrderPlaced", 1):
        return upcast(upcast(try decoder.decode(OrderPlacedV1.self, from: data)))
    default:
        throw UpcastError.unknownVersion
    }
}

/// Write an event as the store keeps it: always today's version.
func storedEvent(_ event: OrderEvent) throws -> StoredEvent {
    let data = String(decoding: try JSONEncoder().encode(event), as: UTF8.self)
    return StoredEvent(type: event.eventType, version: currentVersions[event.eventType] ?? 1, data: data)
}
