import Checking
import Curriculum
import EventSourcing
import Foundation
import Shell

/// Runs the domain commands a learner types through their own code: the warm host decides, the
/// events are appended with the stream's expected revision, and the stream is shown.
public final class Playground {
    public let session: any PlaygroundSession
    /// The learner's warm hosts by lesson (commands and reactions may come from different lessons' bindings).
    private let hosts: any PlaygroundHosts
    /// Show each event's envelope: ids, causation, correlation.
    public var showsMetadata = false
    /// How often a command may decide again after losing a race for the stream.
    public static let retries = 3

    public init(session: any PlaygroundSession, hosts: any PlaygroundHosts) {
        self.session = session
        self.hosts = hosts
    }

    /// What a lesson lets the learner type in the shell: a domain command, or a read model to look at.
    public enum Entry {
        case command(DomainCommand)
        case readModel(ReadModelView)
    }

    /// The domain command or read model named `name` for the learner's current lesson.
    public func command(named name: String) throws -> Entry? {
        let lesson = try session.currentLesson()
        if let command = session.course.domainCommands(upTo: lesson).last(where: { $0.name == name }) { return .command(command) }
        return session.course.readModels(upTo: lesson).last { $0.name == name }.map(Entry.readModel)
    }

    public func run(_ entry: Entry, arguments: [String]) throws {
        switch entry {
        case .command(let command): try run(command, arguments: arguments)
        case .readModel(let view): try show(view, arguments: arguments)
        }
    }

    public func run(_ command: DomainCommand, arguments: [String]) throws {
        // `--id ID` sends the command under an id of the person's choosing: the same id again is
        // the same command (a double click, a retry), answered with what it did the first time.
        var arguments = arguments, given: String?
        if let flag = arguments.firstIndex(of: "--id") {
            guard flag + 1 < arguments.count, !arguments[flag + 1].isEmpty else {
                throw PlaygroundError.usage("--id needs a value: \(command.usage) [--id ID]")
            }
            given = arguments[flag + 1]
            arguments.removeSubrange(flag...flag + 1)
        }
        // `--shared` works on the stream as typed even on a shared store (a demo the room watches).
        let shared = arguments.contains("--shared")
        arguments.removeAll { $0 == "--shared" }
        let (streamName, request): (String, JSONValue)
        switch command.bind(arguments) {
        case .success(let bound): (streamName, request) = bound
        case .failure(let error): throw error
        }
        // A typed command starts a conversation: its events are caused by it, and its id is the correlation.
        let identity = CommandIdentity.typed(id: given)
        let stream = session.namespace.stream(streamName, shared: shared)
        let outcome = try execute(command, request: request, on: stream, as: identity, correlationId: identity.uuid)
        guard outcome.isNew else { return }
        // The learner's lesson is read once per typed command, not once per round of reactions.
        let lesson = try session.currentLesson()
        let reactions = session.course.reactions(upTo: lesson)
        if !reactions.isEmpty {
            try react(to: outcome.events, round: 1, reactions: reactions, commands: session.course.domainCommands(upTo: lesson))
        }
    }

    /// What running a command did: the events it produced, and whether they are new or the
    /// outcome of the same command (the same id) run before.
    struct Outcome {
        var events: [RecordedEvent]
        var isNew: Bool
    }

