import ArgumentParser
import Curriculum
import EventSourcing
import Foundation
import Shell

/// `streams`: every stream in the workspace's store, with its category and size.
struct StreamsCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "streams", abstract: "List the streams in your store: names, categories, counts.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    struct Entry: Encodable {
        var name: String
        var category: String
        var events: UInt64
    }

    func run(in session: Session) throws {
        let entries = try session.workspace.store.streams().map {
            Entry(name: $0.name.rawValue, category: $0.name.category, events: $0.count)
        }
        if json { return try session.json(entries) }
        let out = session.out
        for line in TableRenderer(styler: out.styler, width: out.width).render(
            header: ["stream", "category", "events"], rows: entries.map { [$0.name, $0.category, "\($0.events)"] })
        {
            out.line(line)
        }
    }
}

/// `show STREAM [from N] [backwards] [limit N]`: read one stream.
struct ShowCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a stream's events: show STREAM [from N] [backwards] [limit N].")
    static let completions: [ArgumentCompletion] = [.stream, .words(["from", "backwards", "limit"])]
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The stream, e.g. game-42.", valueName: "stream")) var stream: String
    @Argument(help: ArgumentHelp("from N, backwards, limit N", valueName: "how")) var how: [String] = []
    @Flag(help: "Print JSON.") var json = false

    func run(in session: Session) throws {
        var from: UInt64?, limit: Int?, direction = ReadDirection.forwards
        var words = how[...]
        while let word = words.popFirst() {
            switch word.lowercased() {
            case "backwards": direction = .backwards
            case "from":
                guard let value = words.popFirst().flatMap({ UInt64($0) }) else {
                    throw WorkshopError("`from` takes a revision number; usage: show STREAM [from N] [backwards] [limit N]")
                }
                from = value
            case "limit":
                guard let value = words.popFirst().flatMap({ Int($0) }), value > 0 else {
                    throw WorkshopError("`limit` takes a number above 0; usage: show STREAM [from N] [backwards] [limit N]")
                }
                limit = value
            default: throw WorkshopError("unknown word '\(word)'; usage: show STREAM [from N] [backwards] [limit N]")
            }
        }
        let name = StreamName(stream)
        do {
            if json {
                return try session.json(
                    session.workspace.store.read(name, from: from, direction: direction, limit: limit).map(EventView.init))
            }
            try session.playground.show(name, new: nil, from: from, direction: direction, limit: limit)
        } catch EventStoreError.streamNotFound {
            let known = (try? session.workspace.store.streams().map(\.name.rawValue)) ?? []
            let hint = Suggestion.closest(to: stream, among: known).map { "; did you mean '\($0)'?" } ?? " (`streams` lists them)"
            throw WorkshopError("there is no stream '\(stream)'\(hint)")
        }
    }
}

/// `all`: the all-stream, every event in global order.
struct AllCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "all", abstract: "Show the all-stream: every event in the order it was stored.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Show at most N events.") var limit: Int?
    @Flag(help: "Print JSON.") var json = false

    func run(in session: Session) throws {
        let events = try session.workspace.store.readAll(from: 0, limit: limit)
        if json { return try session.json(events.map(EventView.init)) }
        session.out.line(session.out.styled("all-stream", .bold) + session.out.styled(" · \(events.count) events", .dim))
        StreamTable.render(events, new: nil, metadata: session.playground.showsMetadata, out: session.out, positions: true)
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
    }
}
