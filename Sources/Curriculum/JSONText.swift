import EventSourcing
import Foundation
import UserFacing

/// JSON text read and written with every object's keys in the order of the text. Foundation's
/// coders on Linux give an object's keys in a different order on every run, and a learner reading
/// `{after, before}` for a type that declares `before` first is misled; so the tool reads and
/// writes JSON text here, and the host writes it in the order the learner's types encode.
public enum JSONText {
    /// Parses one JSON value; nesting deeper than `maximumDepth` is refused rather than followed.
    public static func parse(_ data: Data, maximumDepth: Int = 512) throws -> JSONValue {
        var reader = Reader(bytes: Array(data), maximumDepth: maximumDepth)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.offset == reader.bytes.count else { throw reader.failure(.textAfterValue) }
        return value
    }

    /// Compact JSON text: keys in the object's order, slashes not escaped, whole numbers without a
    /// fraction.
    public static func write(_ value: JSONValue) -> String {
        var text = ""
        write(value, into: &text)
        return text
    }

    static func write(_ value: JSONValue, into text: inout String) {
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let number):
            if !number.isFinite {
                text += "null"
            } else if number == number.rounded(), abs(number) < 1e15 {
                text += String(Int64(number))
            } else {
                text += "\(number)"
            }
        case .string(let string): OrderedJSON.writeString(string, into: &text)
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                write(item, into: &text)
            }
            text += "]"
        case .object(let object):
            text += "{"
            for (index, (key, item)) in object.enumerated() {
                if index > 0 { text += "," }
                OrderedJSON.writeString(key, into: &text)
                text += ":"
                write(item, into: &text)
            }
            text += "}"
        }
    }
}

/// What was wrong with JSON text, and where.
public struct JSONTextError: UserFacingError, Equatable {
    /// The rule of JSON the text breaks at `offset`.
    public enum Fault: Equatable, Sendable {
        case expected(String)
        case nestedTooDeep(limit: Int)
        case endsBeforeValue
        case unexpectedCharacter
        case textAfterValue
        case numberWithoutDigits, leadingZero, fractionWithoutDigits, exponentWithoutDigits, notANumber
        case unclosedString, unescapedControlCharacter, unknownEscape, shortUnicodeEscape
    }

    public var fault: Fault
    /// The byte where the text stops being JSON, from 0.
    public var offset: Int

    public init(fault: Fault, offset: Int) {
        self.fault = fault
        self.offset = offset
    }

    public var problem: String {
        let what =
            switch fault {
            case .expected(let what): "expected \(what)"
            case .nestedTooDeep(let limit): "nested more than \(limit) deep"
            case .endsBeforeValue: "the text ends where a value should be"
            case .unexpectedCharacter: "unexpected character"
            case .textAfterValue: "more text after the value"
            case .numberWithoutDigits: "a number needs digits"
            case .leadingZero: "a number cannot start with 0"
            case .fractionWithoutDigits: "a fraction needs digits"
            case .exponentWithoutDigits: "an exponent needs digits"
            case .notANumber: "not a number"
            case .unclosedString: "a string is not closed"
            case .unescapedControlCharacter: "a control character in a string must be escaped"
            case .unknownEscape: "unknown escape"
            case .shortUnicodeEscape: "\\u needs four hex digits"
            }
        return "not JSON at byte \(offset): \(what)"
    }
}

private struct Reader {
    let bytes: [UInt8]
    let maximumDepth: Int
    var offset = 0

    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    func failure(_ fault: JSONTextError.Fault) -> JSONTextError { JSONTextError(fault: fault, offset: offset) }

    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard current == byte else { throw failure(.expected(what)) }
        offset += 1
    }

    mutating func value(depth: Int) throws -> JSONValue {
        guard depth < maximumDepth else { throw failure(.nestedTooDeep(limit: maximumDepth)) }
        switch current {
        case UInt8(ascii: "{"): return .object(try object(depth: depth))
        case UInt8(ascii: "["): return .array(try array(depth: depth))
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case let byte? where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
            return .number(try number())
        case nil: throw failure(.endsBeforeValue)
        default: throw failure(.unexpectedCharacter)
        }
    }

    mutating func literal(_ word: String) throws {
        let expected = Array(word.utf8)
        guard bytes.count - offset >= expected.count, Array(bytes[offset..<offset + expected.count]) == expected else {
            throw failure(.expected(word))
        }
        offset += expected.count
    }

    mutating func object(depth: Int) throws -> JSONObject {
        offset += 1
        var object = JSONObject()
        skipSpace()
        if current == UInt8(ascii: "}") {
            offset += 1
            return object
        }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw failure(.expected("a key in quotes")) }
            let key = try string()
            skipSpace()
            try expect(UInt8(ascii: ":"), "':' after a key")
            skipSpace()
            object[key] = try value(depth: depth + 1)
            skipSpace()
            if current == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            try expect(UInt8(ascii: "}"), "',' or '}' in an object")
            return object
        }
    }

    mutating func array(depth: Int) throws -> [JSONValue] {
        offset += 1
        var items: [JSONValue] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            offset += 1
            return items
        }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            if current == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            try expect(UInt8(ascii: "]"), "',' or ']' in a list")
            return items
        }
    }

    mutating func number() throws -> Double {
        let start = offset
        func digits() { while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { offset += 1 } }
        if current == UInt8(ascii: "-") { offset += 1 }
        let integerStart = offset
        digits()
        guard offset > integerStart else { throw failure(.numberWithoutDigits) }
        if bytes[integerStart] == UInt8(ascii: "0"), offset - integerStart > 1 { throw failure(.leadingZero) }
        if current == UInt8(ascii: ".") {
            offset += 1
            let fractionStart = offset
            digits()
            guard offset > fractionStart else { throw failure(.fractionWithoutDigits) }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            offset += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
            let exponentStart = offset
            digits()
            guard offset > exponentStart else { throw failure(.exponentWithoutDigits) }
        }
        guard let number = Double(String(decoding: bytes[start..<offset], as: UTF8.self)) else { throw failure(.notANumber) }
        return number
    }

    mutating func string() throws -> String {
        offset += 1
        var scalars = String.UnicodeScalarView()
        var runStart = offset
        func flushRun() { scalars.append(contentsOf: String(decoding: bytes[runStart..<offset], as: UTF8.self).unicodeScalars) }
        while true {
            guard let byte = current else { throw failure(.unclosedString) }
            switch byte {
            case UInt8(ascii: "\""):
                flushRun()
                offset += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flushRun()
                offset += 1
                scalars.append(try escaped())
                runStart = offset
            case 0..<0x20:
                throw failure(.unescapedControlCharacter)
            default:
                offset += 1
            }
        }
    }

    mutating func escaped() throws -> Unicode.Scalar {
        guard let byte = current else { throw failure(.unclosedString) }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try hexUnit()
            if (0xD800..<0xDC00).contains(first) {
                guard current == UInt8(ascii: "\\") else { return "\u{FFFD}" }
                offset += 1
                try expect(UInt8(ascii: "u"), "the second half of a surrogate pair")
                let second = try hexUnit()
                guard (0xDC00..<0xE000).contains(second) else { return "\u{FFFD}" }
                return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) ?? "\u{FFFD}"
            }
            return Unicode.Scalar(first) ?? "\u{FFFD}"
        default: throw failure(.unknownEscape)
        }
    }

    mutating func hexUnit() throws -> UInt32 {
        guard bytes.count - offset >= 4, let unit = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16)
        else { throw failure(.shortUnicodeEscape) }
        offset += 4
        return unit
    }
}
