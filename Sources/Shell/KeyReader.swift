import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One key pressed at a prompt outside the line editor (replay's steps, a yes/no question).
public enum KeyPress: Equatable, Sendable {
    case enter
    case space
    /// Esc on its own (an arrow key's escape sequence is `.arrow`).
    case escape
    case arrow(Arrow)
    /// Ctrl-C.
    case interrupt
    /// Ctrl-D, or the terminal went away.
    case endOfInput
    case backspace
    case character(Character)

    public enum Arrow: Sendable { case up, down, left, right }
}

/// Reads single keys from the terminal in raw mode, for the length of one read.
///
/// The line editor owns the terminal while it edits; everything else that asks the learner
/// something reads here. In raw mode Ctrl-C and Ctrl-D arrive as keys (ISIG and ICANON off), so
/// they end the prompt instead of leaving a blocked buffered read behind, and a read that fails
/// (the terminal closed) ends it too: no path loops on a dead descriptor.
public enum KeyReader {
    /// The next key, or `.endOfInput` when standard input is not a terminal.
    public static func read(from descriptor: Int32 = STDIN_FILENO) -> KeyPress {
        var saved = termios()
        guard tcgetattr(descriptor, &saved) == 0 else { return .endOfInput }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        setControl(&raw, VMIN, 1)
        setControl(&raw, VTIME, 0)
        guard tcsetattr(descriptor, TCSANOW, &raw) == 0 else { return .endOfInput }
        defer { tcsetattr(descriptor, TCSANOW, &saved) }
        guard let first = nextByte(descriptor) else { return .endOfInput }
        switch first {
        case 0x0D, 0x0A: return .enter
        case 0x20: return .space
        case 0x03: return .interrupt
        case 0x04: return .endOfInput
        case 0x7F, 0x08: return .backspace
        case 0x1B: return escapeSequence(descriptor, raw: raw)
        default: return character(startingWith: first, descriptor)
        }
    }

    /// After Esc: an arrow key's sequence follows at once; Esc alone has nothing after it.
    private static func escapeSequence(_ descriptor: Int32, raw: termios) -> KeyPress {
        var waiting = raw
        setControl(&waiting, VMIN, 0)
        setControl(&waiting, VTIME, 1)  // a tenth of a second
        tcsetattr(descriptor, TCSANOW, &waiting)
        guard let second = nextByte(descriptor), second == UInt8(ascii: "[") || second == UInt8(ascii: "O") else {
            return .escape
        }
        var final = nextByte(descriptor)
        // Parameters (digits and ';') come before the sequence's final letter.
        while let byte = final, (0x30...0x3F).contains(byte) { final = nextByte(descriptor) }
        switch final {
        case UInt8(ascii: "A"): return .arrow(.up)
        case UInt8(ascii: "B"): return .arrow(.down)
        case UInt8(ascii: "C"): return .arrow(.right)
        case UInt8(ascii: "D"): return .arrow(.left)
        default: return .escape
        }
    }

    /// A UTF-8 character whose first byte has been read.
    private static func character(startingWith first: UInt8, _ descriptor: Int32) -> KeyPress {
        var bytes = [first]
        let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
        while bytes.count < length, let next = nextByte(descriptor) { bytes.append(next) }
        guard let character = String(decoding: bytes, as: UTF8.self).first else { return .escape }
        return .character(character)
    }

    /// One byte; nil at the end of input or when the read fails for good.
    private static func nextByte(_ descriptor: Int32) -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = Glibc.read(descriptor, &byte, 1)
            if count == 1 { return byte }
            if count < 0, errno == EINTR { continue }
            return nil
        }
    }

    private static func setControl(_ settings: inout termios, _ index: Int32, _ value: UInt8) {
        withUnsafeMutableBytes(of: &settings.c_cc) { $0[Int(index)] = value }
    }
}
