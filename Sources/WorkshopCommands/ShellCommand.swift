import ArgumentParser
import Foundation
import Shell

/// `workshop` / `workshop shell`: the interactive shell, or a script read from standard input.
struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell", abstract: "Open the interactive shell (the default).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = try Session.open(global)
        session.isShell = true
        session.startForwarding()
        // What is recorded last still reaches the room when it answers within two seconds.
        defer { session.forwarder?.stop(within: 2) }
        let interpreter = CommandTable(session: session)
        // A shared store that is down is said at once; the shell opens all the same.
        if session.workspace.store.isShared {
            do { _ = try session.workspace.store.target() } catch { session.out.paragraph(session.out.styled("⚠ \(error)", .warning)) }
        }
        let interactive = session.terminal.isInteractive
        let job = interactive ? ForegroundJob() : nil
        defer { job?.restore() }
        let reader: LineReader =
            interactive
            ? LineEditor(historyFile: session.workspace.historyFile, completion: interpreter.completion)
            : ScriptReader()
        let status = REPL(reader: reader, interpreter: interpreter, output: session.out, isInteractive: interactive).run()
        if status != 0 { throw ExitCode(status) }
    }
}
