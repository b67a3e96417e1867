import Curriculum
import EventSourcing
import Foundation

/// The window's JSON API: pure functions from a request to a response over the stores, read-only.
/// Every input is checked; a bad one is a 4xx with a message, never a crash.
public struct StoreAPI: Sendable {
    /// The learner's domain streams (SQLite in the workspace, or a PostgreSQL server).
    public let store: any EventStore
    /// Where the tool keeps the learner's progress (the workspace's own SQLite file).
    public let progressStore: any EventStore
    public let states: (any StateSource)?
    public let progress: (any ProgressSource)?
    public let readModels: (any ReadModelSource)?

    public init(
        store: any EventStore, progressStore: (any EventStore)? = nil, states: (any StateSource)? = nil,
        progress: (any ProgressSource)? = nil, readModels: (any ReadModelSource)? = nil
    ) {
        self.store = store
        self.progressStore = progressStore ?? store
        self.states = states
        self.progress = progress
        self.readModels = readModels
    }

    /// Answers a GET below `/api/`.
    public func respond(to request: APIRequest) -> APIResponse {
        do {
            return APIResponse(status: 200, body: try route(request))
        } catch let error as APIError {
            return APIResponse(status: error.status, body: APIJSON.encode(["error": error.description]))
        } catch {
            // A store that fails (a server gone away) is not the request's fault.
            return APIResponse(status: 503, body: APIJSON.encode(["error": "the store could not be read: \(error)"]))
        }
    }

    private func route(_ request: APIRequest) throws -> Data {
        let path = request.path.hasPrefix("/") ? String(request.path.dropFirst()) : request.path
        let (resource, rest) = Self.split(path)
        switch (resource, rest) {
        case ("streams", nil): return try streams(QueryParameters(request.query, allowed: ["category", "match", "type"]))
        case ("streams", let name?):
            return try stream(name, QueryParameters(request.query, allowed: ["from", "direction", "limit"]))
        case ("all", nil):
            return try all(QueryParameters(request.query, allowed: ["from", "direction", "limit", "category", "match", "type"]))
        case ("events", let id?): return try event(Self.uuid(id, what: "event id"), QueryParameters(request.query, allowed: []))
        case ("correlations", let id?):
            return try correlation(Self.uuid(id, what: "correlation id"), QueryParameters(request.query, allowed: []))
        case ("states", let name?): return try state(name, QueryParameters(request.query, allowed: ["rev", "at"]))
        case ("progress", nil): return try progressPage(QueryParameters(request.query, allowed: []))
        case ("read-models", nil): return try readModelList(QueryParameters(request.query, allowed: []))
        case ("read-models", let name?): return try readModel(name, request.query)
        default:
            throw APIError.notFound(
                "no API at /api/\(QueryParameters.clipped(path)); there are /api/streams, /api/streams/NAME, /api/all, "
                    + "/api/events/ID, /api/correlations/ID, /api/states/NAME, /api/read-models, /api/read-models/NAME, "
                    + "/api/progress and /api/live")
        }
    }

    /// `streams/order-1` is ("streams", "order-1"); a name may hold further slashes.
    static func split(_ path: String) -> (String, String?) {
        guard let slash = path.firstIndex(of: "/") else { return (path, nil) }
        let rest = String(path[path.index(after: slash)...])
        return (String(path[..<slash]), rest.isEmpty ? nil : rest)
    }

