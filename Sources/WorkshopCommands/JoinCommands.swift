import ArgumentParser
import Foundation
import Room
import Workspace

/// `join URL CODE [--name NAME]`: enter the instructor's room; from then on the shell forwards
/// your progress events to it. `join` alone says where you are and whether the link is up.
struct JoinCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "join", abstract: "Join your instructor's room: join URL CODE [--name NAME] (alone: where you are).",
        discussion: """
            The room sees your progress events (lessons started, checks with their first failing scenario, hints, \
            help-me), never your code. Your own progress stream stays the source of truth: the shell forwards it \
            in the background, from a checkpoint, so nothing is lost or doubled when the link drops.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The room's address, as the instructor's screen shows it.", valueName: "url")) var url: String?
    @Argument(help: ArgumentHelp("The join code, such as K7Q-4MX.", valueName: "code")) var code: String?
    @Option(help: ArgumentHelp("The name the instructor sees (default: your user name).", valueName: "name")) var name: String?

    func run(in session: Session) throws {
        guard let url else { return status(session) }
        guard let code else { throw WorkshopError("join needs the room's code too: join \(url) CODE (the instructor's screen shows it)") }
        guard RoomClient.isValid(url) else {
            throw WorkshopError("'\(url)' is not a room's address; it looks like http://192.168.1.20:2113")
        }
        let chosen = name ?? ProcessInfo.processInfo.environment["USER"] ?? "learner"
        let displayName: String
        do { displayName = try RoomValidation.name(chosen) } catch { throw WorkshopError("the name '\(chosen)': \(error)") }
        // One id per workspace, kept across rooms and joins, so joining again is the same learner.
        let learner = RoomMembership.load(from: session.workspace)?.learner ?? UUID()
        do {
            try RoomClient(url: url, timeout: 15).join(code: code, learner: learner, name: displayName)
        } catch .refused(let status, let message) {
            throw WorkshopError(
                status == 403 ? "the room at \(url) refused the code '\(code)': \(message)" : "the room refused: \(message)")
        } catch {
            throw WorkshopError("\(error.description); check the address, and that you are on the room's network")
        }
        // From the first event: sending again what the room has is harmless (it keeps each id once),
        // and a room made afresh gets the whole history.
        let membership = RoomMembership(url: url, code: code, learner: learner, name: displayName, checkpoint: 0)
        try membership.save(in: session.workspace)
        session.forwarder?.stop(within: 0)
        let forwarder = RoomForwarder(workspace: session.workspace, membership: membership)
        let out = session.out
        if session.isShell {
            forwarder.asksSince = session.started
            session.forwarder = forwarder
            forwarder.start()
            out.line("joined the room at \(url) as \(displayName) · your progress goes to the room in the background")
        } else {
            let sent = (try? forwarder.pass(force: false)).map { "\($0) events forwarded" } ?? "the rest follows from the shell"
            out.line("joined the room at \(url) as \(displayName) · \(sent)")
        }
    }

    private func status(_ session: Session) {
        guard let room = RoomMembership.load(from: session.workspace) else {
            return session.out.line("not in a room; `join URL CODE` with the line on your instructor's screen")
        }
        let link: String
        switch session.forwarder?.link {
        case .connected?: link = "connected"
        case .offline(let reason)?: link = "offline (\(reason)); it reconnects by itself"
        case .refused(let reason)?: link = "refused: \(reason); `join URL CODE` again"
        case .connecting?: link = "connecting"
        case nil: link = "forwarded while a shell runs"
        }
        let waiting = session.forwarder?.waiting ?? RoomForwarder(workspace: session.workspace, membership: room).waiting
        session.out.line(
            "in the room at \(room.url) as \(room.name) · \(link) · \(waiting) \(waiting == 1 ? "event" : "events") waiting to be sent")
    }
}

/// `help-me [a line]` / `help-me cancel`: a place in the room's help queue, with your lesson and last failure.
struct HelpMeCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "help-me", abstract: "Ask the room's instructor for help: help-me [a line] (help-me cancel withdraws it).")
    @OptionGroup var global: GlobalOptions
    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("What you are stuck on, in a line (optional).", valueName: "line"))
    var words: [String] = []

    func run(in session: Session) throws {
        guard RoomMembership.load(from: session.workspace) != nil else {
            throw WorkshopError("you are not in a room; `join URL CODE` with the line on your instructor's screen")
        }
        let lesson = (try session.currentLesson())?.id ?? "none"
        if words == ["cancel"] {
            try session.workspace.record(.helpCancelled(lesson: lesson))
            session.out.line("your request for help is withdrawn")
        } else {
            let line = String(words.joined(separator: " ").prefix(RoomValidation.maxLineLength))
            try session.workspace.record(.helpAsked(lesson: lesson, line: line))
            session.out.line(
                "you are in the help queue; the instructor sees your lesson and your last failure · `help-me cancel` withdraws")
        }
        session.sendToRoom()
    }
}

extension Session {
    /// Sends new progress now: in the shell the forwarder is nudged (it never blocks); from the
    /// command line one short attempt is made, and what it misses follows from the next shell.
    func sendToRoom() {
        if let forwarder { return forwarder.nudge() }
        guard let room = RoomMembership.load(from: workspace) else { return }
        _ = try? RoomForwarder(workspace: workspace, membership: room).pass(force: false, timeout: 2)
    }

    /// A shell in a room forwards in the background from the start.
    func startForwarding() {
        guard forwarder == nil, let room = RoomMembership.load(from: workspace) else { return }
        let forwarder = RoomForwarder(workspace: workspace, membership: room)
        forwarder.asksSince = started
        self.forwarder = forwarder
        forwarder.start()
    }
}
