import ArgumentParser
import Checking
import Curriculum
import EventSourcing
import Foundation
import Playground
import Shell

/// `state STREAM [at REVISION | at TIME]`: a temporal query, the learner's evolve folded up to a point.
struct StateCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "state", abstract: "Show a stream's state, folded by your evolve: state STREAM [at REVISION | at HH:MM[:SS]].")
    static let completions: [ArgumentCompletion] = [.stream, .words(["at"])]
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The stream's name (`streams` lists them).", valueName: "stream")) var stream: String
    @Argument(help: ArgumentHelp("at REVISION, or at HH:MM[:SS] (today)", valueName: "when")) var when: [String] = []
    @Flag(help: "Print JSON.") var json = false

    func run(in session: Session) throws {
        let (name, found) = try session.namespace.lookedUp(stream, in: session.workspace.store)
        let view = try StateSupport.view(for: name, in: session)
        var events = try StateSupport.events(found, of: name)
        if !when.isEmpty {
            guard when.count == 2, when[0].lowercased() == "at" else {
                throw WorkshopError("usage: state STREAM [at REVISION | at HH:MM[:SS]]")
            }
            if let revision = UInt64(when[1]) {
                guard revision < UInt64(events.count) else {
                    throw WorkshopError("\(stream) has revisions 0 to \(events.count - 1); there is no \(revision)")
                }
                events = Array(events.prefix(throughRevision: revision))
            } else if let time = StateSupport.time(today: when[1]) {
                events = Array(events.prefix(recordedBy: time))
            } else {
                throw WorkshopError(
                    "'\(when[1])' is neither a revision nor a time such as 11:05; usage: state STREAM [at REVISION | at HH:MM[:SS]]")
            }
        }
        let state = try session.playground.fold(events, view: view)
        if json { return session.out.line(state.json) }
        StateSupport.render(state, after: events.last, view: view, in: session)
    }
}

/// `replay STREAM`: step through the fold one event at a time.
struct ReplayCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Step through a stream's fold one event at a time (Enter or Space: next, a number: jump, q: stop).")
    static let completions: [ArgumentCompletion] = [.stream]
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The stream's name (`streams` lists them).", valueName: "stream")) var stream: String
    @Flag(help: "Print every step's state as JSON.") var json = false

    func run(in session: Session) throws {
        let (name, found) = try session.namespace.lookedUp(stream, in: session.workspace.store)
        let view = try StateSupport.view(for: name, in: session)
        let events = try StateSupport.events(found, of: name)
        let out = session.out
        func show(_ count: Int) throws {
            let state = try session.playground.fold(Array(events.prefix(count)), view: view)
            out.line(out.styled(count == 0 ? "initial state" : "after revision \(count - 1): \(events[count - 1].type)", .accent))
            StateSupport.render(state, after: nil, view: view, in: session)
        }
        if json {
            let states = try (0...events.count).map { try session.playground.fold(Array(events.prefix($0)), view: view) }
            return out.line(JSONValue.array(states).json)
        }
        // A script on a pipe gets every step: its next lines are commands, never replay keys.
        guard session.terminal.isInteractive else { return try (0...events.count).forEach(show) }
        var stepper = ReplayStepper(events: events.count)
        try show(stepper.shown)
        while stepper.shown < events.count {
            StandardStream.write("\r\u{1B}[K" + out.styled(stepper.prompt, .dim), to: STDOUT_FILENO)
            let step = stepper.press(KeyReader.read())
            StandardStream.write("\r\u{1B}[K", to: STDOUT_FILENO)
            switch step {
            case .show(let count): try show(count)
            case .wait: continue
            case .stop(let typed):
                // A key that starts the next command is not lost: the next prompt begins with it.
                if let typed { LineEditor.typeAhead(String(typed)) }
                return
            }
        }
    }
}

