import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where commands write: standard output on a terminal or pipe, or a buffer in tests.
/// It knows the width to wrap to and whether to colour.
public final class Output: @unchecked Sendable {
    public let styler: Styler
    public let width: Int
    private let sink: (String) -> Void
    private let lock = NSLock()

    public init(styler: Styler, width: Int, sink: @escaping (String) -> Void) {
        self.styler = styler
        self.width = width
        self.sink = sink
    }

    /// Standard output, following the terminal's colour and width.
    public static func standard(terminal: Terminal) -> Output {
        Output(styler: Styler(enabled: terminal.usesColour), width: terminal.width) { text in
            StandardStream.write(text, to: STDOUT_FILENO)
        }
    }

    /// Standard error, for messages about failures.
    public static func standardError(terminal: Terminal) -> Output {
        Output(styler: Styler(enabled: terminal.usesColour), width: terminal.width) { text in
            StandardStream.write(text, to: STDERR_FILENO)
        }
    }

    /// Collects everything written, plain (no colour), at a fixed width.
    public static func buffer(width: Int = 80) -> (Output, () -> String) {
        let box = TextBox()
        let output = Output(styler: Styler(enabled: false), width: width) { box.append($0) }
        return (output, { box.text })
    }

    /// Writes a line as it is.
    public func line(_ text: String = "") {
        lock.withLock { sink(text + "\n") }
    }

    /// Writes a paragraph wrapped to the width.
    public func paragraph(_ text: String, indent: String = "", hanging: String? = nil) {
        for line in TextWrapper.wrap(text, width: width, firstPrefix: indent, restPrefix: hanging ?? indent) { self.line(line) }
    }

    public func styled(_ text: String, _ styles: Style...) -> String { styler.apply(text, styles) }
}

private final class TextBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage = ""
    func append(_ text: String) { lock.withLock { storage += text } }
    var text: String { lock.withLock { storage } }
}

/// Writes to a standard stream, retrying when Ctrl-C interrupts the write (the shell's SIGINT
/// handler does not restart system calls, and Foundation's writers stop the program on EINTR).
public enum StandardStream {
    public static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return  // the reader went away (a closed pipe): nothing more to do
            }
        }
    }
}