    /// Decides `request` with the learner's code against the stream's history, appends what it
    /// decided with the stream's expected revision (deciding again after losing a race), shows the
    /// stream, and returns the new events. A command whose id the stream's events already record
    /// is not decided again: its earlier events are its answer. A rejection is shown and thrown as
    /// a failure status.
    private func execute(
        _ command: DomainCommand, request: JSONValue, on stream: StreamName, as identity: CommandIdentity, correlationId: UUID?,
        showsNewOnly: Bool = false
    ) throws -> Outcome {
        let host = try hosts.host(lesson: command.lesson, purpose: command.name)
        let store = session.domainStore
        let out = session.out
        // Who appends, read once (it may come from the room's file), not once per event and retry.
        let metadata = identity.metadata(command: command.name, appendedBy: session.learnerName)
        for attempt in 0...Self.retries {
            let history = try store.readIfPresent(stream)
            // Said twice, done once: the receiver keeps the ids of the commands it ran, on the
            // events they produced, so a re-sent command is answered, not decided again.
            let earlier = history.filter { CommandIdentity.recorded(in: $0.metadata) == identity.id }
            if !earlier.isEmpty {
                out.paragraph(
                    out.styled("↺ command \(identity.id) ran before", .warning)
                        + out.styled(" · its events are the answer; nothing was decided or appended again", .dim), hanging: "  ")
                StreamTable.render(earlier, new: nil, metadata: showsMetadata, out: out)
                return Outcome(events: earlier, isNew: false)
            }
            let given = try history.map { try JSONValue.parse($0.data) }
            let exchange = try host.ask(command.driver, with: .object(["given": .array(given), "command": request, "input": request]))
            if !exchange.printed.isEmpty {
                for line in exchange.printed.components(separatedBy: "\n") where !line.isEmpty { out.line(out.styled("│ ", .dim) + line) }
            }
            if case .threw(_, let description) = exchange.answer {
                out.line(out.styled("✗ rejected: ", .failure) + description + out.styled(" · nothing was appended to \(stream)", .dim))
                if !history.isEmpty { show(stream, events: history, new: nil) }
                // A rejection is the domain's answer, not a fault; scripts still see it in the status.
                throw CommandRejected(reason: description)
            }
            let events = try Self.list(exchange.answer, by: "your decide", of: "a list of events", nothingAppended: true)
            let data = events.map { event in
                EventData(
                    type: Self.typeName(of: event), data: Data(event.json.utf8),
                    metadata: metadata,
                    causationId: identity.uuid, correlationId: correlationId)
            }
            let expected: ExpectedRevision = history.last.map { .exact($0.revision) } ?? .noStream
            do {
                if data.isEmpty {
                    out.line(out.styled("your code decided nothing happens · nothing was appended", .dim))
                    if !history.isEmpty { show(stream, events: history, new: nil) }
                    return Outcome(events: [], isNew: true)
                }
                let last = try store.append(data, to: stream, expected: expected)
                // Read once: the stream as this command left it, up to the revision its append returned.
                // What it appended follows the history it decided on; a later writer's events are not its own.
                let left = try store.read(stream).filter { $0.revision <= (last ?? UInt64.max) }
                let after = history.last.map { $0.revision + 1 } ?? 0
                let appended = left.filter { $0.revision >= after }
                // A reaction's step shows only what it added: the stream was just shown above it.
                if showsNewOnly {
                    StreamTable.render(appended, new: after, metadata: showsMetadata, out: out)
                } else {
                    show(stream, events: left, new: after)
                }
                return Outcome(events: appended, isNew: true)
            } catch EventStoreError.wrongExpectedRevision {
                guard attempt < Self.retries else { throw PlaygroundError.keptChanging(stream: "\(stream)") }
                out.line(out.styled("↻ another writer appended to \(stream) first; reloaded and decided again", .warning))
            }
        }
        return Outcome(events: [], isNew: true)
    }

    /// How many rounds of reactions one typed command may set off: a command that causes
    /// itself again would otherwise never end.
    static let reactionRounds = 8

    /// Hands each new event to the learner's reactions (a process manager) and runs the
    /// commands they send, with the ids they gave them; their events may set off the next round.
    private func react(to events: [RecordedEvent], round: Int, reactions: [Reaction], commands: [DomainCommand]) throws {
        guard !events.isEmpty else { return }
        let out = session.out
        guard round <= Self.reactionRounds else {
            out.line(
                out.styled("⚠ stopped after \(Self.reactionRounds) rounds of reactions: does a command set itself off again?", .warning))
            return
        }
        for event in events {
            for reaction in reactions where reaction.category == event.stream.category {
                let sent: [JSONValue]
                do {
                    sent = try ask(reaction, about: event)
                } catch {
                    out.line(out.styled("\(reaction.name) did not run: \(error)", .dim))
                    continue
                }
                try send(sent, by: reaction, causedBy: event, round: round, reactions: reactions, commands: commands)
            }
        }
    }

