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

    /// The mark of a system stream: `$progress-learner` holds a tool's own bookkeeping, not a
    /// domain's events. Real stores (EventStoreDB, KurrentDB) keep `$` streams the same way.
    public static let systemPrefix = "$"

    /// A system stream: listings of the learner's domain (`all`, `streams`, read models, the web
    /// window) leave it out unless asked. The one place this rule lives.
    public var isSystem: Bool { rawValue.hasPrefix(Self.systemPrefix) }

    /// Whether the name matches a glob such as `order-*` or `game-?` (`*` any run of characters,
    /// `?` one); a pattern without either must equal the name.
    public func matches(glob pattern: String) -> Bool {
        func match(_ pattern: Substring, _ name: Substring) -> Bool {
            guard let first = pattern.first else { return name.isEmpty }
            switch first {
            case "*":
                let rest = pattern.dropFirst()
                return name.indices.contains { match(rest, name[$0...]) } || match(rest, name[name.endIndex...])
            case "?":
                return !name.isEmpty && match(pattern.dropFirst(), name.dropFirst())
            default:
                return name.first == first && match(pattern.dropFirst(), name.dropFirst())
            }
        }
        return match(pattern[...], rawValue[...])
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
