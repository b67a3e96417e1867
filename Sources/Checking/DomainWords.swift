import Curriculum

/// Events, commands and states written as a person would say them, so that the value can be
/// rebuilt from the text: `{"gameStarted":{"playerOne":"alice","playerTwo":"bob"}}` becomes
/// `GameStarted(playerOne: alice, playerTwo: bob)`, a list keeps its brackets (`[[alice], []]`),
/// a dictionary its braces (`{helen: 1}`), and a string that could be misread its quotes (`"   "`).
public enum DomainWords {
    public static func describe(_ value: JSONValue) -> String {
        switch value {
        case .object(let object) where isEnumCase(object):
            let (name, payload) = object.first!
            let title = name.prefix(1).uppercased() + name.dropFirst()
            guard case .object(let fields) = payload, !fields.isEmpty else { return title }
            return "\(title)(" + labelled(fields).joined(separator: ", ") + ")"
        case .object(let fields):
            return record(fields)
        case .array(let items):
            return "[" + items.map(describe).joined(separator: ", ") + "]"
        case .string(let text): return quotedIfMisread(text)
        case .null: return "nothing"
        default: return value.json
        }
    }

    /// A state or any other record, as its fields in their order (the type's, or the suite's): `{status: paid, total: 450}`.
    /// Use it where a one-field object must not read as an event.
    public static func record(_ fields: JSONObject) -> String {
        "{" + Self.labelled(fields).joined(separator: ", ") + "}"
    }

    /// A value as the learner's Swift code would write it: `.gameStarted(playerOne: "alice", playerTwo: "bob")`,
    /// `[1, 2]`, `["helen": 1]`; for a question whose answer the domain words would give away.
    public static func swift(_ value: JSONValue) -> String {
        switch value {
        case .object(let object) where isEnumCase(object):
            let (name, payload) = object.first!
            guard case .object(let fields) = payload, !fields.isEmpty else { return "." + name }
            let arguments = fields.map {
                isPositional($0.key) ? swift($0.value) : "\($0.key): \(swift($0.value))"
            }
            return ".\(name)(" + arguments.joined(separator: ", ") + ")"
        case .object(let fields):
            return fields.isEmpty
                ? "[:]"
                : "["
                    + fields.map { "\(JSONValue.string($0.key).json): \(swift($0.value))" }.joined(
                        separator: ", ") + "]"
        case .array(let items): return "[" + items.map(swift).joined(separator: ", ") + "]"
        case .null: return "nil"
        default: return value.json
        }
    }

    /// A list of events, or "no events".
    public static func events(_ events: [JSONValue]) -> String {
        events.isEmpty ? "no events" : events.map(describe).joined(separator: ", ")
    }

    /// How Swift's `Codable` writes an enum case: its name as the only key, over an object of its
    /// associated values (empty when it has none). A one-key dictionary of numbers or strings is
    /// no case.
    static func isEnumCase(_ object: JSONObject) -> Bool {
        guard object.count == 1, let (name, payload) = object.first, case .object = payload else { return false }
        return name.first.map { $0.isLetter || $0 == "_" } == true && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// `label: value` for each field; the `_0` labels Swift gives unlabelled values are left out.
    static func labelled(_ fields: JSONObject) -> [String] {
        fields.map { key, value in
            isPositional(key) ? describe(value) : "\(key): \(describe(value))"
        }
    }

    static func isPositional(_ key: String) -> Bool {
        key.hasPrefix("_") && key.count > 1 && key.dropFirst().allSatisfy(\.isNumber)
    }

    /// A string as it reads, unless it could be taken for something else: empty or blank, padded
    /// with spaces, holding the punctuation these texts are made of, or reading as a number, a
    /// truth value or "nothing". Then it is written quoted, as JSON writes it.
    static func quotedIfMisread(_ text: String) -> String {
        let misread =
            text.isEmpty || text.first!.isWhitespace || text.last!.isWhitespace
            || text.contains(where: { ",:()[]{}\"\n\t".contains($0) })
            || ["nothing", "true", "false", "no events"].contains(text) || Double(text) != nil
        return misread ? JSONValue.string(text).json : text
    }
}
