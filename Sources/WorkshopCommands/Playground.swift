import ArgumentParser
import Checking
import Curriculum
import EventSourcing
import Foundation
import Shell
import Workspace

/// Runs the domain commands a learner types through their own code: the warm host decides, the
/// events are appended with the stream's expected revision, and the stream is shown.
final class Playground {
    let session: Session
    /// Warm hosts by lesson (commands and reactions may come from different lessons' bindings):
    /// the same process answers until the learner's code changes and the executable with it.
    private var hosts: [String: (executable: URL, process: HostProcess)] = [:]
    /// Found (and the kit built) on the first domain command, then kept: the toolchain and the
    /// kit do not move while the shell runs, so a typed command does not look for them again.
    private var found: LearnerRuntime?
    private func runtime() throws -> LearnerRuntime {
        if let found { return found }
        let runtime = try LearnerRuntime.find()
        let out = session.out
        try runtime.ensureKit { out.line(out.styled($0, .dim)) }
        found = runtime
        return runtime
    }
    /// Show each event's envelope: ids, causation, correlation.
    var showsMetadata = false
    /// How often a command may decide again after losing a race for the stream.
    static let retries = 3

    init(session: Session) { self.session = session }

    deinit { hosts.values.forEach { $0.process.stop() } }

    /// What a lesson lets the learner type in the shell: a domain command, or a read model to look at.
    enum Entry {
        case command(DomainCommand)
        case readModel(ReadModelView)
    }

    /// The domain command or read model named `name` for the learner's current lesson.
    func command(named name: String) throws -> Entry? {
        let lesson = try session.currentLesson()
        if let command = session.course.domainCommands(upTo: lesson).last(where: { $0.name == name }) { return .command(command) }
        return session.course.readModels(upTo: lesson).last { $0.name == name }.map(Entry.readModel)
    }

    func run(_ entry: Entry, arguments: [String]) throws {
        switch entry {
        case .command(let command): try run(command, arguments: arguments)
        case .readModel(let view): try show(view, arguments: arguments)
        }
    }

    func run(_ command: DomainCommand, arguments: [String]) throws {
        // `--id ID` sends the command under an id of the person's choosing: the same id again is
        // the same command (a double click, a retry), answered with what it did the first time.
        var arguments = arguments, given: String?
        if let flag = arguments.firstIndex(of: "--id") {
            guard flag + 1 < arguments.count, !arguments[flag + 1].isEmpty else {
                throw WorkshopError("--id needs a value: \(command.usage) [--id ID]")
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
        case .failure(let error): throw WorkshopError(error.description)
        }
        // A typed command starts a conversation: its events are caused by it, and its id is the correlation.
        let identity = CommandIdentity.typed(id: given)
        let stream = StreamNamespace.of(session).stream(streamName, shared: shared)
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
        let host = try self.host(lesson: command.lesson, purpose: command.name)
        let store = session.workspace.store
        let out = session.out
        // Who appends, read once (it may come from the room's file), not once per event and retry.
        let metadata = identity.metadata(command: command.name, appendedBy: StreamNamespace.learnerName(of: session))
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
            let exchange = try host.ask(
                driver: command.driver, input: .object(["given": .array(given), "command": request, "input": request]))
            if !exchange.output.isEmpty {
                for line in exchange.output.components(separatedBy: "\n") where !line.isEmpty { out.line(out.styled("│ ", .dim) + line) }
            }
            switch exchange.answer {
            case .threw(_, let description):
                out.line(out.styled("✗ rejected: ", .failure) + description + out.styled(" · nothing was appended to \(stream)", .dim))
                if !history.isEmpty { try show(stream, new: nil) }
                // A rejection is the domain's answer, not a fault; scripts still see it in the status.
                throw ExitCode.failure
            case .timedOut(let seconds):
                throw WorkshopError("your decide did not answer within \(Int(seconds)) s; nothing was appended (an endless loop?)")
            case .crashed(let reason):
                throw WorkshopError("your code crashed: \(reason); nothing was appended, and the shell goes on")
            case .mismatch(let message):
                throw WorkshopError(message)
            case .returned(let value):
                guard case .array(let events) = value else {
                    throw WorkshopError("your decide returned \(value.json), not a list of events")
                }
                let data = try events.map { event in
                    EventData(
                        type: Self.typeName(of: event), data: Data(event.json.utf8),
                        metadata: metadata,
                        causationId: identity.uuid, correlationId: correlationId)
                }
                let expected: ExpectedRevision = history.last.map { .exact($0.revision) } ?? .noStream
                do {
                    if data.isEmpty {
                        out.line(out.styled("your code decided nothing happens · nothing was appended", .dim))
                        if !history.isEmpty { try show(stream, new: nil) }
                        return Outcome(events: [], isNew: true)
                    }
                    try store.append(data, to: stream, expected: expected)
                    let appended = try store.read(stream, from: UInt64(history.count), direction: .forwards, limit: nil)
                    // A reaction's step shows only what it added: the stream was just shown above it.
                    if showsNewOnly {
                        StreamTable.render(appended, new: UInt64(history.count), metadata: showsMetadata, out: out)
                    } else {
                        try show(stream, new: UInt64(history.count))
                    }
                    return Outcome(events: appended, isNew: true)
                } catch EventStoreError.wrongExpectedRevision {
                    guard attempt < Self.retries else { throw WorkshopError("\(stream) kept changing under us; try again") }
                    out.line(out.styled("↻ another writer appended to \(stream) first; reloaded and decided again", .warning))
                }
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
        let namespace = StreamNamespace.of(session)
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
            } catch is ExitCode {
                continue  // rejected: the domain's answer, already shown
            }
            if outcome.isNew { try react(to: outcome.events, round: round + 1, reactions: reactions, commands: commands) }
        }
    }

