import CEditLine
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What one read from the keyboard gave.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the line was abandoned.
    case interrupted
    /// Ctrl-D on an empty line, or the input closed.
    case endOfInput
}

/// Reads lines one at a time: from a person through libedit, or from a script on a pipe.
public protocol LineReader: AnyObject {
    func read(prompt: String) -> LineInput
    func remember(_ line: String)
    func close()
}

/// Ctrl-C while the shell is waiting or working: noted here, acted on by whoever is running.
public enum Interrupt {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0

    /// Routes SIGINT to the flag instead of ending the process. Without SA_RESTART, so a blocked
    /// read returns and the editor can abandon the line.
    public static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Interrupt.flag = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked; Ctrl-C must still reach the shell.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }

    /// Whether Ctrl-C came, leaving the flag as it is.
    public static var isPending: Bool { flag != 0 }

    /// Whether Ctrl-C came since the last call; clears it.
    public static func take() -> Bool {
        defer { flag = 0 }
        return flag != 0
    }
}

/// The line editor of the interactive shell, on libedit's readline-compatible API: editing keys,
/// `~/.editrc`, history (Up/Down, Ctrl-R) kept in a file, and Tab completion.
public final class LineEditor: LineReader {
    // libedit calls back through C function pointers, which cannot capture: the one editor's
    // completion source lives here. The shell is single-threaded while it edits a line.
    nonisolated(unsafe) static var completionSource: CompletionSource?

    private let historyFile: URL?
    private let historyLimit: Int32

    /// - Parameters:
    ///   - historyFile: where history is kept across runs; nil keeps none.
    ///   - historyLimit: the most lines kept.
    public init(historyFile: URL?, historyLimit: Int = 1_000, completion: CompletionSource) {
        self.historyFile = historyFile
        self.historyLimit = Int32(historyLimit)
        Self.completionSource = completion
        // libedit reads and shows characters beyond ASCII (zoë) by the locale's character type.
        setlocale(LC_CTYPE, "")
        // Names this program in ~/.editrc, so lines there prefixed `workshop:` apply only to it.
        workshop_editline_configure(strdup("workshop")) { text, _, _ in LineEditor.completeCurrentWord(text) }
        workshop_editline_set_interrupted { Interrupt.isPending ? 1 : 0 }
        rl_initialize()
        stifle_history(self.historyLimit)
        if let historyFile { _ = read_history(historyFile.path) }
        Interrupt.install()
    }

    public func read(prompt: String) -> LineInput {
        _ = Interrupt.take()
        guard let raw = readline(Self.markingEscapes(prompt)) else {
            if Interrupt.take() {
                // libedit left the cursor on the abandoned line.
                StandardStream.write("^C\n", to: STDOUT_FILENO)
                return .interrupted
            }
            StandardStream.write("\n", to: STDOUT_FILENO)
            return .endOfInput
        }
        defer { free(raw) }
        if Interrupt.take() { return .interrupted }
        return .line(String(cString: raw))
    }

    /// Starts the next line being edited with `text`, as if typed: a key pressed at a prompt
    /// outside the editor (replay's) that belongs to the next command is not lost.
    public static func typeAhead(_ text: String) {
        workshop_editline_type_ahead(text)
    }

    /// Wraps each escape sequence of a coloured prompt in libedit's ignore markers (\1 … \2),
    /// so it colours the prompt instead of being printed and counted as columns.
    static func markingEscapes(_ prompt: String) -> String {
        var result = ""
        var inEscape = false
        for scalar in prompt.unicodeScalars {
            if scalar == "\u{1B}" {
                inEscape = true
                result += "\u{1}"
            }
            result.unicodeScalars.append(scalar)
            if inEscape, scalar != "\u{1B}", scalar != "[", (0x40...0x7E).contains(scalar.value) {
                inEscape = false
                result += "\u{2}"
            }
        }
        return result
    }

    public func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        // The same command run again is one history entry, so Up reaches the one before it.
        if let last = workshop_editline_last_history(), String(cString: last) == line { return }
        add_history(line)
        // Written after every line, so a crash or a closed terminal loses nothing.
        if let historyFile { _ = write_history(historyFile.path) }
    }

    public func close() {
        if let historyFile { _ = write_history(historyFile.path) }
    }

    /// The matches libedit shows for the word at the cursor, as the malloc'd, NULL-terminated array it
    /// expects: the text to insert first (the matches' common prefix), then each match.
    private static func completeCurrentWord(_ text: UnsafePointer<CChar>?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        workshop_editline_completion_over()
        guard let source = completionSource, let buffer = workshop_editline_buffer() else { return nil }
        let line = String(cString: buffer)
        let point = Int(workshop_editline_point())
        let cursor = line.utf8.index(line.utf8.startIndex, offsetBy: max(0, min(point, line.utf8.count)))
        let matches = Completion.complete(String(line[..<cursor]), source: source)
        guard !matches.isEmpty else { return nil }
        let first = matches.count == 1 ? matches[0] : Completion.commonPrefix(matches)
        let entries = [first] + (matches.count == 1 ? [] : matches)
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: entries.count + 1)
        for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
        array[entries.count] = nil
        return array
    }
}

/// Reads a script from a pipe or file, one command a line.
public final class ScriptReader: LineReader {
    public init() {}

    public func read(prompt: String) -> LineInput {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }

    public func remember(_ line: String) {}
    public func close() {}
}
