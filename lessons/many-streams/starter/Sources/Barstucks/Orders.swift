// Barstucks · Many streams
//
// Type `lesson` for the rules, `hint` if you are stuck, `check` to see how far you are.
//
// One stream per order: `order-323` holds the life of order 323, and nothing else.

/// What happened to a coffee order, in the past tense. Amounts are in cents.
enum OrderEvent: Codable, Equatable {
    case orderPlaced(orderId: String, customerId: String, items: [String], total: Int)
    case orderPaid(orderId: String, amount: Int)
    case orderPrepared(orderId: String, barista: String)
    case orderServed(orderId: String)

    var eventType: String {
        switch self {
        case .orderPlaced: "OrderPlaced"
        case .orderPaid: "OrderPaid"
        case .orderPrepared: "OrderPrepared"
        case .orderServed: "OrderServed"
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
}

/// Why an order refused a command.
enum OrderError: Error, Equatable {
    case alreadyPlaced, notPlaced, emptyOrder, unknownItem
    case alreadyPaid, wrongAmount, notPaid
    case alreadyPrepared, notPrepared, alreadyServed
}

/// The order's decider: a command and the order's own history (its stream) in, new events out.
func decideOrder(_ command: OrderCommand, given events: [OrderEvent]) throws -> [OrderEvent] {
    // TODO: read what the order's history says (placed? for how much? paid? prepared? served?),
    // then apply the rules of each command in the lesson's order.
    []
}
