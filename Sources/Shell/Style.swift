/// Text styles for the terminal; each renders as plain text when colour is off.
public enum Style: Sendable {
    case bold, dim, italic, underline
    case red, green, yellow, blue, magenta, cyan
    case heading, code, success, failure, warning, accent

    var codes: String {
        switch self {
        case .bold: "1"
        case .dim: "2"
        case .italic: "3"
        case .underline: "4"
        case .red, .failure: "31"
        case .green, .success: "32"
        case .yellow, .warning: "33"
        case .blue: "34"
        case .magenta: "35"
        case .cyan, .code: "36"
        case .heading: "1;34"
        case .accent: "1;36"
        }
    }
}

/// Applies styles when colour is on, and measures text as it appears (escape codes take no columns).
public struct Styler: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    public func apply(_ text: String, _ styles: Style...) -> String {
        apply(text, styles)
    }

    public func apply(_ text: String, _ styles: [Style]) -> String {
        guard enabled, !styles.isEmpty, !text.isEmpty else { return text }
        return "\u{1B}[\(styles.map(\.codes).joined(separator: ";"))m\(text)\u{1B}[0m"
    }

    /// The columns `text` takes on screen.
    public static func visibleWidth(_ text: String) -> Int {
        stripped(text).count
    }

    /// `text` without ANSI escape sequences.
    public static func stripped(_ text: String) -> String {
        var result = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value), scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" { inEscape = true; continue }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
