import Foundation

/// Writes an `Encodable` value as JSON text with each object's keys in the order the value
/// encodes them, which for synthesized `Codable` is the order a type declares its fields and an
/// enum case its values. Foundation's `JSONEncoder` on Linux orders keys differently on every
/// run, and `.sortedKeys` shows `after` before `before`; the learner's host and the tool's window
/// write with this, so values read in the order their author wrote them. A dictionary has no
/// order of its own: its keys are sorted. Data and URLs are written as `JSONEncoder`'s defaults
/// write them; dates too, unless `dates` asks for ISO 8601 text.
public enum OrderedJSON {
    public enum DateStyle: Sendable {
        /// Seconds since 2001-01-01, as `JSONEncoder` writes a date by default.
        case secondsSinceReferenceDate
        /// `2026-12-02T06:40:00.123Z`: ISO 8601 with milliseconds, in UTC.
        case iso8601WithMilliseconds
    }

    public static func encode<Value: Encodable>(_ value: Value, dates: DateStyle = .secondsSinceReferenceDate) throws -> Data {
        let root = Node(dates: dates)
        try root.store(value, codingPath: [])
        var text = ""
        root.write(into: &text)
        return Data(text.utf8)
    }

    /// `string` as a JSON string literal: quotes, backslashes and control characters escaped,
    /// slashes and every other character as they are. The tool's JSON text writes with it too.
    public static func writeString(_ string: String, into text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

/// One value being built; containers hand out child nodes and fill them later, so a node is a
/// reference.
private final class Node {
    let dates: OrderedJSON.DateStyle
    init(dates: OrderedJSON.DateStyle) { self.dates = dates }

    enum Content {
        case unset, null, bool(Bool), number(String), string(String), array([Node]), object(keys: [String], members: [String: Node])
    }

    var content: Content = .unset

    func store<Value: Encodable>(_ value: Value, codingPath: [any CodingKey]) throws {
        switch value {
        case let data as Data: content = .string(data.base64EncodedString())
        case let url as URL: content = .string(url.absoluteString)
        case let decimal as Decimal: content = .number(decimal.description)
        case let date as Date where dates == .iso8601WithMilliseconds:
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            content = .string(formatter.string(from: date))
        default:
            try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
            if value is any UnorderedKeys, case .object(let keys, let members) = content {
                content = .object(keys: keys.sorted(), members: members)
            }
        }
    }

    func storeNumber(_ number: Double, codingPath: [any CodingKey]) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(
                number, EncodingError.Context(codingPath: codingPath, debugDescription: "\(number) cannot be written as JSON"))
        }
        content = .number(number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)")
    }

    /// The object this node is, becoming one if it is nothing yet.
    func child(forKey key: String) -> Node {
        var (keys, members): ([String], [String: Node]) = ([], [:])
        if case .object(let existingKeys, let existingMembers) = content { (keys, members) = (existingKeys, existingMembers) }
        let child = Node(dates: dates)
        if members[key] == nil { keys.append(key) }
        members[key] = child
        content = .object(keys: keys, members: members)
        return child
    }

    func becomeObject() {
        if case .object = content { return }
        content = .object(keys: [], members: [:])
    }

    func becomeArray() {
        if case .array = content { return }
        content = .array([])
    }

    func appendChild() -> Node {
        var items: [Node] = []
        if case .array(let existing) = content { items = existing }
        let child = Node(dates: dates)
        items.append(child)
        content = .array(items)
        return child
    }

    var count: Int {
        switch content {
        case .array(let items): items.count
        case .object(let keys, _): keys.count
        default: 0
        }
    }

    func write(into text: inout String) {
        switch content {
        case .unset: text += "{}"  // a value that encoded nothing, as JSONEncoder writes it
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let number): text += number
        case .string(let string): OrderedJSON.writeString(string, into: &text)
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                item.write(into: &text)
            }
            text += "]"
        case .object(let keys, let members):
            text += "{"
            for (index, key) in keys.enumerated() {
                if index > 0 { text += "," }
                OrderedJSON.writeString(key, into: &text)
                text += ":"
                members[key]!.write(into: &text)
            }
            text += "}"
        }
    }
}

/// Values whose keys have no declared order.
private protocol UnorderedKeys {}
extension Dictionary: UnorderedKeys {}

private struct NodeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeContainer(node: node, codingPath: codingPath) }
}

private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { intValue.map(String.init) ?? "super" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
    static let `super` = IndexKey(super: ())
    private init(super: Void) { intValue = nil }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).content = .null }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try node.child(forKey: key.stringValue).storeNumber(value, codingPath: codingPath + [key])
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        guard value.isFinite else { return try encode(Double(value), forKey: key) }
        node.child(forKey: key.stringValue).content = .number("\(value)")
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .number(String(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .number(String(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .number(String(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .number(String(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .number(String(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .number(String(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .number(String(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .number(String(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .number(String(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try node.child(forKey: key.stringValue).store(value, codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = node.child(forKey: key.stringValue)
        child.becomeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: key.stringValue)
        child.becomeArray()
        return UnkeyedNodeContainer(node: child, codingPath: codingPath + [key])
    }
    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.child(forKey: "super"), codingPath: codingPath + [IndexKey.super])
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    private var nextPath: [any CodingKey] { codingPath + [IndexKey(intValue: count)] }

    mutating func encodeNil() throws { node.appendChild().content = .null }
    mutating func encode(_ value: Bool) throws { node.appendChild().content = .bool(value) }
    mutating func encode(_ value: String) throws { node.appendChild().content = .string(value) }
    mutating func encode(_ value: Double) throws {
        let path = nextPath
        try node.appendChild().storeNumber(value, codingPath: path)
    }
    mutating func encode(_ value: Float) throws {
        guard value.isFinite else { return try encode(Double(value)) }
        node.appendChild().content = .number("\(value)")
    }
    mutating func encode(_ value: Int) throws { node.appendChild().content = .number(String(value)) }
    mutating func encode(_ value: Int8) throws { node.appendChild().content = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { node.appendChild().content = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { node.appendChild().content = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { node.appendChild().content = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { node.appendChild().content = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { node.appendChild().content = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { node.appendChild().content = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { node.appendChild().content = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { node.appendChild().content = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = nextPath
        try node.appendChild().store(value, codingPath: path)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = nextPath
        let child = node.appendChild()
        child.becomeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: path))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath
        let child = node.appendChild()
        child.becomeArray()
        return UnkeyedNodeContainer(node: child, codingPath: path)
    }
    mutating func superEncoder() -> any Encoder {
        let path = nextPath
        return NodeEncoder(node: node.appendChild(), codingPath: path)
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .null }
    mutating func encode(_ value: Bool) throws { node.content = .bool(value) }
    mutating func encode(_ value: String) throws { node.content = .string(value) }
    mutating func encode(_ value: Double) throws { try node.storeNumber(value, codingPath: codingPath) }
    mutating func encode(_ value: Float) throws {
        guard value.isFinite else { return try encode(Double(value)) }
        node.content = .number("\(value)")
    }
    mutating func encode(_ value: Int) throws { node.content = .number(String(value)) }
    mutating func encode(_ value: Int8) throws { node.content = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { node.content = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { node.content = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { node.content = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { node.content = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { node.content = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { node.content = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { node.content = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { node.content = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.store(value, codingPath: codingPath) }
}
