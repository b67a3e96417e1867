import ArgumentParser
import Curriculum
import EventSourcing
import EventStores
import Foundation
import Playground
import Shell

/// `streams`: every stream in the workspace's store, with its category and size.
struct StreamsCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "streams", abstract: "List the streams in your store: names, categories, counts.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Include system streams ($…: the tool's own, such as your progress).") var system = false
    @Flag(help: "Print JSON.") var json = false

    struct Entry: Encodable {
        var name: String
        var category: String
        var events: UInt64
    }

    func run(in session: Session) throws {
        let stored = try session.workspace.store.streams()
        let entries = stored.filter { system || !$0.name.isSystem }.map {
            Entry(name: $0.name.rawValue, category: $0.name.category, events: $0.count)
        }
        if json { return try session.json(entries) }
        let out = session.out
        for line in TableRenderer(styler: out.styler, width: out.width).render(
            header: ["stream", "category", "events"], rows: entries.map { [$0.name, $0.category, "\($0.events)"] })
        {
            out.line(line)
        }
        if entries.isEmpty { out.line(out.styled("  (no streams yet)", .dim)) }
        let hidden = stored.count - entries.count
        if hidden > 0 {
            out.line(out.styled("\(hidden) system stream\(hidden == 1 ? "" : "s") hidden (`streams --system` shows them)", .dim))
        }
    }
}

/// `show STREAM`: read one stream, from a revision, either way, all or part of it.
struct ShowCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a stream's events: show STREAM [--from N] [--backwards] [--limit N | --last N].")
    static let completions: [ArgumentCompletion] = [.stream]
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The stream's name (`streams` lists them).", valueName: "stream")) var stream: String
    @Option(help: ArgumentHelp("Start at revision N.", valueName: "n")) var from: UInt64?
    @Flag(help: "Read from the newest event back.") var backwards = false
    @OptionGroup var window: ReadWindow
    @Flag(help: "Print JSON.") var json = false

    func run(in session: Session) throws {
        // On a shared store, `game-42` means the learner's own game 42 when they have one.
        // Read once: looking the name up reads the stream it settles on.
        guard case (let name, let whole?) = try session.namespace.lookedUp(stream, in: session.workspace.store) else {
            let known = (try? session.workspace.store.streams().map(\.name.rawValue)) ?? []
            let hint = Suggestion.closest(to: stream, among: known).map { "; did you mean '\($0)'?" } ?? " (`streams` lists them)"
            throw WorkshopError("there is no stream '\(stream)'\(hint)")
        }
        let events = StreamSlice.select(whole, from: from, direction: backwards ? .backwards : .forwards, limit: nil)
        let shown = window.window.apply(events, newestFirst: backwards)
        if json { return try session.json(shown.map(EventView.init)) }
        session.playground.show(
            name, events: shown, new: nil,
            count: shown.count < events.count ? window.window.count(shown: shown.count, of: events.count) : nil)
    }
}

