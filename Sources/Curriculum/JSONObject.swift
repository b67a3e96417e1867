/// A JSON object that keeps its keys in the order they were written: the order the learner's type
/// declares its fields, or the order a suite wrote them, so `before` is shown before `after`.
/// Equality and hashing ignore the order: `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same value.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: JSONValue)

    public private(set) var keys: [String] = []
    private var members: [String: JSONValue] = [:]

    public init() {}

    /// Pairs in their order; a repeated key keeps its first place and its last value, as JSON readers do.
    public init<Pairs: Sequence>(_ pairs: Pairs) where Pairs.Element == (String, JSONValue) {
        for (key, value) in pairs { self[key] = value }
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }

    /// A dictionary has no order of its own, so its keys are taken in name order.
    public init(_ dictionary: [String: JSONValue]) {
        self.init(dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    public subscript(key: String) -> JSONValue? {
        get { members[key] }
        set {
            switch (members[key], newValue) {
            case (nil, let value?): keys.append(key); members[key] = value
            case (_?, let value?): members[key] = value
            case (_?, nil): keys.removeAll { $0 == key }; members[key] = nil
            case (nil, nil): break
            }
        }
    }

    public var startIndex: Int { keys.startIndex }
    public var endIndex: Int { keys.endIndex }
    public subscript(position: Int) -> Element { (keys[position], members[keys[position]]!) }

    public var values: [JSONValue] { keys.map { members[$0]! } }

    public func mapValues(_ transform: (JSONValue) throws -> JSONValue) rethrows -> JSONObject {
        var result = JSONObject()
        for (key, value) in self { result[key] = try transform(value) }
        return result
    }

    public static func == (left: JSONObject, right: JSONObject) -> Bool { left.members == right.members }
    public func hash(into hasher: inout Hasher) { hasher.combine(members) }
}
