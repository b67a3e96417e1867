import Curriculum

/// Events, commands and states written as a person would say them:
/// `{"gameStarted":{"playerOne":"alice","playerTwo":"bob"}}` becomes `GameStarted(playerOne: alice, playerTwo: bob)`.
public enum DomainWords {
    public static func describe(_ value: JSONValue) -> String {
        switch value {
        case .object(let object) where object.count == 1:
            let (name, payload) = object.first!
            let title = name.prefix(1).uppercased() + name.dropFirst()
            switch payload {
            case .object(let fields) where fields.isEmpty: return title
            case .object(let fields):
                return "\(title)(" + fields.sorted { $0.key < $1.key }.map { "\($0.key): \(describe($0.value))" }.joined(separator: ", ")
                    + ")"
            default: return "\(title)(\(describe(payload)))"
            }
        case .object(let fields):
            return record(fields)
        case .array(let items):
            return items.isEmpty ? "nothing" : items.map(describe).joined(separator: ", ")
        case .string(let text): return text
        case .null: return "nothing"
        default: return value.json
        }
    }

    /// A state or any other record, as its fields in name order: `{status: paid, total: 450}`.
    /// Use it where a one-field object must not read as an event.
    public static func record(_ fields: [String: JSONValue]) -> String {
        "{" + fields.sorted { $0.key < $1.key }.map { "\($0.key): \(describe($0.value))" }.joined(separator: ", ") + "}"
    }

    /// A list of events, or "no events".
    public static func events(_ events: [JSONValue]) -> String {
        events.isEmpty ? "no events" : events.map(describe).joined(separator: ", ")
    }
}
