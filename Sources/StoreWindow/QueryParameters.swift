import EventSourcing
import Foundation

/// A request's query, checked before anything reads the store: only the names an address takes,
/// each once, each value short and printable, and typed accessors that say what was wrong.
struct QueryParameters {
    /// Longer than any stream name, glob or type a person types; a longer one is an attack or a mistake.
    static let maximumLength = 200
    private let values: [String: String]

    init(_ items: [(name: String, value: String)], allowed: [String]) throws(APIError) {
        var values: [String: String] = [:]
        // `?&a=1` has an empty item, which browsers and scripts write; it asks for nothing.
        for (name, value) in items where !(name.isEmpty && value.isEmpty) {
            guard allowed.contains(name) else {
                let takes = allowed.isEmpty ? "no parameters" : allowed.joined(separator: ", ")
                throw .badRequest("unknown parameter '\(Self.clipped(name))'; this address takes \(takes)")
            }
            guard values[name] == nil else { throw .badRequest("parameter '\(name)' is given twice; give it once") }
            try Self.checkText(value, what: "parameter '\(name)'")
            values[name] = value
        }
        self.values = values
    }

    /// Refuses text that is too long or holds control characters.
    static func checkText(_ value: String, what: String) throws(APIError) {
        guard value.count <= maximumLength else {
            throw .badRequest("\(what) is \(value.count) characters long; at most \(maximumLength) are accepted")
        }
        guard !value.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw .badRequest("\(what) holds control characters")
        }
    }

    static func clipped(_ text: String) -> String { text.count > 40 ? text.prefix(40) + "…" : text }

    func text(_ name: String) -> String? {
        values[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A whole number of at least 0 (a revision or a position).
    func number(_ name: String) throws(APIError) -> UInt64? {
        guard let text = text(name) else { return nil }
        guard text.allSatisfy(\.isASCII), let value = UInt64(text) else {
            throw .badRequest("parameter '\(name)' takes a whole number from 0 up, not '\(Self.clipped(text))'")
        }
        return value
    }

    /// How many events a page holds: 1 to `maximum`, `standard` when not given.
    func limit(standard: Int = 50, maximum: Int = 1000) throws(APIError) -> Int {
        guard let text = text("limit") else { return standard }
        guard let value = Int(text), (1...maximum).contains(value) else {
            throw .badRequest("parameter 'limit' takes a number from 1 to \(maximum), not '\(Self.clipped(text))'")
        }
        return value
    }

    func direction() throws(APIError) -> ReadDirection {
        guard let text = text("direction") else { return .forwards }
        guard let direction = ReadDirection(rawValue: text) else {
            throw .badRequest("parameter 'direction' is forwards or backwards, not '\(Self.clipped(text))'")
        }
        return direction
    }

    /// A point in time: ISO 8601 with a zone (`2026-12-02T11:05:00Z`).
    func time(_ name: String) throws(APIError) -> Date? {
        guard let text = text(name) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else {
            throw .badRequest("parameter '\(name)' takes a time such as 2026-12-02T11:05:00Z, not '\(Self.clipped(text))'")
        }
        return date
    }

    /// The filters the listings share: a category, a glob over names, an event type.
    func filter() -> StreamFilter {
        StreamFilter(category: text("category"), glob: text("match").map(StreamGlob.init), type: text("type"))
    }
}

/// Which streams and events a listing keeps.
struct StreamFilter {
    var category: String?
    var glob: StreamGlob?
    var type: String?

    func keeps(_ stream: StreamName) -> Bool {
        if let category, stream.category != category { return false }
        if let glob, !glob.matches(stream.rawValue) { return false }
        return true
    }

    func keeps(_ event: RecordedEvent) -> Bool {
        keeps(event.stream) && (type.map { event.type == $0 } ?? true)
    }
}