    /// Runs the commands a reaction sent, each by the shell command it matches, with the ids the
    /// process gave it; `cause` is the event it reacted to (for the clock: the one the process names).
    private func send(
        _ sent: [JSONValue], by reaction: Reaction, causedBy cause: RecordedEvent?, round: Int, reactions: [Reaction],
        commands: [DomainCommand]
    ) throws {
        let namespace = session.namespace
        let out = session.out
        for message in sent {
            guard case .object(let fields) = message,
                let (domain, command, arguments) = Self.command(in: fields, among: commands)
            else {
                out.line(out.styled("\(reaction.name) sent \(message.json), which no shell command runs", .warning))
                continue
            }
            guard case .success(let bound) = domain.bind(arguments) else {
                out.line(out.styled("\(reaction.name) sent \(command.json), which \(domain.name) does not accept", .warning))
                continue
            }
            // The command's cause is the event it reacts to; its id is the one the process made
            // (a fresh one when it made none, which then can never be told apart from a new command).
            var identity = CommandIdentity.typed(id: Self.text(fields["commandId"]))
            identity.causedBy = cause?.eventId ?? Self.uuid(fields["causationId"])
            identity.sentBy = reaction.name
            out.line(
                out.styled("↳ \(reaction.name) sent ", .dim) + out.styled(([domain.name] + arguments).joined(separator: " "), .bold)
                    + out.styled(cause.map { " · caused by \($0.type) \(StreamTable.short($0.eventId))" } ?? "", .dim))
            let outcome: Outcome
            do {
                outcome = try execute(
                    domain, request: command, on: namespace.stream(bound.stream, shared: cause.map { !namespace.owns($0.stream) } ?? false),
                    as: identity,
                    correlationId: Self.uuid(fields["correlationId"]) ?? cause?.correlationId ?? cause?.eventId, showsNewOnly: true)
            } catch is CommandRejected {
                continue  // rejected: the domain's answer, already shown
            }
            if outcome.isNew { try react(to: outcome.events, round: round + 1, reactions: reactions, commands: commands) }
        }
    }

    /// How far the shell's clock runs ahead of the wall clock: `wait` moves it on, so a process's
    /// deadline can pass without anyone waiting ten minutes.
    public var clockOffset: TimeInterval = 0

    /// `wait`: lets `seconds` pass for the learner's processes. Each reaction that keeps time is
    /// handed every event of its category it has seen and the clock's new time, and the commands
    /// it answers (a deadline passed) run like any reaction's. Returns the clock's new time.
    @discardableResult
    public func wait(_ seconds: TimeInterval) throws -> Date {
        clockOffset += seconds
        let now = session.now().addingTimeInterval(clockOffset)
        let lesson = try session.currentLesson()
        let reactions = session.course.reactions(upTo: lesson)
        let timed = reactions.compactMap { reaction in reaction.clock.map { (reaction, clock: $0) } }
        guard !timed.isEmpty else {
            let first = session.course.lessons.first { $0.reactions.contains { $0.clock != nil } }
            throw PlaygroundError.nothingKeepsTime(from: first?.title)
        }
        let namespace = session.namespace
        let domain = try session.domainStore.readAll(from: 0, limit: nil).filter { !$0.stream.isSystem }
        let commands = session.course.domainCommands(upTo: lesson)
        for (reaction, clock) in timed {
            // What the process has seen: its category's events (on a shared store, the learner's own).
            let seen = domain.filter { $0.stream.category == reaction.category && (namespace.learner == nil || namespace.owns($0.stream)) }
            let host = try hosts.host(lesson: reaction.lesson, purpose: reaction.name)
            let input: JSONObject = [
                "seen": .array(try seen.map(Self.received)), "now": .number(now.timeIntervalSince1970.rounded(.down)),
            ]
            let sent = try Self.list(
                host.ask(clock, with: .object(["input": .object(input)])).answer, by: reaction.name, of: "a list of commands")
            if sent.isEmpty { session.out.line(session.out.styled("\(reaction.name): no deadline has passed", .dim)) }
            for message in sent {
                var named: String?
                if case .object(let fields) = message { named = Self.text(fields["causationId"]) }
                try send(
                    [message], by: reaction, causedBy: seen.first { $0.eventId.uuidString.lowercased() == named?.lowercased() }, round: 1,
                    reactions: reactions, commands: commands)
            }
        }
        return now
    }

