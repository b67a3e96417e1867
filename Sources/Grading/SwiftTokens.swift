import Foundation

/// One token of Swift source: what it is, its text, and where it stands (UTF-8 offsets).
public struct SwiftToken: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case identifier, keyword, number, string, punctuation
    }

    public var kind: Kind
    public var text: String
    /// Byte range in the source's UTF-8, for showing where a match lies.
    public var start: Int
    public var end: Int

    /// The token with names and literals abstracted: what similarity compares, so renaming a
    /// variable or changing a message does not hide a copy.
    public var abstracted: String {
        switch kind {
        case .identifier: return "$id"
        case .number: return "$num"
        case .string: return "$str"
        case .keyword, .punctuation: return text
        }
    }
}

/// The normaliser shared by reference detection and similarity: Swift source as a stream of
/// tokens, without comments and whitespace. A hand-written lexer rather than SwiftSyntax: that
/// package would double the cold build, and neither use needs a tree, only tokens that are right
/// about comments, strings (multi-line, raw, interpolated) and numbers.
public enum SwiftTokens {
    public static func tokens(_ source: String) -> [SwiftToken] {
        let bytes = Array(source.utf8)
        var lexer = Lexer(bytes: bytes)
        return lexer.run()
    }

    /// The source in normal form: the tokens' texts, one space apart. Two files with the same
    /// normal form differ only in whitespace and comments.
    public static func normalised(_ source: String) -> String {
        tokens(source).map(\.text).joined(separator: " ")
    }

    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout", "internal", "let",
        "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript",
        "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if",
        "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "async", "mutating", "nonmutating", "override", "final", "lazy", "weak", "unowned",
        "indirect", "some", "any", "get", "set", "willSet", "didSet", "consuming", "borrowing", "sending",
    ]
}

private struct Lexer {
    let bytes: [UInt8]
    var index = 0
    var tokens: [SwiftToken] = []

    init(bytes: [UInt8]) { self.bytes = bytes }

