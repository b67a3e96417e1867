// Barstucks · Many streams
//
// One stream per customer: `customer-helen` holds who Helen is and what she earned.
// Since the process manager: a served order earns its customer a point.

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
    /// One point for an order the customer was served.
    case earnLoyaltyPoint(customerId: String, orderId: String)
}

/// Why a customer refused a command.
enum CustomerError: Error, Equatable {
    case alreadyRegistered, invalidEmail
    case notRegistered, pointAlreadyEarned
}

/// The customer's decider, on the customer's own stream.
func decideCustomer(_ command: CustomerCommand, given events: [CustomerEvent]) throws -> [CustomerEvent] {
    switch command {
    case .registerCustomer(let customerId, let name, let email):
        guard events.isEmpty else { throw CustomerError.alreadyRegistered }
        guard email.contains("@") else { throw CustomerError.invalidEmail }
        return [.customerRegistered(customerId: customerId, name: name, email: email)]
    case .earnLoyaltyPoint(let customerId, let orderId):
        guard !events.isEmpty else { throw CustomerError.notRegistered }
        // One point per order: a second request for the same order is refused, however it came.
        guard !events.contains(.loyaltyPointEarned(customerId: customerId, orderId: orderId)) else {
            throw CustomerError.pointAlreadyEarned
        }
        return [.loyaltyPointEarned(customerId: customerId, orderId: orderId)]
    }
}

/// `order-323`: the stream of one order.
func orderStream(_ orderId: String) -> String { "order-\(orderId)" }

/// `customer-helen`: the stream of one customer.
func customerStream(_ customerId: String) -> String { "customer-\(customerId)" }

/// The category of a stream: the part before the first `-` (`order` for `order-323`).
func category(of stream: String) -> String {
    stream.split(separator: "-", maxSplits: 1).first.map(String.init) ?? stream
}