    /// The command a reaction's message carries, and the shell command that runs it: the message's
    /// `command`, or else the one of its fields (an order's, a customer's…) a shell command accepts.
    static func command(in fields: JSONObject, among commands: [DomainCommand]) -> (DomainCommand, JSONValue, [String])? {
        let ids: Set<String> = ["commandId", "causationId", "correlationId"]
        let candidates = fields["command"].map { [$0] } ?? fields.filter { !ids.contains($0.key) }.map(\.value)
        for candidate in candidates {
            for domain in commands {
                if let arguments = domain.arguments(producing: candidate) { return (domain, candidate, arguments) }
            }
        }
        return nil
    }

    /// What the learner's reaction sends for one recorded event.
    private func ask(_ reaction: Reaction, about event: RecordedEvent) throws -> [JSONValue] {
        let host = try hosts.host(lesson: reaction.lesson, purpose: reaction.name)
        // The process is handed the stream's earlier events too: its state is what it has seen.
        let seen = try session.domainStore.read(event.stream).prefix { $0.revision < event.revision }
        let input: JSONObject = ["seen": .array(try seen.map(Self.received)), "received": try Self.received(event)]
        return try Self.list(host.ask(reaction.driver, with: .object(["input": .object(input)])).answer, by: "it", of: "a list of commands")
    }

    /// An event as a reaction receives it: its ids, when it was recorded (seconds since 1970), and the event.
    static func received(_ event: RecordedEvent) throws -> JSONValue {
        var received: JSONObject = ["eventId": .string(event.eventId.uuidString)]
        if let correlation = event.correlationId { received["correlationId"] = .string(correlation.uuidString) }
        received["at"] = .number(event.createdAt.timeIntervalSince1970.rounded(.down))
        received["event"] = try JSONValue.parse(event.data)
        return .object(received)
    }

    /// What the learner's code returned, or an error that says, of `who`, what went wrong instead
    /// (and, for a command's decide, that nothing was appended).
    static func returned(_ answer: HostAnswer, by who: String, nothingAppended: Bool = false) throws -> JSONValue {
        switch answer {
        case .returned(let value): return value
        case .threw(_, let description): throw PlaygroundError.learnerCode(who: who, problem: .threw(description))
        case .timedOut(let seconds):
            throw PlaygroundError.learnerCode(who: who, problem: .timedOut(seconds: Int(seconds), nothingAppended: nothingAppended))
        case .crashed(let reason): throw PlaygroundError.learnerCode(who: who, problem: .crashed(reason, nothingAppended: nothingAppended))
        case .mismatch(let message): throw PlaygroundError.learnerCode(who: who, problem: .mismatch(message))
        }
    }

    /// What the learner's code returned, as the list `what` names (events, commands), or why not.
    static func list(_ answer: HostAnswer, by who: String, of what: String, nothingAppended: Bool = false) throws -> [JSONValue] {
        let value = try returned(answer, by: who, nothingAppended: nothingAppended)
        guard case .array(let items) = value else { throw PlaygroundError.unexpectedAnswer(who: who, answer: value.json, expected: what) }
        return items
    }

    /// An id the learner's code passed along; nil (no id recorded) when it is not one the store made.
    static func uuid(_ value: JSONValue?) -> UUID? {
        text(value).flatMap(UUID.init(uuidString:))
    }

    /// A text the learner's code passed along; nil when it is missing, empty or not a text.
    static func text(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value, !text.isEmpty { text } else { nil }
    }

    /// The state after `events`, folded by the learner's own evolve through the view's driver.
    public func fold(_ events: [RecordedEvent], view: StateView) throws -> JSONValue {
        let host = try hosts.host(lesson: view.lesson, purpose: "state")
        let given = try events.map { try JSONValue.parse($0.data) }
        let exchange = try host.ask(view.driver, with: .object(["given": .array(given), "input": .array(given)]))
        return try Self.returned(exchange.answer, by: "your evolve")
    }

    /// A read model as the learner's projection left it this time, and what it covers.
    public struct Projection {
        public var model: JSONValue
        /// How it caught up: from its saved checkpoint, or built from the first event.
        public var catchUp: CatchUp
        /// The domain events it was delivered this time: those after its saved checkpoint, or all.
        public var delivered: [RecordedEvent]
        /// Every domain event the model covers: those up to its saved checkpoint and those delivered now.
        public var covered: SavedReadModels.Coverage
        /// How many of the events it covers come after the checkpoint the model now records (all of
        /// them when it records none).
        public var behind: Int
    }

