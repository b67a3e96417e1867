import Foundation

/// The drivers a lesson's `binding.swift` offers (`"decide": .decider { (command: GameCommand,
/// events: [GameEvent]) in … }`), with the types they read, found in the binding's text.
///
/// A suite's `when:` and a `commands.yaml`'s `driver:` must name one of them; the types let the
/// loader check a scenario's input and events against the lesson's own declarations.
struct BindingDrivers: Sendable {
    enum Kind: String, Sendable {
        /// `.decider`: a command and the past events, answered with new events or a rejection.
        case decider
        /// `.fold`: the past events folded from an initial state.
        case fold
        /// `.value`: one input, one answer.
        case value
        /// `.check`: a named property with parameters.
        case check
    }

    struct Driver: Sendable {
        var name: String
        var kind: Kind?
        /// The type its input is decoded as (a decider's command), when the binding spells it out.
        var input: SwiftDeclarations.TypeReference?
        /// The type of each past event (deciders and folds).
        var event: SwiftDeclarations.TypeReference?
    }

    /// In the order the binding lists them.
    private(set) var drivers: [Driver] = []

    var names: [String] { drivers.map(\.name) }

    func driver(_ name: String) -> Driver? { drivers.first { $0.name == name } }

    /// - Parameters:
    ///   - source: the binding's text.
    ///   - declarations: the lesson's types, for a fold's evolve function.
    init(source: String, declarations: SwiftDeclarations?) {
        let code = SwiftDeclarations.masked(source)
        guard let start = code.range(of: "drivers:") else { return }
        let listed = String(code[start.upperBound...])
        let entries = SwiftDeclarations.matches(#""([A-Za-z_][A-Za-z0-9_]*)"\s*:\s*\.([a-z]+)"#, in: listed)
        for (index, entry) in entries.enumerated() {
            guard let range = entry.range else { continue }
            let end = index + 1 < entries.count ? entries[index + 1].range?.lowerBound ?? listed.endIndex : listed.endIndex
            let body = String(listed[range.upperBound..<end])
            var driver = Driver(name: entry[1], kind: Kind(rawValue: entry[2]))
            switch driver.kind {
            case .decider:
                if let signature = SwiftDeclarations.matches(#"^\s*\{\s*\(\s*\w+\s*:\s*([^,]+),\s*\w+\s*:\s*\[([^\]]+)\]\s*\)"#, in: body)
                    .first
                {
                    driver.input = SwiftDeclarations.TypeReference(signature[1])
                    driver.event = SwiftDeclarations.TypeReference(signature[2])
                }
            case .fold:
                if let evolve = SwiftDeclarations.matches(#"evolve\s*:\s*([A-Za-z_][A-Za-z0-9_]*)"#, in: body).first,
                    let parameters = declarations?.functions[evolve[1]], parameters.count == 2
                {
                    driver.event = parameters[1]
                }
            case .value, .check:
                if let signature = SwiftDeclarations.matches(#"^\s*\{\s*\(\s*\w+\s*:\s*([^)]+)\)"#, in: body).first {
                    driver.input = SwiftDeclarations.TypeReference(signature[1])
                }
            case nil:
                break
            }
            drivers.append(driver)
        }
    }
}
