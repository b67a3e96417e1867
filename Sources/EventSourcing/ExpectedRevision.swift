/// What a writer believes about a stream before appending to it: the guard of optimistic concurrency.
public enum ExpectedRevision: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Append whatever the stream holds.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream must hold at least one event.
    case streamExists
    /// The stream's last event must have this 0-based revision.
    case exact(UInt64)

    /// Whether a stream whose last revision is `current` (nil: no such stream) meets this expectation.
    public func isSatisfied(byCurrent current: UInt64?) -> Bool {
        switch self {
        case .any: true
        case .noStream: current == nil
        case .streamExists: current != nil
        case .exact(let revision): current == revision
        }
    }

    public var description: String {
        switch self {
        case .any: "any"
        case .noStream: "no stream"
        case .streamExists: "stream exists"
        case .exact(let revision): "revision \(revision)"
        }
    }
}
