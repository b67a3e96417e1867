import Foundation

/// What the shell does after a command.
public enum CommandOutcome: Sendable, Equatable {
    case success
    case failure
    case quit
}

/// Runs the commands the shell reads; the command table lives on the other side of this seam.
public protocol CommandInterpreter: AnyObject {
    func execute(_ words: [String]) -> CommandOutcome
    /// Printed as the shell opens.
    func banner() -> [String]
    var completion: CompletionSource { get }
    /// A word shown in the prompt of an interactive shell, such as whether the room is connected.
    func promptTag() -> String?
    /// Runs before each prompt: what arrived in the background meanwhile is said here, between
    /// commands, never over the line being typed.
    func beforePrompt()
    /// Whether a question is open (asked in `beforePrompt`): then an empty line is its answer,
    /// the default, rather than nothing.
    var isAsking: Bool { get }
}

extension CommandInterpreter {
    public func promptTag() -> String? { nil }
    public func beforePrompt() {}
    public var isAsking: Bool { false }
}

/// The read-eval-print loop, the same for a person at a terminal and a script on a pipe.
///
/// In script mode each command is printed after the prompt before its output, like a transcript,
/// and any failed command makes the exit status 1.
public final class REPL {
    public static let prompt = "workshop> "

    private let reader: LineReader
    private let interpreter: CommandInterpreter
    private let output: Output
    private let isInteractive: Bool

    public init(reader: LineReader, interpreter: CommandInterpreter, output: Output, isInteractive: Bool) {
        self.reader = reader
        self.interpreter = interpreter
        self.output = output
        self.isInteractive = isInteractive
    }

    /// Runs until `quit`, Ctrl-D or the end of the script; returns the exit status.
    public func run() -> Int32 {
        var failed = false
        // A script's transcript starts with its first command, so transcripts compare cleanly.
        if isInteractive { for line in interpreter.banner() { output.paragraph(line) } }
        defer { reader.close() }
        while true {
            interpreter.beforePrompt()
            // A script's transcript keeps the plain prompt, so transcripts compare cleanly.
            let tagged = interpreter.promptTag().map { "workshop [\($0)]> " } ?? Self.prompt
            let prompt = isInteractive ? output.styled(tagged, .accent) : Self.prompt
            switch reader.read(prompt: prompt) {
            case .endOfInput:
                return failed ? 1 : 0
            case .interrupted:
                continue
            case .line(let line):
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if !isInteractive { output.line(Self.prompt + line) }
                if trimmed.isEmpty, interpreter.isAsking {
                    _ = interpreter.execute([])
                    continue
                }
                guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
                reader.remember(line)
                let words: [String]
                do {
                    words = try ShellWords.split(trimmed)
                } catch {
                    output.line(output.styled("error: ", .failure, .bold) + error.description)
                    failed = true
                    continue
                }
                switch interpreter.execute(words) {
                case .success: break
                // Only a script's status reports failures; a person leaving the shell exits with 0.
                case .failure: failed = !isInteractive
                case .quit: return failed ? 1 : 0
                }
            }
        }
    }
}
