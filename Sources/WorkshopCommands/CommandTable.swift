import ArgumentParser
import Checking
import Curriculum
import Foundation
import Playground
import Shell
import UserFacing

/// Runs shell lines through the same command types as the command line, and answers Tab.
final class CommandTable: CommandInterpreter {
    static let shellOnly = [
        ("help", "Show the commands, or one command's usage: help [COMMAND]."), ("clear", "Clear the screen."),
        ("quit", "Leave the shell (also: exit, Ctrl-D)."),
    ]

    let session: Session
    /// The instructor's `catch-up` suggestion the shell asked about; the next line answers it.
    private var suggested: Lesson?
    let completion: CompletionSource

    init(session: Session) {
        self.session = session
        completion = TableCompletion(
            course: session.course,
            streams: { [weak session] in ((try? session?.workspace.store.streams()) ?? []).map(\.name.rawValue) },
            domain: { [weak session] in (try? session.map { try $0.course.domainCommands(upTo: $0.currentLesson()) }) ?? [] })
    }

    static var names: [String] { Workshop.commands.map { $0.name } + shellOnly.map(\.0) + ["exit"] }

    func banner() -> [String] {
        var lines = [session.out.styled(session.course.title, .bold) + " · \(session.course.lessons.count) lessons"]
        if let lesson = try? session.currentLesson() {
            let done = (try? session.workspace.progress().completedCount) ?? 0
            lines.append("\(session.title(of: lesson))  (\(done) of \(session.course.lessons.count) done)")
        } else {
            lines.append("New here? `start 1` begins the first lesson.")
        }
        lines.append(session.out.styled("`help` lists commands · Tab completes · Up recalls · Ctrl-D leaves", .dim))
        return lines
    }

    /// In a room, the prompt says whether the link is up: `workshop [room]>`, `workshop [room offline]>`.
    func promptTag() -> String? {
        switch session.forwarder?.link {
        case nil: nil
        case .connected?: "room"
        case .connecting?: "room connecting"
        case .offline?: "room offline"
        case .refused?: "room refused"
        }
    }

    /// A suggestion has been asked and not yet answered.
    var isAsking: Bool { suggested != nil }

    /// The instructor's announcements, said between commands; a suggestion is asked as a question.
    func beforePrompt() {
        let out = session.out
        for line in session.forwarder?.takeAnnouncements() ?? [] {
            out.paragraph(out.styled("announcement: ", .accent, .bold) + line, hanging: "              ")
        }
        if let id = session.forwarder?.takeSuggestion(), let lesson = session.course.lesson(id) {
            suggested = lesson
            out.paragraph(
                out.styled("the instructor suggests ", .accent, .bold) + "`catch-up \(lesson.number)` (\(lesson.title)): the reference "
                    + "code of each lesson before it you have not passed goes in, yours is set aside. Do it? [y/N] "
                    + out.styled("(Enter or n declines; any other line leaves it for later)", .dim), hanging: "  ")
        }
    }

    /// The answer to the instructor's suggestion: `y` does it, `n` declines, anything else runs as
    /// typed and leaves it. Nothing happens without the learner's yes.
    private func answerSuggestion(_ words: [String]) -> CommandOutcome? {
        guard let lesson = suggested else { return nil }
        suggested = nil
        switch words.map({ $0.lowercased() }) {
        case ["y"], ["yes"]: return execute(["catch-up", lesson.id])
        case ["n"], ["no"], []:
            session.out.line(session.out.styled("not now: `catch-up \(lesson.number)` does it when you want", .dim))
            return .success
        default:
            session.out.line(session.out.styled("left for later: `catch-up \(lesson.number)` does it when you want", .dim))
            return nil
        }
    }