/// `all`: the all-stream, every event in global order; the learner's domain unless asked for more.
struct AllCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Show the all-stream: every event in the order it was stored; all [STREAMS] [--category C] [--last N].",
        discussion:
            "System streams ($…, the tool's own, such as your progress) are left out unless --system asks for them, as real stores keep their $ streams apart."
    )
    static let completions: [ArgumentCompletion] = [.stream]
    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp(
            "Only streams whose name matches: a name, or a pattern where * is any run of characters and ? one.", valueName: "streams"))
    var pattern: String?
    @Option(help: ArgumentHelp("Only streams of this category (a stream's name up to its first -).", valueName: "category")) var category:
        String?
    @Flag(help: "Include system streams ($…).") var system = false
    @OptionGroup var window: ReadWindow
    @Flag(help: "Print JSON.") var json = false

    func run(in session: Session) throws {
        let stored = try session.workspace.store.readAll(from: 0, limit: nil)
        // A pattern that names system streams (`$progress-*`) asks for them as plainly as --system.
        let includesSystem = system || pattern?.hasPrefix(StreamName.systemPrefix) == true
        let selected = stored.filter { event in
            (includesSystem || !event.stream.isSystem) && (pattern.map { event.stream.matches(glob: $0) } ?? true)
                && (category.map { event.stream.category == $0 } ?? true)
        }
        let shown = window.window.apply(selected)
        if json { return try session.json(shown.map(EventView.init)) }
        let out = session.out
        // What is shown, of what matches, of what is stored: a window never hides how much there is.
        let filter = [pattern, category.map { "category \($0)" }].compactMap { $0 }
        let counts =
            [window.window.count(shown: shown.count, of: selected.count)]
            + (selected.count < stored.count ? ["\(stored.count) stored"] : [])
        out.line(out.styled("all-stream", .bold) + out.styled((filter + counts).map { " · " + $0 }.joined(), .dim))
        StreamTable.render(shown, new: nil, metadata: session.playground.showsMetadata, out: out, positions: true)
        let hidden = includesSystem ? 0 : stored.filter(\.stream.isSystem).count
        if hidden > 0 {
            out.line(out.styled("\(hidden) event\(hidden == 1 ? "" : "s") of system streams left out (`all --system` shows them)", .dim))
        }
    }
}

/// `meta on|off`: show each event's envelope (event id, causation id, correlation id).
struct MetaCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(commandName: "meta", abstract: "Show or hide event envelopes: meta on|off.")
    static let completions: [ArgumentCompletion] = [.words(["on", "off"])]
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("on or off", valueName: "switch")) var value: String

    func run(in session: Session) throws {
        switch value.lowercased() {
        case "on": session.playground.showsMetadata = true
        case "off": session.playground.showsMetadata = false
        default: throw WorkshopError("usage: meta on|off")
        }
        session.out.line("envelopes \(session.playground.showsMetadata ? "shown: event id, causation id, correlation id" : "hidden")")
    }
}

/// A recorded event for `--json`.
struct EventView: Encodable {
    var stream: String
    var revision: UInt64
    var position: UInt64
    var type: String
    var data: String
    var eventId: UUID
    var causationId: UUID?
    var correlationId: UUID?
    var createdAt: Date
    /// What the shell recorded beside the event: the command, its id, and who sent it.
    var metadata: String

    init(_ event: RecordedEvent) {
        stream = event.stream.rawValue
        revision = event.revision
        position = event.position
        type = event.type
        data = String(decoding: event.data, as: UTF8.self)
        eventId = event.eventId
        causationId = event.causationId
        correlationId = event.correlationId
        createdAt = event.createdAt
        metadata = String(decoding: event.metadata, as: UTF8.self)
    }
}

/// `wait DURATION`: time passes for the learner's processes, so a deadline can be seen to pass.
struct WaitCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait",
        abstract: "Let time pass for your processes: wait 10m (or 90s, 2h) runs what their deadlines send.",
        discussion:
            "The shell's clock moves on by DURATION and stays ahead; each process that keeps time is handed the events it has seen and the new time, and the commands it answers run as its reactions do. Nothing else is told the time: decisions never read a clock."
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("How long: a number with s, m or h (10m).", valueName: "duration")) var duration: String

    func run(in session: Session) throws {
        guard let seconds = Self.seconds(in: duration) else {
            throw WorkshopError("usage: wait DURATION, such as 90s, 10m or 2h ('\(duration)' is not one)")
        }
        let now = try session.playground.wait(seconds)
        let ahead = Int(session.playground.clockOffset / 60)
        session.out.line(
            session.out.styled(
                "the clock reads \(Self.clockTime(now)) · \(ahead) min ahead of the wall clock in this shell", .dim))
    }

    /// Seconds in `90s`, `10m`, `2h` or a bare number of minutes; nil for anything else.
    static func seconds(in text: String) -> TimeInterval? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
        let unit = text.last.flatMap { units[$0] }
        let number = Double(unit == nil ? text : String(text.dropLast()))
        guard let number, number > 0, number <= 7 * 24 * 3600 else { return nil }
        return number * (unit ?? 60)
    }

    static func clockTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: date)
    }
}
