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

/// How styles look. On a projector, dim text and yellow wash out: the high-contrast theme
/// draws them in the terminal's own foreground, told apart by bold and underline instead.
public enum Theme: String, Sendable, CaseIterable {
    case standard
    case highContrast = "high-contrast"

    /// `WORKSHOP_THEME`, else the standard theme.
    public static func from(environment: [String: String]) -> Theme {
        environment["WORKSHOP_THEME"].flatMap { Theme(rawValue: $0.lowercased()) } ?? .standard
    }

    func codes(_ style: Style) -> String? {
        guard self == .highContrast else { return style.codes }
        switch style {
        case .dim: return nil
        case .yellow, .warning: return "1;4"
        case .cyan, .code, .blue, .magenta: return "1"
        case .accent, .heading: return "1;4"
        case .red, .failure: return "1;31"
        case .green, .success: return "1;32"
        default: return style.codes
        }
    }
}

/// Applies styles when colour is on, and measures text as it appears (escape codes take no columns).
public struct Styler: Sendable {
    public var enabled: Bool
    public var theme: Theme

    public init(enabled: Bool, theme: Theme = .standard) {
        self.enabled = enabled
        self.theme = theme
    }

    public func apply(_ text: String, _ styles: Style...) -> String {
        apply(text, styles)
    }

    public func apply(_ text: String, _ styles: [Style]) -> String {
        let codes = styles.compactMap(theme.codes)
        guard enabled, !codes.isEmpty, !text.isEmpty else { return text }
        return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
    }

    /// The columns `text` takes on screen: wide characters (emoji such as ☕, East Asian
    /// scripts) take two, combining marks none.
    public static func visibleWidth(_ text: String) -> Int {
        stripped(text).unicodeScalars.reduce(0) { $0 + columns(of: $1) }
    }

    static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0xFE0F || value == 0x200D { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } ? 2 : 1
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
