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
        let interpreter = CommandTable(session: session)
        let reader: LineReader =
            session.terminal.isInteractive
            ? LineEditor(historyFile: session.workspace.historyFile, completion: interpreter.completion)
            : ScriptReader()
        let status = REPL(
            reader: reader, interpreter: interpreter, output: session.out, isInteractive: session.terminal.isInteractive
        ).run()
        if status != 0 { throw ExitCode(status) }
    }
}
