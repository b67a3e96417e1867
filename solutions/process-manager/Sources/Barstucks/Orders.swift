// Barstucks · Many streams
//
// One stream per order: `order-323` holds the life of order 323, and nothing else.
// Since the process manager: a paid order that is never prepared can be refunded.

/// What happened to a coffee order, in the past tense. Amounts are in cents.
enum OrderEvent: Codable, Equatable {
    case orderPlaced(orderId: String, customerId: String, items: [String], total: Int)
    case orderPaid(orderId: String, amount: Int)
    case orderPrepared(orderId: String, barista: String)
    case orderServed(orderId: String)
    /// The payment went back to the customer: the order will not be made.
    case orderRefunded(orderId: String, amount: Int)

    var eventType: String {
        switch self {
        case .orderPlaced: "OrderPlaced"
        case .orderPaid: "OrderPaid"
        case .orderPrepared: "OrderPrepared"
        case .orderServed: "OrderServed"
        case .orderRefunded: "OrderRefunded"
        }
    }
}

/// The menu: what each item costs, in cents. Prices are the shop's to say, so an order's total is
/// worked out here from its items, never taken from whoever sends the command.
let menu: [String: Int] = [
    "latte": 450, "flat white": 380, "cortado": 350, "cappuccino": 420, "tea": 300,
    "croissant": 200, "muffin": 270,
]

/// What someone asks of an order.
enum OrderCommand: Codable, Equatable {
    case placeOrder(orderId: String, customerId: String, items: [String])
    case payOrder(orderId: String, amount: Int)
    case prepareOrder(orderId: String, barista: String)
    case serveOrder(orderId: String)
    /// Give the payment back. The order knows how much was paid: the asker does not say.
    case refundOrder(orderId: String)
}

/// Why an order refused a command.
enum OrderError: Error, Equatable {
    case alreadyPlaced, notPlaced, emptyOrder, unknownItem
    case alreadyPaid, wrongAmount, notPaid
    case alreadyPrepared, notPrepared, alreadyServed
    case refunded
}

/// The order's decider: a command and the order's own history (its stream) in, new events out.
func decideOrder(_ command: OrderCommand, given events: [OrderEvent]) throws -> [OrderEvent] {
    var placedTotal: Int?
    var paid = false, prepared = false, served = false
    var paidAmount = 0, refunded = false
    for event in events {
        switch event {
        case .orderPlaced(_, _, _, let total): placedTotal = total
        case .orderPaid(_, let amount):
            paid = true
            paidAmount = amount
        case .orderPrepared: prepared = true
        case .orderServed: served = true
        case .orderRefunded: refunded = true
        }
    }
    switch command {
    case .placeOrder(let orderId, let customerId, let items):
        guard placedTotal == nil else { throw OrderError.alreadyPlaced }
        guard !items.isEmpty else { throw OrderError.emptyOrder }
        var total = 0
        for item in items {
            guard let price = menu[item] else { throw OrderError.unknownItem }
            total += price
        }
        return [.orderPlaced(orderId: orderId, customerId: customerId, items: items, total: total)]
    case .payOrder(let orderId, let amount):
        guard let total = placedTotal else { throw OrderError.notPlaced }
        guard !paid else { throw OrderError.alreadyPaid }
        guard amount == total else { throw OrderError.wrongAmount }
        return [.orderPaid(orderId: orderId, amount: amount)]
    case .prepareOrder(let orderId, let barista):
        guard placedTotal != nil else { throw OrderError.notPlaced }
        guard paid else { throw OrderError.notPaid }
        guard !refunded else { throw OrderError.refunded }
        guard !prepared else { throw OrderError.alreadyPrepared }
        return [.orderPrepared(orderId: orderId, barista: barista)]
    case .serveOrder(let orderId):
        guard placedTotal != nil else { throw OrderError.notPlaced }
        guard prepared else { throw OrderError.notPrepared }
        guard !served else { throw OrderError.alreadyServed }
        return [.orderServed(orderId: orderId)]
    case .refundOrder(let orderId):
        guard placedTotal != nil else { throw OrderError.notPlaced }
        guard paid else { throw OrderError.notPaid }
        guard !refunded else { throw OrderError.refunded }
        // Once the drink is made, the payment stands: the refund loses the race.
        guard !prepared else { throw OrderError.alreadyPrepared }
        return [.orderRefunded(orderId: orderId, amount: paidAmount)]
    }
}
