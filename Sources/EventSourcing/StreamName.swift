/// A stream's name, such as `game-42` or `order-323`; its category is the part before the first `-`.
public struct StreamName: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(category: String, id: String) { self.rawValue = "\(category)-\(id)" }

    /// `game` for `game-42`; the whole name when it has no `-`.
    public var category: String {
        rawValue.firstIndex(of: "-").map { String(rawValue[..<$0]) } ?? rawValue
    }

    /// `42` for `game-42`; nil when the name has no `-`.
    public var id: String? {
        rawValue.firstIndex(of: "-").map { String(rawValue[rawValue.index(after: $0)...]) }
    }

    public var description: String { rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