    func execute(_ words: [String]) -> CommandOutcome {
        // Whatever the command recorded goes to the room at once, in the background.
        defer { session.forwarder?.nudge() }
        if let answered = answerSuggestion(words) { return answered }
        guard let name = words.first?.lowercased() else { return .success }
        switch name {
        case "quit", "exit": return .quit
        case "help", "?": return help(words.dropFirst().first)
        case "clear":
            if session.terminal.isInteractive { session.out.write("\u{1B}[H\u{1B}[2J\u{1B}[3J") }
            return .success
        default: break
        }
        // The tool's own commands come first; any other name may be the lesson's, and a failure to
        // look it up is reported as itself, never passed on to the parser as stray arguments.
        if !Workshop.commands.contains(where: { $0.name == name }) {
            do {
                if let domain = try session.playground.command(named: name) {
                    try session.playground.run(domain, arguments: Array(words.dropFirst()))
                    return .success
                }
            } catch is CommandRejected {
                return .failure
            } catch is CheckInterrupted {
                session.out.line(session.out.styled("stopped (Ctrl-C) · nothing was appended", .warning))
                return .failure
            } catch {
                session.error("\(error)")
                return .failure
            }
        }
        guard let type = Workshop.commands.first(where: { $0.name == name }) else {
            let domainNames = ShellHelp(session: session).domainNames
            let suggestion = Suggestion.closest(to: name, among: Self.names + domainNames).map { "; did you mean '\($0)'?" } ?? ""
            session.error("unknown command '\(words[0])'\(suggestion) (`help` lists the commands)")
            return .failure
        }
        do {
            let parsed = try Workshop.parseAsRoot([name] + words.dropFirst())
            // `--help` parses as the library's own help command: show the command's usage.
            guard let command = parsed as? any WorkshopCommand else {
                _ = ShellHelp(session: session).show(name)
                return .success
            }
            guard command.global.isEmpty else {
                session.error("--workspace, --pack and --store apply when the shell starts; this shell uses \(session.workspace.root.path)")
                return .failure
            }
            try session.run(command)
            return .success
        } catch let error as CleanExit {
            let message = Workshop.fullMessage(for: error)
            if message.isEmpty { _ = ShellHelp(session: session).show(name) } else { session.out.line(message) }
            return .success
        } catch let code as ExitCode {
            // The command has said what went wrong (a failed check, say); only the status is left.
            return code == .success ? .success : .failure
        } catch let error as any UserFacingError {
            session.error(error.description)
            return .failure
        } catch {
            let message = Workshop.fullMessage(for: error)
            session.error(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)
            return .failure
        }
    }

    private func help(_ topic: String?) -> CommandOutcome {
        let help = ShellHelp(session: session)
        guard let topic else {
            try? session.paged { help.list() }
            return .success
        }
        if help.show(topic) { return .success }
        let suggestion = Suggestion.closest(to: topic, among: Self.names + help.domainNames).map { "; did you mean '\($0)'?" } ?? ""
        session.error("no command '\(topic)'\(suggestion)")
        return .failure
    }
}

extension ParsableCommand {
    static var name: String { configuration.commandName ?? String(describing: Self.self).lowercased() }
}

/// Tab completion from the command table: command names first, then each argument's known values.
struct TableCompletion: CompletionSource {
    let lessonWords: [String]
    let streams: @Sendable () -> [String]
    let domain: @Sendable () -> [DomainCommand]

    init(course: Course, streams: @escaping @Sendable () -> [String], domain: @escaping @Sendable () -> [DomainCommand]) {
        lessonWords = course.lessons.flatMap { [String($0.number), $0.id] }
        self.streams = streams
        self.domain = domain
    }

    func candidates(forWordAt index: Int, after words: [String]) -> [String] {
        if index == 0 { return CommandTable.names + domain().map(\.name) }
        let name = words[0].lowercased()
        if name == "help" { return index == 1 ? CommandTable.names : [] }
        if let command = domain().last(where: { $0.name == name }) {
            guard index - 1 < command.arguments.count else { return [] }
            return command.values[command.arguments[index - 1]] ?? []
        }
        guard let command = Workshop.commands.first(where: { $0.name == name }) else { return [] }
        let positional = words.dropFirst().filter { !$0.hasPrefix("-") }.count
        guard positional < command.completions.count else { return [] }
        switch command.completions[positional] {
        case .lesson: return lessonWords
        case .command: return CommandTable.names
        case .words(let words): return words
        case .stream: return streams()
        }
    }
}