    func byte(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    mutating func run() -> [SwiftToken] {
        while index < bytes.count {
            let current = bytes[index]
            if current == 0x20 || current == 0x0A || current == 0x09 || current == 0x0D || current == 0x0B || current == 0x0C {
                index += 1
            } else if current == slash, byte(1) == slash {
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            } else if current == slash, byte(1) == star {
                skipBlockComment()
            } else if current == quote || (current == hash && rawStringStarts()) {
                let start = index
                skipString()
                add(.string, from: start)
            } else if isDigit(current) {
                let start = index
                index += 1
                while let next = byte() {
                    if isIdentifierByte(next) {
                        index += 1
                    } else if next == dot, let after = byte(1), isDigit(after) {
                        index += 2
                    } else if next == plus || next == minus, exponentSign(numberStart: start) {
                        index += 1
                    } else {
                        break
                    }
                }
                add(.number, from: start)
            } else if isIdentifierStart(current) || current == dollar {
                let start = index
                index += 1
                while let next = byte(), isIdentifierByte(next) { index += 1 }
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                tokens.append(
                    SwiftToken(kind: SwiftTokens.keywords.contains(text) ? .keyword : .identifier, text: text, start: start, end: index))
            } else if current == backtick {
                let start = index
                index += 1
                while let next = byte(), next != backtick, next != 0x0A { index += 1 }
                if byte() == backtick { index += 1 }
                // `default` is a name, whatever it spells.
                let text = String(decoding: bytes[start..<index], as: UTF8.self).replacingOccurrences(of: "`", with: "")
                tokens.append(SwiftToken(kind: .identifier, text: text, start: start, end: index))
            } else if current == dot, byte(1) == dot {
                // Dot operators: `...`, `..<`.
                let start = index
                while let next = byte(), next == dot || (isOperatorByte(next) && next != slash) { index += 1 }
                add(.punctuation, from: start)
            } else if isOperatorByte(current) {
                let start = index
                index += 1
                while let next = byte(), isOperatorByte(next) {
                    if next == slash, byte(1) == slash || byte(1) == star { break }
                    index += 1
                }
                add(.punctuation, from: start)
            } else {
                let start = index
                // A whole UTF-8 sequence, so a stray non-ASCII character stays one token.
                index += 1
                while let next = byte(), next & 0xC0 == 0x80 { index += 1 }
                add(.punctuation, from: start)
            }
        }
        return tokens
    }

    mutating func add(_ kind: SwiftToken.Kind, from start: Int) {
        tokens.append(SwiftToken(kind: kind, text: String(decoding: bytes[start..<index], as: UTF8.self), start: start, end: index))
    }

    /// `/* … */`, nested as Swift nests them.
    mutating func skipBlockComment() {
        var depth = 0
        while index < bytes.count {
            if bytes[index] == slash, byte(1) == star {
                depth += 1
                index += 2
            } else if bytes[index] == star, byte(1) == slash {
                depth -= 1
                index += 2
                if depth == 0 { return }
            } else {
                index += 1
            }
        }
    }

    func rawStringStarts() -> Bool {
        var offset = 0
        while byte(offset) == hash { offset += 1 }
        return byte(offset) == quote
    }

    /// A string literal from its opening (`"`, `"""`, `#"`…), interpolations and all.
    mutating func skipString() {
        var hashes = 0
        while byte() == hash {
            hashes += 1
            index += 1
        }
        let multiline = byte() == quote && byte(1) == quote && byte(2) == quote
        index += multiline ? 3 : 1
        while index < bytes.count {
            let current = bytes[index]
            if current == backslash, hashesFollow(hashes, at: index + 1) {
                index += 1 + hashes
                if byte() == openParen {
                    index += 1
                    skipInterpolation()
                } else {
                    index += 1
                }
            } else if current == quote, !multiline || (byte(1) == quote && byte(2) == quote) {
                let after = index + (multiline ? 3 : 1)
                if hashesFollow(hashes, at: after) {
                    index = after + hashes
                    return
                }
                index += 1
            } else if current == 0x0A, !multiline {
                return
            } else {
                index += 1
            }
        }
    }

    /// Whether a sign at `index` belongs to the number begun at `numberStart`: `1e-3`, `0x1p+4`.
    func exponentSign(numberStart: Int) -> Bool {
        let previous = bytes[index - 1] | 0x20
        let hex = index - numberStart > 1 && bytes[numberStart + 1] | 0x20 == UInt8(ascii: "x")
        return hex ? previous == UInt8(ascii: "p") : previous == UInt8(ascii: "e")
    }

    func hashesFollow(_ count: Int, at position: Int) -> Bool {
        guard count > 0 else { return true }
        guard position + count <= bytes.count else { return false }
        return bytes[position..<position + count].allSatisfy { $0 == hash }
    }

    /// `\( … )` inside a string: parentheses balanced, strings inside it skipped as strings.
    mutating func skipInterpolation() {
        var depth = 1
        while index < bytes.count {
            let current = bytes[index]
            if current == quote || (current == hash && rawStringStarts()) {
                skipString()
                continue
            }
            if current == openParen { depth += 1 }
            if current == closeParen {
                depth -= 1
                if depth == 0 {
                    index += 1
                    return
                }
            }
            index += 1
        }
    }

    func isDigit(_ value: UInt8) -> Bool { value >= 0x30 && value <= 0x39 }
    func isIdentifierStart(_ value: UInt8) -> Bool {
        (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) || value == 0x5F || value >= 0x80
    }
    func isIdentifierByte(_ value: UInt8) -> Bool { isIdentifierStart(value) || isDigit(value) }
    func isOperatorByte(_ value: UInt8) -> Bool {
        switch value {
        case UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "!"), UInt8(ascii: "*"),
            UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "^"),
            UInt8(ascii: "~"), UInt8(ascii: "?"):
            return true
        default: return false
        }
    }
}

private let slash = UInt8(ascii: "/")
private let star = UInt8(ascii: "*")
private let quote = UInt8(ascii: "\"")
private let hash = UInt8(ascii: "#")
private let dot = UInt8(ascii: ".")
private let plus = UInt8(ascii: "+")
private let minus = UInt8(ascii: "-")
private let dollar = UInt8(ascii: "$")
private let backtick = UInt8(ascii: "`")
private let backslash = UInt8(ascii: "\\")
private let openParen = UInt8(ascii: "(")
private let closeParen = UInt8(ascii: ")")