/// What replay's keys do, apart from the terminal: Enter, Space or → steps on, ← steps back, a
/// number jumps to a revision, q, Esc, Ctrl-C or Ctrl-D stop, and any other key stops and is
/// kept for the next command.
struct ReplayStepper {
    enum Step: Equatable {
        /// Show the state after this many events.
        case show(Int)
        /// Nothing to show yet (a number is being typed).
        case wait
        case stop(typed: Character?)
    }

    /// How many events the stream has.
    let events: Int
    /// How many events the state on screen has folded.
    private(set) var shown = 0
    /// The digits of a revision being typed.
    private(set) var digits = ""

    init(events: Int) { self.events = events }

    var prompt: String {
        if !digits.isEmpty { return "jump to revision \(digits)_ (Enter jumps, Esc cancels)" }
        return "Enter/Space: next · ←: back · 0-\(events - 1): jump · q: stop"
    }

    mutating func press(_ key: KeyPress) -> Step {
        switch key {
        case .enter where !digits.isEmpty: return jump()
        case .enter, .space, .arrow(.right), .arrow(.down):
            shown = min(events, shown + 1)
            return .show(shown)
        case .arrow(.left), .arrow(.up):
            guard shown > 0 else { return .wait }
            shown -= 1
            return .show(shown)
        case .backspace:
            digits = String(digits.dropLast())
            return .wait
        case .escape where !digits.isEmpty:
            digits = ""
            return .wait
        case .character(let digit) where digit.isASCII && digit.isNumber:
            digits.append(digit)
            // Jump at once when no longer revision starts with these digits.
            return (Int(digits) ?? 0) * 10 > events - 1 ? jump() : .wait
        case .character("q"), .character("Q"), .escape, .interrupt, .endOfInput: return .stop(typed: nil)
        case .character(let other): return .stop(typed: other)
        case .arrow: return .wait
        }
    }

    private mutating func jump() -> Step {
        defer { digits = "" }
        guard let revision = Int(digits), revision < events else { return .wait }
        shown = revision + 1
        return .show(shown)
    }
}

enum StateSupport {
    static func view(for stream: StreamName, in session: Session) throws -> StateView {
        let current = try session.currentLesson()
        if let view = session.course.stateView(for: stream.category, upTo: current) { return view }
        // Said from the pack itself: which lesson brings this category's state, if any does.
        guard let later = session.course.firstLesson(foldingStatesOf: stream.category) else {
            throw WorkshopError(
                "no lesson of this course folds \(stream.category) streams into a state; `show \(stream)` lists its events")
        }
        throw WorkshopError(
            "\(stream.category) streams get a state with lesson \(later.number) · \(later.title)"
                + (current.map { ", and you are on lesson \($0.number)" } ?? "") + "; `show \(stream)` lists its events now")
    }

    static func events(_ found: [RecordedEvent]?, of stream: StreamName) throws -> [RecordedEvent] {
        guard let found else { throw WorkshopError("there is no stream '\(stream)' (`streams` lists them)") }
        return found
    }

    /// `11:05` or `11:05:30` today, in the local time zone.
    static func time(today text: String) -> Date? {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard (2...3).contains(parts.count), text.split(separator: ":").count == parts.count else { return nil }
        var components = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        components.hour = parts[0]
        components.minute = parts[1]
        components.second = parts.count == 3 ? parts[2] : 59
        return Calendar.current.date(from: components)
    }

    static func render(_ state: JSONValue, after last: RecordedEvent?, view: StateView, in session: Session) {
        let out = session.out
        if let last { out.line(out.styled("after revision \(last.revision) (\(last.type))", .dim)) }
        if let drawing = view.picture?.draw(state) {
            GridText.lines(drawing, styler: out.styler).forEach(out.line)
        } else {
            // A state reads as its fields, even with one field (DomainWords would take it for an event).
            if case .object(let fields) = state {
                out.paragraph(DomainWords.record(fields))
            } else {
                out.paragraph(DomainWords.describe(state))
            }
        }
    }
}
