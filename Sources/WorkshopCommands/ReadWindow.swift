import ArgumentParser
import EventSourcing

/// How much of a list of events to show: the first N, or the newest N. The one spelling of a
/// limit for `show`, `all` and `events`.
struct ReadWindow: ParsableArguments {
    @Option(help: ArgumentHelp("Show only the first N events.", valueName: "n")) var limit: Int?
    @Option(help: ArgumentHelp("Show only the newest N events.", valueName: "n")) var last: Int?

    func validate() throws {
        for (name, value) in [("--limit", limit), ("--last", last)] {
            if let value, value < 1 { throw ValidationError("\(name) takes a number of events above 0, not \(value)") }
        }
        if limit != nil, last != nil { throw ValidationError("--limit shows the first events and --last the newest; choose one") }
    }

    var window: EventWindow { EventWindow(first: limit, last: last) }
}

/// The part of a list of events a `ReadWindow` asked for.
struct EventWindow {
    var first: Int?
    var last: Int?

    /// The events asked for, in the order given; `newestFirst` says a backwards read, whose
    /// newest events come first, so that `--last` still means the newest.
    func apply(_ events: [RecordedEvent], newestFirst: Bool = false) -> [RecordedEvent] {
        if let first { return Array(events.prefix(first)) }
        if let last { return Array(newestFirst ? events.prefix(last) : events.suffix(last)) }
        return events
    }

    /// `9 events`, or `showing the newest 3 of 9 events` when some were left out.
    static func count(shown: Int, of total: Int, newest: Bool) -> String {
        let events = "\(total) event\(total == 1 ? "" : "s")"
        guard shown < total else { return events }
        return "showing \(newest ? "the newest" : "the first") \(shown) of \(events)"
    }

    func count(shown: Int, of total: Int) -> String { Self.count(shown: shown, of: total, newest: last != nil) }
}
