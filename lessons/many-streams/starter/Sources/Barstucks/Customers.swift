// Barstucks · Many streams
//
// One stream per customer: `customer-helen` holds who Helen is and what she earned.
import EventSourcing

/// What happened to a customer.
enum CustomerEvent: Codable, Equatable {
    case customerRegistered(customerId: String, name: String, email: String)
    case loyaltyPointEarned(customerId: String, orderId: String)

    var eventType: String {
        switch self {
        case .customerRegistered: "CustomerRegistered"
        case .loyaltyPointEarned: "LoyaltyPointEarned"
        }
    }
}

/// What someone asks of a customer.
enum CustomerCommand: Codable, Equatable {
    case registerCustomer(customerId: String, name: String, email: String)
}

/// Why a customer refused a command.
enum CustomerError: Error, Equatable {
    case alreadyRegistered, invalidEmail
}

/// What a customer's rules need of the customer's history.
struct CustomerState: Codable, Equatable {
    var registered: Bool

    static let initial = CustomerState(registered: false)
}

/// The customer as the kit's `Decider`.
let customerDecider = Decider(initialState: CustomerState.initial, decide: decideCustomer, evolve: evolveCustomer)

/// The customer's state after one more event.
func evolveCustomer(_ state: CustomerState, _ event: CustomerEvent) -> CustomerState {
    // TODO: a registration registers.
    state
}

/// The customer's rules, on the customer's state (their own stream, folded).
func decideCustomer(_ command: CustomerCommand, state: CustomerState) throws -> [CustomerEvent] {
    switch command {
    case .registerCustomer:
        // TODO: a customer registers once, with an email address that has an @ in it.
        return []
    }
}

/// `order-323`: the stream of one order.
func orderStream(_ orderId: String) -> String {
    // TODO: the category, a dash, the id.
    orderId
}

/// `customer-helen`: the stream of one customer.
func customerStream(_ customerId: String) -> String {
    // TODO
    customerId
}

/// The category of a stream: the part before the first `-` (`order` for `order-323`).
func category(of stream: String) -> String {
    // TODO: everything before the first dash (ids may contain dashes too).
    stream
}
