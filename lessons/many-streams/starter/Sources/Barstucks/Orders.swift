// Barstucks · Many streams
//
// Type `lesson` for the rules, `hint` if you are stuck, `check` to see how far you are.
//
// One stream per order: `order-323` holds the life of order 323, and nothing else. Its decider
// has the shape of yesterday's game: a state, decide on the state, evolve.
import EventSourcing

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

/// Where an order is in its life: the one thing its rules need to know, besides its total.
enum OrderStatus: String, Codable, Equatable {
    case none, placed, paid, prepared, served
}

/// What an order looks like after its events so far.
struct OrderState: Codable, Equatable {
    var status: OrderStatus
    var total: Int?
    var barista: String?

    static let initial = OrderState(status: .none, total: nil, barista: nil)
}

/// The order as the kit's `Decider`: what the shell, and whatever else loads, decides and saves,
/// asks of an order.
let orderDecider = Decider(initialState: OrderState.initial, decide: decideOrder, evolve: evolveOrder)

/// The order's state after one more event. It never refuses: an event is a fact.
func evolveOrder(_ state: OrderState, _ event: OrderEvent) -> OrderState {
    // TODO: placed (with its total), paid, prepared (by whom), served.
    state
}

/// The order's rules: a command and the order's state (its own stream, folded) in, new events out.
func decideOrder(_ command: OrderCommand, state: OrderState) throws -> [OrderEvent] {
    // TODO: apply the rules of each command in the lesson's order, reading `state`.
    []
}
