import Foundation
import Yams

/// A JSON value: what scenarios expect and what the host reports, compared structurally.
public enum JSONValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            // A decoder gives no order; the keys are taken in name order.
            self = .object(JSONObject(try container.decode([String: JSONValue].self)))
        }
    }

    private struct CodingName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        if case .object(let object) = self {
            var keyed = encoder.container(keyedBy: CodingName.self)
            for (key, value) in object { try keyed.encode(value, forKey: CodingName(stringValue: key)) }
            return
        }
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { try container.encode(Int64(value)) } else { try container.encode(value) }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object: break
        }
    }

    /// Parses JSON text, keeping every object's keys in the order of the text.
    public static func parse(_ data: Data) throws -> JSONValue { try JSONText.parse(data) }

    /// Compact JSON, every object's keys in its own order.
    public var json: String { JSONText.write(self) }

    /// The string inside, if this is one.
    public var text: String? { if case .string(let value) = self { value } else { nil } }

    public var description: String { json }

    /// A YAML node read as JSON: mappings, sequences and scalars by their resolved YAML type.
    public init(yaml node: Node) {
        switch node {
        case .mapping(let mapping):
            var object = JSONObject()
            for (key, value) in mapping { object[key.string ?? "\(key)"] = JSONValue(yaml: value) }
            self = .object(object)
        case .sequence(let sequence):
            self = .array(sequence.map(JSONValue.init(yaml:)))
        case .scalar(let scalar):
            if scalar.style == .plain {
                if node.null != nil { self = .null; return }
                if let bool = node.bool { self = .bool(bool); return }
                if let int = node.int { self = .number(Double(int)); return }
                if let double = node.float { self = .number(double); return }
            }
            self = .string(scalar.string)
        case .alias:
            self = .null
        }
    }
}

/// Literals, so a value reads as the JSON it is: `["board": [["alice"]], "isOver": true]`.
extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public typealias Key = String
    public typealias Value = JSONValue
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}