    /// How far the shell's clock runs ahead of the wall clock: `wait` moves it on, so a process's
    /// deadline can pass without anyone waiting ten minutes.
    var clockOffset: TimeInterval = 0

    /// `wait`: lets `seconds` pass for the learner's processes. Each reaction that keeps time is
    /// handed every event of its category it has seen and the clock's new time, and the commands
    /// it answers (a deadline passed) run like any reaction's. Returns the clock's new time.
    @discardableResult
    func wait(_ seconds: TimeInterval) throws -> Date {
        clockOffset += seconds
        let now = Date().addingTimeInterval(clockOffset)
        let lesson = try session.currentLesson()
        let reactions = session.course.reactions(upTo: lesson)
        let timed = reactions.compactMap { reaction in reaction.clock.map { (reaction, clock: $0) } }
        guard !timed.isEmpty else {
            let first = session.course.lessons.first { $0.reactions.contains { $0.clock != nil } }
            throw WorkshopError(
                "no process of your lessons so far keeps time"
                    + (first.map { "; `wait` matters from the lesson '\($0.title)' on" } ?? ""))
        }
        let namespace = StreamNamespace.of(session)
        let domain = try session.workspace.store.readAll(from: 0, limit: nil).filter { !$0.stream.isSystem }
        let commands = session.course.domainCommands(upTo: lesson)
        for (reaction, clock) in timed {
            // What the process has seen: its category's events (on a shared store, the learner's own).
            let seen = domain.filter { $0.stream.category == reaction.category && (namespace.learner == nil || namespace.owns($0.stream)) }
            let host = try self.host(lesson: reaction.lesson, purpose: reaction.name)
            let input: JSONObject = [
                "seen": .array(try seen.map(Self.received)), "now": .number(now.timeIntervalSince1970.rounded(.down)),
            ]
            let answer = try Self.returned(host.ask(driver: clock, input: .object(["input": .object(input)])).answer, by: reaction.name)
            guard case .array(let sent) = answer else {
                throw WorkshopError("\(reaction.name) returned \(answer.json), not a list of commands")
            }
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
        let host = try self.host(lesson: reaction.lesson, purpose: reaction.name)
        // The process is handed the stream's earlier events too: its state is what it has seen.
        let seen = try session.workspace.store.read(event.stream).prefix { $0.revision < event.revision }
        let input: JSONObject = ["seen": .array(try seen.map(Self.received)), "received": try Self.received(event)]
        let answer = try Self.returned(host.ask(driver: reaction.driver, input: .object(["input": .object(input)])).answer, by: "it")
        guard case .array(let messages) = answer else { throw WorkshopError("it returned \(answer.json), not a list of commands") }
        return messages
    }

    /// An event as a reaction receives it: its ids, when it was recorded (seconds since 1970), and the event.
    static func received(_ event: RecordedEvent) throws -> JSONValue {
        var received: JSONObject = ["eventId": .string(event.eventId.uuidString)]
        if let correlation = event.correlationId { received["correlationId"] = .string(correlation.uuidString) }
        received["at"] = .number(event.createdAt.timeIntervalSince1970.rounded(.down))
        received["event"] = try JSONValue.parse(event.data)
        return .object(received)
    }

    /// What the learner's code returned, or an error that says, of `who`, what went wrong instead.
    static func returned(_ answer: HostAnswer, by who: String) throws -> JSONValue {
        switch answer {
        case .returned(let value): return value
        case .threw(_, let description): throw WorkshopError("\(who) threw \(description)")
        case .timedOut(let seconds): throw WorkshopError("\(who) did not answer within \(Int(seconds)) s (an endless loop?)")
        case .crashed(let reason): throw WorkshopError("your code crashed: \(reason)")
        case .mismatch(let message): throw WorkshopError(message)
        }
    }

    /// An id the learner's code passed along; nil (no id recorded) when it is not one the store made.
    static func uuid(_ value: JSONValue?) -> UUID? {
        text(value).flatMap(UUID.init(uuidString:))
    }

    /// A text the learner's code passed along; nil when it is missing, empty or not a text.
    static func text(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value, !text.isEmpty { text } else { nil }
    }

    /// The warm host for a lesson's binding, built if the learner's code changed.
    private func host(lesson id: String, purpose: String) throws -> HostProcess {
        guard let lesson = session.course.lesson(id), let binding = lesson.bindingFile, let module = lesson.module else {
            throw WorkshopError("lesson '\(id)' has no binding to run \(purpose) with")
        }
        switch try runtime().builder.host(
            workspace: session.workspace.root, module: module, binding: binding, buildFolder: session.workspace.buildFolder)
        {
        case .compileErrors(let report):
            let reason =
                report.missing.isEmpty
                ? "it does not compile; `check` shows the errors" : "it does not define " + report.missing.joined(separator: ", ")
            throw WorkshopError("\(purpose) runs your code, but \(reason)")
        case .built(let executable, _):
            if let warm = hosts[id], warm.executable == executable { return warm.process }
            hosts[id]?.process.stop()
            let host = try LearnerRuntime.start(executable, limits: LearnerRuntime.limits(.playground), sandbox: nil)
            // Ctrl-C ends a request that loops, rather than waiting out the timeout.
            host.shouldStop = { Interrupt.take() }
            hosts[id] = (executable, host)
            return host
        }
    }

    /// The state after `events`, folded by the learner's own evolve through the view's driver.
    func fold(_ events: [RecordedEvent], view: StateView) throws -> JSONValue {
        let host = try self.host(lesson: view.lesson, purpose: "state")
        let given = try events.map { try JSONValue.parse($0.data) }
        let exchange = try host.ask(driver: view.driver, input: .object(["given": .array(given), "input": .array(given)]))
        return try Self.returned(exchange.answer, by: "your evolve")
    }

    /// Runs the learner's projection over the domain events of the all-stream (system streams are
    /// not the domain's), as a catch-up subscription: from the model saved last time, it is
    /// delivered only the events after its checkpoint, and the new model is saved with its
    /// checkpoint in one write. Returns the model, every event it covers, and how it caught up.
    func project(_ view: ReadModelView) throws -> (model: JSONValue, events: [RecordedEvent], catchUp: CatchUp) {
        let all = try session.workspace.store.readAll(from: 0, limit: nil).filter { !$0.stream.isSystem }
        let host = try self.host(lesson: view.lesson, purpose: view.name)
        let code = hosts[view.lesson]?.executable.lastPathComponent ?? ""
        let store = session.workspace.store.isShared ? (session.workspace.store.redactedURL ?? "shared") : "local"
        let saved = SavedReadModels(folder: session.workspace.readModelsFolder)
        let earlier = saved.load(view)
        var checkpoint: UInt64?
        var reason = "nothing saved yet"
        if let earlier {
            if earlier.code != code {
                reason = "your projection's code changed since it was saved"
            } else if earlier.store != store {
                reason = "another store: its positions are not these"
            } else if let field = view.checkpoint, case .number(let value)? = Self.value(at: [field], in: earlier.model), value >= 0 {
                checkpoint = UInt64(value)
            } else {
                reason = "it kept no checkpoint, so it cannot say where to go on from"
            }
        }
        let delivered = checkpoint.map { after in all.filter { $0.position > after } } ?? all
        let deliveries = try delivered.map { event -> JSONValue in
            .object([
                "position": .number(Double(event.position)), "stream": .string(event.stream.rawValue),
                event.stream.category: try JSONValue.parse(event.data),
            ])
        }
        let input: JSONValue = .object(["saved": checkpoint == nil ? .null : earlier?.model ?? .null, "deliveries": .array(deliveries)])
        let model = try Self.returned(host.ask(driver: view.driver, input: .object(["input": input])).answer, by: "your projection")
        // A failed save loses nothing but time: the next call rebuilds.
        try? saved.save(SavedReadModels.Saved(code: code, store: store, model: model), of: view)
        let catchUp: CatchUp =
            checkpoint.map { .resumed(after: $0, applied: delivered.count) } ?? .built(because: reason, applied: delivered.count)
        return (model, all, catchUp)
    }

    /// Shows the part of the learner's projection the view names, and how far the projection got.
    func show(_ view: ReadModelView, arguments: [String]) throws {
        let path: [String]
        switch view.path(for: arguments) {
        case .success(let keys): path = keys
        case .failure(let error): throw WorkshopError(error.description)
        }
        let (model, events, catchUp) = try project(view)
        let out = session.out
        out.line(
            out.styled("read model \(([view.name] + arguments).joined(separator: " "))", .bold)
                + out.styled(" · your code over the all-stream · \(events.count) event\(events.count == 1 ? "" : "s") delivered", .dim))
        if let shown = Self.value(at: path, in: model) {
            out.paragraph(DomainWords.describe(shown))
        } else {
            out.paragraph(out.styled("nothing for \(arguments.joined(separator: " ")) yet", .dim))
        }
        switch catchUp {
        case .resumed(let after, let applied):
            out.line(
                out.styled(
                    "caught up from its saved checkpoint (position \(after)): \(applied) new event\(applied == 1 ? "" : "s") applied", .dim)
            )
        case .built(let reason, let applied):
            out.line(out.styled("built from the first event (\(reason)): \(applied) event\(applied == 1 ? "" : "s") applied", .dim))
        }
        guard let field = view.checkpoint else { return }
        let last = events.last?.position
        switch Self.value(at: [field], in: model) {
        case .number(let checkpoint)? where last.map({ Double($0) == checkpoint }) ?? false:
            out.line(out.styled("checkpoint: position \(Int(checkpoint)), the last event delivered · caught up", .dim))
        case .number(let checkpoint)?:
            let behind = events.filter { Double($0.position) > checkpoint }.count
            out.line(
                out.styled(
                    "checkpoint: position \(Int(checkpoint)) · \(behind) of the events delivered come after it"
                        + (last.map { " (the last is at \($0))" } ?? ""), .warning))
        default:
            out.line(
                out.styled(
                    events.isEmpty
                        ? "checkpoint: none yet, and no events to apply"
                        : "checkpoint: none · your projection did not record how far it got", events.isEmpty ? .dim : .warning))
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

    /// Shows a stream, marking the events from revision `new` on.
    func show(_ stream: StreamName, new: UInt64?) throws {
        show(stream, events: try session.workspace.store.read(stream), new: new)
    }

    /// Shows events of a stream under its name; `count` says how many of how many, when not all are shown.
    func show(_ stream: StreamName, events: [RecordedEvent], new: UInt64?, count: String? = nil) {
        let out = session.out
        out.line(
            out.styled("stream \(stream)", .bold) + out.styled(" · category \(stream.category)" + (count.map { " · " + $0 } ?? ""), .dim))
        StreamTable.render(events, new: new, metadata: showsMetadata, out: out)
    }
}

/// A list of recorded events as a table: revision (or position), type, data, time.
enum StreamTable {
    static func render(_ events: [RecordedEvent], new: UInt64?, metadata: Bool, out: Output, positions: Bool = false) {
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
