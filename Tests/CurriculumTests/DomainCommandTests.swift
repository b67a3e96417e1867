import Testing

@testable import Curriculum

@Suite("Domain commands bind typed words into the learner's command")
struct DomainCommandTests {
    let order = DomainCommand(
        name: "place-order", summary: "Place an order.", arguments: ["order", "items", "total", "size"], values: ["size": ["S", "M", "L"]],
        stream: "order-{order}",
        command: .object([
            "placeOrder": .object([
                "orderId": .string("{order}"), "items": .string("{items:list}"), "total": .string("{total:int}"), "size": .string("{size}"),
            ])
        ]),
        driver: "decideOrder", lesson: "many-streams")

    @Test("placeholders fill the stream and the command; :int makes a number and :list a list")
    func binding() throws {
        let (stream, command) = try order.bind(["323", "latte, croissant", "650", "m"]).get()
        #expect(stream == "order-323")
        let expected: JSONValue = .object([
            "placeOrder": .object([
                "orderId": .string("323"), "items": .array([.string("latte"), .string("croissant")]), "total": .number(650),
                "size": .string("M"),
            ])
        ])
        #expect(command == expected)
    }

    @Test("a wrong count, an empty word, a non-number or a value outside the list gets the usage")
    func badInput() {
        let usage = "place-order ORDER ITEMS TOTAL SIZE"
        #expect(throws: DomainCommandError.wrongCount(usage: usage, summary: "Place an order.")) { try order.bind(["323"]).get() }
        #expect(throws: DomainCommandError.empty(argument: "order", usage: usage)) { try order.bind(["", "latte", "650", "M"]).get() }
        #expect(throws: DomainCommandError.notWholeNumber(argument: "total", typed: "lots", usage: usage)) {
            try order.bind(["323", "latte", "lots", "M"]).get()
        }
        #expect(throws: DomainCommandError.notAllowed(argument: "size", allowed: ["S", "M", "L"], typed: "XL", usage: usage)) {
            try order.bind(["323", "latte", "650", "XL"]).get()
        }
        #expect(
            DomainCommandError.notAllowed(argument: "size", allowed: ["S", "M", "L"], typed: "XL", usage: usage).description
                == "SIZE must be one of S, M, L, not 'XL'; usage: place-order ORDER ITEMS TOTAL SIZE")
        #expect(
            DomainCommandError.wrongCount(usage: "loyalty CUSTOMER", summary: "points").description == "usage: loyalty CUSTOMER — points")
    }

    @Test("{name:lower} names one stream however a word was typed, and leaves the command's own copy as typed")
    func lowerCase() throws {
        let reserve = DomainCommand(
            name: "reserve-email", summary: "", arguments: ["email", "customer"], values: [:], stream: "email-{email:lower}",
            command: .object(["reserveEmail": .object(["email": .string("{email}"), "customerId": .string("{customer}")])]),
            driver: "decideEmail", lesson: "unique-email")
        let (stream, command) = try reserve.bind(["Helen@Example.COM", "helen"]).get()
        #expect(stream == "email-helen@example.com")
        #expect(command == .object(["reserveEmail": .object(["email": .string("Helen@Example.COM"), "customerId": .string("helen")])]))
        #expect(try reserve.bind(["helen@example.com", "omar"]).get().stream == stream)
    }

    @Test("a command the learner's code sent is traced back to the words that would type it")
    func commandsSentBack() throws {
        let (_, command) = try order.bind(["323", "latte,croissant", "650", "M"]).get()
        #expect(order.arguments(producing: command) == ["323", "latte,croissant", "650", "M"])
        let other: JSONValue = .object(["serveOrder": .object(["orderId": .string("323")])])
        #expect(order.arguments(producing: other) == nil, "another command's case")
        let missing: JSONValue = .object(["placeOrder": .object(["orderId": .string("323"), "total": .number(650)])])
        #expect(order.arguments(producing: missing) == nil, "a field the template has is missing")
        let fractional: JSONValue = .object([
            "placeOrder": .object([
                "orderId": .string("323"), "items": .array([.string("latte")]), "total": .number(6.5), "size": .string("M"),
            ])
        ])
        #expect(order.arguments(producing: fractional) == nil, "a total no one can type as a whole number")
    }

    @Test("reactions in commands.yaml are read with their category and driver; unknown keys are reported")
    func reactions() {
        let contents = DomainCommandsFile.parse(
            "reactions:\n  - name: fulfilment\n    category: order\n    driver: fulfil\n  - name: x\n    category: order\n    drivr: y\n",
            file: "pm/commands.yaml", lesson: "pm", pictures: [:])
        let (reactions, problems) = (contents.reactions, contents.problems)
        #expect(contents.commands.isEmpty && contents.states.isEmpty)
        #expect(reactions == [Reaction(name: "fulfilment", category: "order", driver: "fulfil", lesson: "pm")])
        #expect(
            problems.map(\.description) == [
                "pm/commands.yaml:7: unknown field 'drivr'; did you mean 'driver'? (known: name, category, driver, clock)",
                "pm/commands.yaml:5: missing 'driver'; add a line 'driver: …'",
            ])
    }

    @Test("read-model views in commands.yaml bind their arguments into the path they show; a stray placeholder is reported")
    func readModelViews() throws {
        let contents = DomainCommandsFile.parse(
            """
            views:
              - name: loyalty
                arguments: [customer]
                driver: loyaltyModel
                shows: "points.{customer}"
                checkpoint: checkpoint
              - name: queue
                driver: queueModel
                shows: "waiting.{who}"
            """, file: "p/commands.yaml", lesson: "p", pictures: [:])
        let loyalty = try? #require(contents.views.first)
        #expect(loyalty?.usage == "loyalty CUSTOMER")
        #expect(loyalty?.checkpoint == "checkpoint")
        #expect(try loyalty?.path(for: ["helen"]).get() == ["points", "helen"])
        #expect(throws: DomainCommandError.wrongCount(usage: "loyalty CUSTOMER", summary: "")) { try loyalty?.path(for: []).get() }
        #expect(throws: DomainCommandError.empty(argument: "customer", usage: "loyalty CUSTOMER")) { try loyalty?.path(for: [""]).get() }
        #expect(contents.problems.contains { $0.description.contains("'shows' names {who}, which is not one of the arguments") })
    }
}
