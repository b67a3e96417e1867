import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the output is attached to: a terminal (colour, width) or a pipe or file (plain text).
public struct Terminal: Sendable {
    /// Standard input is a terminal: the shell edits lines; otherwise it reads a script.
    public var isInteractive: Bool
    /// Whether to colour text: only on a terminal that can, and never with `NO_COLOR` set.
    public var usesColour: Bool
    /// Columns to wrap text to.
    public var width: Int
    /// The colour theme (`WORKSHOP_THEME=high-contrast` for a projector).
    public var theme: Theme

    public init(isInteractive: Bool, usesColour: Bool, width: Int, theme: Theme = .standard) {
        self.isInteractive = isInteractive
        self.usesColour = usesColour
        self.width = width
        self.theme = theme
    }

    /// Reads the process's own situation: which streams are terminals, `NO_COLOR`, `TERM`, the window size.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Terminal {
        let outputIsTerminal = isatty(STDOUT_FILENO) == 1
        return Terminal(
            isInteractive: isatty(STDIN_FILENO) == 1,
            usesColour: usesColour(outputIsTerminal: outputIsTerminal, environment: environment),
            width: currentWidth(environment: environment, outputIsTerminal: outputIsTerminal),
            theme: Theme.from(environment: environment))
    }

    /// Colour only on a terminal whose `TERM` names one that can show it, and never when `NO_COLOR`
    /// is set to anything but the empty string (no-color.org).
    public static func usesColour(outputIsTerminal: Bool, environment: [String: String]) -> Bool {
        let term = environment["TERM"] ?? ""
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return outputIsTerminal && !noColour && term != "dumb" && !term.isEmpty
    }

    /// The width of the window `descriptor` shows, never narrower than 20; nil if it is no terminal.
    public static func windowWidth(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return max(20, Int(size.ws_col))
    }

    /// The window's height in rows, or nil if `descriptor` is no terminal.
    public static func windowHeight(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return nil }
        return Int(size.ws_row)
    }

    /// The window's width on a terminal, else `COLUMNS`, else 80; never narrower than 20.
    public static func currentWidth(
        environment: [String: String] = ProcessInfo.processInfo.environment, outputIsTerminal: Bool = true
    ) -> Int {
        if outputIsTerminal, let columns = windowWidth(of: STDOUT_FILENO) { return columns }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return max(20, columns) }
        return 80
    }
}

/// Makes the shell the terminal's foreground job while it runs, so Ctrl-C reaches only the shell.
///
/// Launched by `make run`, the shell shares make's process group, and the terminal would send
/// SIGINT to make too: make would wait, then report "Interrupt" and fail once the learner quits.
/// In a group of its own, holding the terminal, the shell alone hears Ctrl-C; it hands the terminal
/// back when it leaves.
public final class ForegroundJob {
    private let previousGroup: pid_t?

    public init() {
        let terminalGroup = tcgetpgrp(STDIN_FILENO)
        guard terminalGroup >= 0, getpgrp() == terminalGroup, getpid() != terminalGroup else {
            previousGroup = nil
            return
        }
        // tcsetpgrp from what becomes a background group raises SIGTTOU; ignore it for the switch.
        let previousHandler = signal(SIGTTOU, SIG_IGN)
        defer { signal(SIGTTOU, previousHandler) }
        guard setpgid(0, 0) == 0, tcsetpgrp(STDIN_FILENO, getpgrp()) == 0 else {
            previousGroup = nil
            return
        }
        previousGroup = terminalGroup
    }

    /// Gives the terminal back to the job that had it.
    public func restore() {
        guard let previousGroup else { return }
        let previousHandler = signal(SIGTTOU, SIG_IGN)
        tcsetpgrp(STDIN_FILENO, previousGroup)
        signal(SIGTTOU, previousHandler)
    }
}