    static func uuid(_ text: String, what: String) throws(APIError) -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw .badRequest("'\(QueryParameters.clipped(text))' is not a \(what) (ids look like 3F2504E0-4F89-11D3-9A0C-0305E82C3301)")
        }
        return id
    }

    static func streamName(_ text: String) throws(APIError) -> StreamName {
        try QueryParameters.checkText(text, what: "the stream name")
        guard !text.isEmpty else { throw .badRequest("the stream name is empty") }
        return StreamName(text)
    }

    // MARK: Streams

    struct StreamRow: Encodable {
        var name: String
        var category: String
        var count: UInt64
        var lastPosition: UInt64
        var lastChange: Date?
    }

    struct StreamsPage: Encodable {
        var streams: [StreamRow]
        /// The tool's own streams (progress, `$` streams), never mixed into the learner's.
        var toolStreams: [StreamRow]
        var categories: [String]
        /// The position the live feed continues from.
        var head: UInt64
    }

    private func streams(_ query: QueryParameters) throws -> Data {
        let filter = query.filter()
        let all = try store.streams()
        var rows: [StreamRow] = []
        for info in all where !info.name.isSystem && filter.keeps(info.name) {
            if let type = filter.type, try !store.read(info.name).contains(where: { $0.type == type }) { continue }
            rows.append(try row(info, in: store))
        }
        let tool = try progressStore.streams().filter { $0.name.isSystem }.map { try row($0, in: progressStore) }
        let categories = Set(all.filter { !$0.name.isSystem }.map(\.name.category)).sorted()
        return APIJSON.encode(StreamsPage(streams: rows, toolStreams: tool, categories: categories, head: try head()))
    }

    private func row(_ info: StreamInfo, in store: any EventStore) throws -> StreamRow {
        let last = try store.readAll(from: info.lastPosition, limit: 1).first
        return StreamRow(
            name: info.name.rawValue, category: info.name.category, count: info.count, lastPosition: info.lastPosition,
            lastChange: last?.createdAt)
    }

    /// The position after the store's last event: where a live feed starts.
    private func head() throws -> UInt64 {
        try Self.head(of: store)
    }

    /// The stores have no "last position" question, and listing every stream to find it costs a
    /// scan of the store. Whether any event sits at or after a position is one indexed read, and
    /// it only turns from yes to no once: gallop up, then halve, in about 2·log₂(events) reads.
    public static func head(of store: any EventStore) throws -> UInt64 {
        func any(from position: UInt64) throws -> Bool { try !store.readAll(from: position, limit: 1).isEmpty }
        guard let first = try store.readAll(from: 0, limit: 1).first else { return 0 }
        var below = first.position  // an event is at or after this position
        var step: UInt64 = 1
        while try any(from: below + step) {
            below += step
            step *= 2
        }
        var above = below + step  // no event is at or after this position
        while above - below > 1 {
            let middle = below + (above - below) / 2
            if try any(from: middle) { below = middle } else { above = middle }
        }
        return below + 1
    }

    struct StreamPage: Encodable {
        var stream: String
        var category: String
        var toolOwn: Bool
        var lastRevision: UInt64
        var direction: ReadDirection
        var events: [EnvelopeView]
        /// The revision the next page starts from, if there is one.
        var next: UInt64?
        /// Whether a lesson so far folds this stream's category (the state view).
        var folds: Bool
        /// The position the live feed continues from.
        var head: UInt64
    }

    private func stream(_ text: String, _ query: QueryParameters) throws -> Data {
        let name = try Self.streamName(text)
        let direction = try query.direction(), limit = try query.limit(), from = try query.number("from")
        let source = name.isSystem ? progressStore : store
        let events: [RecordedEvent]
        do {
            events = try source.read(name, from: from, direction: direction, limit: limit)
        } catch EventStoreError.streamNotFound {
            throw APIError.notFound("there is no stream '\(QueryParameters.clipped(text))'")
        } catch EventStoreError.streamDeleted {
            throw APIError.notFound("stream '\(QueryParameters.clipped(text))' was deleted for good (tombstoned)")
        }
        let lastRevision = try source.currentRevision(of: name) ?? 0
        var next: UInt64?
        if events.count == limit, let last = events.last {
            switch direction {
            case .forwards: next = last.revision < lastRevision ? last.revision + 1 : nil
            case .backwards: next = last.revision > 0 ? last.revision - 1 : nil
            }
        }
        let folds = states?.folds(name.category) ?? false
        return APIJSON.encode(
            StreamPage(
                stream: name.rawValue, category: name.category, toolOwn: name.isSystem, lastRevision: lastRevision,
                direction: direction, events: events.map(EnvelopeView.init), next: next, folds: folds && !name.isSystem,
                head: try head()))
    }

    // MARK: The all-stream

    struct AllPage: Encodable {
        var events: [EnvelopeView]
        /// The position the next page starts from, if there is one.
        var next: UInt64?
        var head: UInt64
        var direction: ReadDirection
    }

    /// How many events one read of the all-stream takes while filtering.
    static let batch = 500

    private func all(_ query: QueryParameters) throws -> Data {
        let filter = query.filter(), limit = try query.limit(), direction = try query.direction()
        let head = try head()
        var kept: [RecordedEvent] = []
        var next: UInt64?
        func keep(_ event: RecordedEvent) -> Bool {
            !event.stream.isSystem && filter.keeps(event)
        }
        switch direction {
        case .forwards:
            var position = try query.number("from") ?? 0
            scan: while position < head {
                let batch = try store.readAll(from: position, limit: Self.batch)
                guard let last = batch.last else { break }
                for event in batch where keep(event) {
                    if kept.count == limit {
                        next = event.position
                        break scan
                    }
                    kept.append(event)
                }
                position = last.position + 1
            }
        case .backwards:
            // The stores read the all-stream forwards only, so read windows that step back from the end.
            var end = min(try query.number("from").map { $0 + 1 } ?? head, head)
            scan: while end > 0 {
                let start = end > UInt64(Self.batch) ? end - UInt64(Self.batch) : 0
                let window = try store.readAll(from: start, limit: Self.batch).filter { $0.position < end }
                for event in window.reversed() where keep(event) {
                    if kept.count == limit {
                        next = event.position
                        break scan
                    }
                    kept.append(event)
                }
                end = start
            }
        }
        return APIJSON.encode(AllPage(events: kept.map(EnvelopeView.init), next: next, head: head, direction: direction))
    }

    /// Every event of the store in global order, a batch at a time, until `body` says stop.
    private func scanAll(_ body: (RecordedEvent) -> Bool) throws {
        var position: UInt64 = 0
        while true {
            let batch = try store.readAll(from: position, limit: Self.batch)
            guard let last = batch.last else { return }
            for event in batch where !body(event) { return }
            position = last.position + 1
        }
    }

    // MARK: Events and their causation

    private func event(_ id: UUID, _: QueryParameters) throws -> Data {
        var found: RecordedEvent?
        try scanAll { event in
            if event.eventId == id { found = event }
            return found == nil
        }
        guard let found else { throw APIError.notFound("no event has id \(id.uuidString)") }
        return APIJSON.encode(EnvelopeView(found))
    }

    struct Step: Encodable {
        /// What set this step off: the id of the command that produced its events.
        var causationId: UUID?
        /// The event that caused that command, when a reaction sent it (the metadata's
        /// `commandCausationId`; in stores written before commands had ids, the causation itself).
        var causedBy: EnvelopeView?
        /// The domain command's name, as the shell recorded it in the metadata.
        var command: String?
        var events: [EnvelopeView]
    }

    struct CorrelationPage: Encodable {
        var correlationId: UUID
        var steps: [Step]
    }

    /// The conversation an id belongs to: command → events → reactions → commands, in the
    /// order they were stored, one step per cause.
    private func correlation(_ id: UUID, _: QueryParameters) throws -> Data {
        var events: [RecordedEvent] = []
        try scanAll { event in
            if event.correlationId == id { events.append(event) }
            return true
        }
        guard !events.isEmpty else { throw APIError.notFound("no event has correlation id \(id.uuidString)") }
        let byId = Dictionary(events.map { ($0.eventId, $0) }, uniquingKeysWith: { first, _ in first })
        var steps: [Step] = []
        for event in events {
            let view = EnvelopeView(event)
            // Events of one step share a cause and sit next to each other (one append).
            if let last = steps.last, last.causationId == event.causationId, last.events.last?.stream == view.stream {
                steps[steps.count - 1].events.append(view)
                continue
            }
            steps.append(
                Step(
                    causationId: event.causationId,
                    causedBy: (Self.commandCause(event.metadata) ?? event.causationId).flatMap { byId[$0] }.map(EnvelopeView.init),
                    command: Self.commandName(event.metadata), events: [view]))
        }
        return APIJSON.encode(CorrelationPage(correlationId: id, steps: steps))
    }

    static func commandName(_ metadata: Data) -> String? {
        guard case .object(let fields)? = try? JSONValue.parse(metadata) else { return nil }
        if case .string(let name)? = fields["command"] { return name }
        return nil
    }

    /// The event a reaction's command answered, as the shell recorded it in the metadata.
    static func commandCause(_ metadata: Data) -> UUID? {
        guard case .object(let fields)? = try? JSONValue.parse(metadata), case .string(let id)? = fields["commandCausationId"] else {
            return nil
        }
        return UUID(uuidString: id)
    }

    // MARK: State through the learner's code

    struct StatePage: Encodable {
        var stream: String
        /// The revision the state is after (nil: the initial state).
        var revision: UInt64?
        var lastRevision: UInt64
        var event: EnvelopeView?
        var state: JSONValue
        var picture: GridDrawing?
    }

    private func state(_ text: String, _ query: QueryParameters) throws -> Data {
        let name = try Self.streamName(text)
        guard let states, states.folds(name.category), !name.isSystem else {
            throw APIError.notFound("no lesson so far folds \(QueryParameters.clipped(name.category)) streams into a state")
        }
        var events: [RecordedEvent]
        do {
            events = try store.read(name)
        } catch EventStoreError.streamNotFound, EventStoreError.streamDeleted {
            throw APIError.notFound("there is no stream '\(QueryParameters.clipped(text))'")
        }
        let revision = try query.number("rev"), time = try query.time("at")
        if revision != nil, time != nil { throw APIError.badRequest("give rev or at, not both") }
        let lastRevision = events.last?.revision ?? 0
        if let revision {
            guard events.contains(where: { $0.revision == revision }) else {
                let first = events.first?.revision ?? 0
                throw APIError.badRequest("\(name) has revisions \(first) to \(lastRevision); there is no \(revision)")
            }
            events = Array(events.prefix(throughRevision: revision))
        } else if let time {
            events = Array(events.prefix(recordedBy: time))
        }
        let folded: FoldedState
        do {
            folded = try states.state(after: events, of: name)
        } catch {
            throw APIError.unprocessable("your evolve could not fold \(name): \(error)")
        }
        return APIJSON.encode(
            StatePage(
                stream: name.rawValue, revision: events.last?.revision, lastRevision: lastRevision,
                event: events.last.map(EnvelopeView.init), state: folded.state, picture: folded.picture))
    }

    // MARK: Read models through the learner's code

    struct ReadModelRow: Encodable {
        var name: String
        var usage: String
        var summary: String
        var arguments: [String]
        /// The id of the lesson whose projection it runs.
        var lesson: String
    }

    struct ReadModelList: Encodable {
        var lesson: LessonName?
        var firstLesson: LessonName?
        var readModels: [ReadModelRow]
        var head: UInt64
    }

    private func catalogue() throws -> ReadModelCatalogue {
        try readModels?.catalogue() ?? ReadModelCatalogue(lesson: nil, firstLesson: nil, views: [])
    }

    private func readModelList(_: QueryParameters) throws -> Data {
        let catalogue = try catalogue()
        let rows = catalogue.views.map {
            ReadModelRow(name: $0.name, usage: $0.usage, summary: $0.summary, arguments: $0.arguments, lesson: $0.lesson)
        }
        return APIJSON.encode(
            ReadModelList(lesson: catalogue.lesson, firstLesson: catalogue.firstLesson, readModels: rows, head: try head()))
    }

    struct CheckpointView: Encodable {
        /// The projection's field that holds it.
        var field: String
        /// The position the projection says it applied last (nil: it recorded none).
        var position: UInt64?
        /// How many of the events delivered come after it.
        var behind: Int
        var caughtUp: Bool
    }

    struct ReadModelPage: Encodable {
        var name: String
        var usage: String
        var summary: String
        /// The arguments given, by name (none: the part every argument shares).
        var arguments: [String: String]
        /// The keys followed into the projection to the value shown.
        var path: [String]
        /// The value at `path`; nil when the projection holds nothing there yet.
        var value: JSONValue?
        var delivered: Int
        var lastPosition: UInt64?
        var checkpoint: CheckpointView?
        var head: UInt64
    }

    /// One read model's current value, run by the learner's projection over the store as it is now.
    /// Its query takes the view's own arguments (`?customer=alice`), all of them or none.
    private func readModel(_ name: String, _ items: [(name: String, value: String)]) throws -> Data {
        try QueryParameters.checkText(name, what: "the read model's name")
        let catalogue = try catalogue()
        guard let source = readModels, let view = catalogue.views.first(where: { $0.name == name }) else {
            let known = catalogue.views.map(\.name)
            let there =
                !known.isEmpty
                ? "there are " + known.joined(separator: ", ")
                : catalogue.firstLesson.map { "read models start with lesson \($0.number), \($0.title)" }
                    ?? "no lesson of this course has one"
            throw APIError.notFound("there is no read model '\(QueryParameters.clipped(name))' in the lessons so far; \(there)")
        }
        let query = try QueryParameters(items, allowed: view.arguments)
        let given = view.arguments.compactMap { argument in query.text(argument).map { (argument, $0) } }
        let path: [String]
        if given.isEmpty {
            path = view.commonPath
        } else if given.count == view.arguments.count, case .success(let keys) = view.path(for: given.map(\.1)) {
            path = keys
        } else {
            throw APIError.badRequest(
                "read model \(view.name) takes \(view.arguments.joined(separator: " and ")), all or none (none shows every one)")
        }
        let projected: ProjectedModel
        do {
            projected = try source.project(view)
        } catch {
            throw APIError.unprocessable("your projection could not run \(view.name): \(error)")
        }
        let value = path.reduce(Optional(projected.model)) { current, key in
            guard case .object(let fields)? = current else { return nil }
            return fields[key]
        }
        let checkpoint = view.checkpoint.map { field -> CheckpointView in
            var position: UInt64?
            if case .object(let fields) = projected.model, case .number(let number)? = fields[field], number >= 0 {
                position = UInt64(number)
            }
            return CheckpointView(field: field, position: position, behind: projected.behind, caughtUp: projected.behind == 0)
        }
        return APIJSON.encode(
            ReadModelPage(
                name: view.name, usage: view.usage, summary: view.summary, arguments: Dictionary(uniqueKeysWithValues: given),
                path: path, value: value, delivered: projected.covered, lastPosition: projected.lastPosition,
                checkpoint: checkpoint, head: try head()))
    }

    // MARK: Progress

    struct ProgressPage: Encodable {
        var streams: [String]
        var events: [EnvelopeView]
        var projection: JSONValue?
    }

    private func progressPage(_: QueryParameters) throws -> Data {
        let names = try progressStore.streams().map(\.name).filter(\.isSystem)
        var events: [RecordedEvent] = []
        for name in names { events += try progressStore.readIfPresent(name) }
        events.sort { $0.position < $1.position }
        return APIJSON.encode(
            ProgressPage(streams: names.map(\.rawValue), events: events.map(EnvelopeView.init), projection: try progress?.projection()))
    }
}