    /// Runs the learner's projection over the domain events of the all-stream (system streams are
    /// not the domain's), as a catch-up subscription: from the model saved last time, it is
    /// delivered only the events after its checkpoint, read from there on, and the new model is
    /// saved with its checkpoint in one write.
    public func project(_ view: ReadModelView) throws -> Projection {
        let store = session.domainStore
        let host = try hosts.host(lesson: view.lesson, purpose: view.name)
        let storeName = session.storeName
        let saved = SavedReadModels(folder: session.readModelsFolder)
        let earlier = saved.load(view)
        var checkpoint: UInt64?
        var reason = "nothing saved yet"
        if let earlier {
            if earlier.code != host.code {
                reason = "your projection's code changed since it was saved"
            } else if earlier.store != storeName {
                reason = "another store: its positions are not these"
            } else if case .number(let value)? = Self.recordedCheckpoint(of: view, in: earlier.model), value >= 0 {
                checkpoint = UInt64(value)
            } else {
                reason = "it kept no checkpoint, so it cannot say where to go on from"
            }
        }
        // Only what comes after the checkpoint is read, not the whole all-stream again.
        let delivered = try store.readAll(from: checkpoint.map { $0 + 1 } ?? 0, limit: nil).filter { !$0.stream.isSystem }
        let before =
            try checkpoint.map { at in try earlier?.upToCheckpoint ?? Self.coverage(upTo: Double(at), in: store) }
            ?? SavedReadModels.Coverage(count: 0, last: nil)
        let deliveries = try delivered.map { event -> JSONValue in
            .object([
                "position": .number(Double(event.position)), "stream": .string(event.stream.rawValue),
                event.stream.category: try JSONValue.parse(event.data),
            ])
        }
        let input: JSONValue = .object(["saved": checkpoint == nil ? .null : earlier?.model ?? .null, "deliveries": .array(deliveries)])
        let model = try Self.returned(host.ask(view.driver, with: .object(["input": input])).answer, by: "your projection")
        let covered = SavedReadModels.Coverage(count: before.count + delivered.count, last: delivered.last?.position ?? before.last)
        // How far the new model says it got, counted against what it covers.
        let behind: Int
        var upToCheckpoint: SavedReadModels.Coverage?
        if case .number(let recorded)? = Self.recordedCheckpoint(of: view, in: model) {
            let after = delivered.filter { Double($0.position) > recorded }.count
            if recorded >= Double(checkpoint ?? 0) {
                behind = after
                upToCheckpoint = SavedReadModels.Coverage(
                    count: covered.count - behind, last: delivered.last { Double($0.position) <= recorded }?.position ?? before.last)
            } else {
                // It went back behind where it resumed: the events in between were not read this time.
                behind = after + (before.count - (try Self.coverage(upTo: recorded, in: store).count))
            }
        } else {
            behind = covered.count
        }
        // A failed save loses nothing but time: the next call rebuilds.
        try? saved.save(SavedReadModels.Saved(code: host.code, store: storeName, model: model, upToCheckpoint: upToCheckpoint), of: view)
        let catchUp: CatchUp =
            checkpoint.map { .resumed(after: $0, applied: delivered.count) } ?? .built(because: reason, applied: delivered.count)
        return Projection(model: model, catchUp: catchUp, delivered: delivered, covered: covered, behind: behind)
    }

    /// The value a view's checkpoint field holds in a model, if the view keeps one.
    private static func recordedCheckpoint(of view: ReadModelView, in model: JSONValue) -> JSONValue? {
        view.checkpoint.flatMap { value(at: [$0], in: model) }
    }

    /// The domain events at or before `position`, counted by reading them (when no saved count says).
    private static func coverage(upTo position: Double, in store: any EventStore) throws -> SavedReadModels.Coverage {
        let events = try store.readAll(from: 0, limit: nil).filter { !$0.stream.isSystem && Double($0.position) <= position }
        return SavedReadModels.Coverage(count: events.count, last: events.last?.position)
    }

