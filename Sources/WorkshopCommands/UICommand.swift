import ArgumentParser
import Dispatch
import EventSourcing
import Foundation
import Playground
import StoreWindow

/// `ui [--host H] [--port N]`: a web window on the workspace's store. From the command line it
/// serves until stopped; in the shell it serves in the background while the shell runs.
struct UICommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui", abstract: "Open a web window on your store (streams, events live, states): ui [--host H] [--port N].")
    /// The port the event store's own web UI used, which the tutorials this course grows from name.
    static let defaultPort: UInt16 = 2113

    @OptionGroup var global: GlobalOptions
    @Option(help: "The address to listen on; anything but loopback lets others on your network read your store.")
    var host = "127.0.0.1"
    @Option(help: ArgumentHelp("The port (0 picks a free one).", valueName: "n")) var port: UInt16 = defaultPort

    /// From the command line: serve until the process is stopped (Ctrl-C).
    mutating func run() throws {
        let session = try Session.open(global)
        let window = try Self.open(session, host: host, port: port)
        session.out.line("the window on your store: \(window.address) · Ctrl-C stops")
        // The server runs on Swift's own threads; this one only keeps the process alive.
        while true { sleep(3600) }
    }

    /// In the shell: start once, in the background; asked again, say where it is.
    func run(in session: Session) throws {
        if let window = session.window {
            return session.out.line("the window is open at \(window.address)")
        }
        let window = try Self.open(session, host: host, port: port)
        session.window = window
        session.out.line("the window on your store: \(window.address) · it stays open while the shell runs")
    }

    static func open(_ session: Session, host: String, port: UInt16) throws -> WindowServer {
        let code = WindowPlayground(session: session)
        let api = StoreAPI(
            store: session.workspace.store, progressStore: session.workspace.progressStore, states: LearnerStates(code),
            progress: LearnerProgressProjection(session: session), readModels: LearnerReadModels(code))
        switch BlockingStart.wait(for: { () async throws(WindowServerError) in
            try await WindowServer.start(api: api, host: host, port: port)
        }) {
        case .success(let window): return window
        case .failure(let error): throw WorkshopError(error.description)
        }
    }
}