    /// Shows the part of the learner's projection the view names, and how far the projection got.
    public func show(_ view: ReadModelView, arguments: [String]) throws {
        let path: [String]
        switch view.path(for: arguments) {
        case .success(let keys): path = keys
        case .failure(let error): throw error
        }
        let projection = try project(view)
        let model = projection.model, covered = projection.covered
        let out = session.out
        out.line(
            out.styled("read model \(([view.name] + arguments).joined(separator: " "))", .bold)
                + out.styled(" · your code over the all-stream · \(covered.count) event\(covered.count == 1 ? "" : "s") delivered", .dim))
        if let shown = Self.value(at: path, in: model) {
            out.paragraph(DomainWords.describe(shown))
        } else {
            out.paragraph(out.styled("nothing for \(arguments.joined(separator: " ")) yet", .dim))
        }
        switch projection.catchUp {
        case .resumed(let after, let applied):
            out.line(
                out.styled(
                    "caught up from its saved checkpoint (position \(after)): \(applied) new event\(applied == 1 ? "" : "s") applied", .dim)
            )
        case .built(let reason, let applied):
            out.line(out.styled("built from the first event (\(reason)): \(applied) event\(applied == 1 ? "" : "s") applied", .dim))
        }
        guard let field = view.checkpoint else { return }
        let last = covered.last
        switch Self.value(at: [field], in: model) {
        case .number(let checkpoint)? where last.map({ Double($0) == checkpoint }) ?? false:
            out.line(out.styled("checkpoint: position \(Int(checkpoint)), the last event delivered · caught up", .dim))
        case .number(let checkpoint)?:
            out.line(
                out.styled(
                    "checkpoint: position \(Int(checkpoint)) · \(projection.behind) of the events delivered come after it"
                        + (last.map { " (the last is at \($0))" } ?? ""), .warning))
        default:
            out.line(
                out.styled(
                    covered.count == 0
                        ? "checkpoint: none yet, and no events to apply"
                        : "checkpoint: none · your projection did not record how far it got", covered.count == 0 ? .dim : .warning))
        }
    }

    /// The value at a path of keys into a JSON value, or nil where a key is missing.
    static func value(at path: [String], in value: JSONValue) -> JSONValue? {
        path.reduce(Optional(value)) { current, key in
            guard case .object(let fields)? = current else { return nil }
            return fields[key]
        }
    }

    /// `{"gameStarted": {...}}` is a GameStarted: the case name, capitalised.
    static func typeName(of event: JSONValue) -> String {
        guard case .object(let fields) = event, fields.count == 1, let name = fields.keys.first else { return "Event" }
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// Shows events of a stream under its name; `count` says how many of how many, when not all are shown.
    public func show(_ stream: StreamName, events: [RecordedEvent], new: UInt64?, count: String? = nil) {
        let out = session.out
        out.line(
            out.styled("stream \(stream)", .bold) + out.styled(" · category \(stream.category)" + (count.map { " · " + $0 } ?? ""), .dim))
        StreamTable.render(events, new: new, metadata: showsMetadata, out: out)
    }
}

/// A list of recorded events as a table: revision (or position), type, data, time.
public enum StreamTable {
    public static func render(_ events: [RecordedEvent], new: UInt64?, metadata: Bool, out: Output, positions: Bool = false) {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        // The data goes last: it is the one column of any length, and the last column is the one
        // that wraps to the screen.
        var header = [positions ? "pos" : "rev", "type", "time"]
        if positions { header.insert("stream", at: 1) }
        if metadata { header += ["event id", "causation", "correlation"] }
        header.append("data")
        let rows = events.map { event -> [String] in
            let isNew = new.map { event.revision >= $0 } ?? false
            var row = [
                (isNew ? out.styled("▸ ", .success) : "  ") + "\(positions ? event.position : event.revision)",
                out.styled(event.type, .cyan), formatter.string(from: event.createdAt),
            ]
            if positions { row.insert(event.stream.rawValue, at: 1) }
            if metadata {
                row += [short(event.eventId), event.causationId.map(short) ?? "-", event.correlationId.map(short) ?? "-"]
            }
            row.append(String(decoding: event.data, as: UTF8.self))
            return row
        }
        for line in TableRenderer(styler: out.styler, width: out.width).render(header: header, rows: rows) { out.line(line) }
        if events.isEmpty { out.line(out.styled("  (no events)", .dim)) }
    }

    static func short(_ id: UUID) -> String { String(id.uuidString.prefix(8)).lowercased() }
}
