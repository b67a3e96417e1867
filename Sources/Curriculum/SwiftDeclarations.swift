import Foundation

/// The shapes of the types a lesson's Swift code declares (enums with their cases and labels,
/// structs with their stored properties), read from the source text, not compiled.
///
/// The pack loader checks a suite's events and commands against them, so a misspelt case or
/// label is named with its line when the pack loads instead of failing as a decoding error when
/// a reference runs. A scanner of declarations, not SwiftSyntax: the check needs only names,
/// and SwiftSyntax would double the cold build.
struct SwiftDeclarations: Sendable {
    /// A type as written where it is used: `[GameEvent]`, `String?`, `[String: Int]`.
    indirect enum TypeReference: Sendable, Hashable {
        case named(String)
        case optional(TypeReference)
        case array(TypeReference)
        case dictionary(key: TypeReference, value: TypeReference)
        /// Anything else (a tuple, a generic, a closure): not checked.
        case other

        init(_ text: String) {
            let text = text.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("?") || text.hasSuffix("!") {
                self = .optional(TypeReference(String(text.dropLast())))
            } else if text.hasPrefix("["), text.hasSuffix("]") {
                let inner = String(text.dropFirst().dropLast())
                if let colon = SwiftDeclarations.topLevelIndex(of: ":", in: inner) {
                    self = .dictionary(
                        key: TypeReference(String(inner[..<colon])), value: TypeReference(String(inner[inner.index(after: colon)...])))
                } else {
                    self = .array(TypeReference(inner))
                }
            } else if text.range(of: #"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$"#, options: .regularExpression) != nil {
                self = .named(String(text.split(separator: ".").last!))
            } else {
                self = .other
            }
        }
    }

    /// One stored value a type's synthesized `Codable` reads: an associated value or a property.
    struct Field: Sendable, Hashable {
        /// Its key in the JSON (`_0` for an unlabelled associated value, as Swift writes it).
        var name: String
        var type: TypeReference
        /// Whether decoding does without it: an optional. A default value does not count, as
        /// synthesized `Codable` ignores it.
        var mayBeLeftOut: Bool
    }

    struct EnumCase: Sendable, Hashable {
        var name: String
        var fields: [Field]
        /// The raw value it is written as, when the enum has a raw type.
        var rawValue: String?
    }

    enum Shape: Sendable, Hashable {
        /// An enum: with a raw type (`enum Column: String`) it is written as its raw value,
        /// otherwise as `{case: {label: value}}`.
        case enumeration(cases: [EnumCase], rawType: String?)
        case structure(fields: [Field])
    }

    struct Declaration: Sendable, Hashable {
        var name: String
        var shape: Shape
        /// What it conforms to, as written (`Codable`, `Error`).
        var conformances: [String]
        /// Whether it writes its own `init(from:)`, `encode(to:)` or `CodingKeys`: then its JSON
        /// is its own, and it is not checked.
        var codesItself: Bool
    }

    private(set) var types: [String: Declaration] = [:]
    /// The parameter types of each top-level function, by name (`evolve` → `[GameState, GameEvent]`).
    private(set) var functions: [String: [TypeReference]] = [:]

    init(sources: [String]) {
        var customCoding: Set<String> = []
        for source in sources {
            let code = Self.masked(source)
            for match in Self.matches(#"\b(enum|struct|extension)\s+([A-Za-z_][A-Za-z0-9_]*)[^{=]*\{"#, in: code) {
                let kind = match[1], name = match[2]
                let header = match[0]
                guard let end = match.range?.upperBound else { continue }
                let open = code.index(before: end)
                let body = Self.topLevelBody(of: code, openingAt: open)
                if Self.codesItself(body) { customCoding.insert(name) }
                guard kind != "extension" else { continue }
                let conformances = Self.conformances(in: header)
                let shape: Shape =
                    kind == "enum"
                    ? .enumeration(cases: Self.cases(in: body), rawType: conformances.first.flatMap(Self.rawType))
                    : .structure(fields: Self.storedProperties(in: body))
                types[name] = Declaration(name: name, shape: shape, conformances: conformances, codesItself: false)
            }
            for match in Self.matches(#"(?m)^func\s+([A-Za-z_][A-Za-z0-9_]*)\s*(<[^>]*>)?\s*\(([^)]*)\)"#, in: code) {
                functions[match[1]] = Self.split(match[3]).map { parameter in
                    guard let colon = parameter.firstIndex(of: ":") else { return .other }
                    return TypeReference(Self.droppingDefault(String(parameter[parameter.index(after: colon)...])))
                }
            }
        }
        for name in customCoding where types[name] != nil { types[name]!.codesItself = true }
    }

    /// The names of the enums that conform to `Error`: the cases a suite's `error:` may name.
    var errorCases: [String] {
        types.values.filter { $0.conformances.contains("Error") }.flatMap { declaration -> [String] in
            if case .enumeration(let cases, _) = declaration.shape { return cases.map(\.name) }
            return []
        }
    }

    // MARK: Reading the text

    /// The source with comments blanked and the brackets and commas inside string literals
    /// replaced, so that counting braces and splitting at commas sees only code.
    static func masked(_ source: String) -> String {
        var out: [Character] = []
        let characters = Array(source)
        var index = 0
        func at(_ offset: Int) -> Character? { characters.indices.contains(index + offset) ? characters[index + offset] : nil }
        while index < characters.count {
            let character = characters[index]
            if character == "/", at(1) == "/" {
                while index < characters.count, characters[index] != "\n" {
                    out.append(" ")
                    index += 1
                }
            } else if character == "/", at(1) == "*" {
                while index < characters.count, !(characters[index] == "*" && at(1) == "/") {
                    out.append(characters[index] == "\n" ? "\n" : " ")
                    index += 1
                }
                out.append(contentsOf: "  ")
                index += 2
            } else if character == "\"" {
                let fence = at(1) == "\"" && at(2) == "\"" ? 3 : 1
                out.append(contentsOf: String(repeating: "\"", count: fence))
                index += fence
                while index < characters.count {
                    if characters[index] == "\\" {
                        out.append(contentsOf: "__")
                        index += 2
                        continue
                    }
                    if characters[index] == "\"", fence == 1 || (at(1) == "\"" && at(2) == "\"") { break }
                    if fence == 1, characters[index] == "\n" { break }
                    out.append("{}()[],:".contains(characters[index]) ? "_" : characters[index])
                    index += 1
                }
                out.append(contentsOf: String(repeating: "\"", count: min(fence, characters.count - index)))
                index += fence
            } else {
                out.append(character)
                index += 1
            }
        }
        return String(out)
    }

    /// The text of a body whose `{` is at `open`, with every nested body collapsed to `{}`.
    static func topLevelBody(of code: String, openingAt open: String.Index) -> String {
        var depth = 0
        var body = ""
        var index = open
        while index < code.endIndex {
            let character = code[index]
            if character == "{" {
                depth += 1
                if depth == 2 { body.append("{") }
            } else if character == "}" {
                depth -= 1
                if depth == 0 { break }
                if depth == 1 { body.append("}") }
            } else if depth == 1 {
                body.append(character)
            }
            index = code.index(after: index)
        }
        return body
    }

    static func codesItself(_ body: String) -> Bool {
        body.contains("init(from") || body.contains("func encode(to") || body.contains("CodingKeys")
    }

    static func conformances(in header: String) -> [String] {
        guard let colon = header.firstIndex(of: ":") else { return [] }
        var list = header[header.index(after: colon)...].prefix { $0 != "{" }
        if let clause = list.range(of: " where ") { list = list[..<clause.lowerBound] }
        return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    static func rawType(_ first: String) -> String? {
        ["String", "Int", "Double", "Character", "UInt", "Int64", "Int32"].contains(first) ? first : nil
    }

    /// The statements of a body at its own level: split at line ends and semicolons outside brackets.
    static func statements(in body: String) -> [String] {
        split(body, at: ["\n", ";"]).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static let modifiers: Set<String> = [
        "public", "private", "fileprivate", "internal", "package", "indirect", "nonisolated", "final", "@MainActor",
    ]

    static func droppingModifiers(_ statement: String) -> Substring {
        var rest = Substring(statement)
        while let word = rest.split(separator: " ", maxSplits: 1).first, modifiers.contains(String(word)) || word.hasPrefix("@") {
            rest = rest.dropFirst(word.count).drop { $0 == " " }
        }
        return rest
    }

    static func cases(in body: String) -> [EnumCase] {
        var cases: [EnumCase] = []
        for statement in statements(in: body) {
            let rest = droppingModifiers(statement)
            guard rest.hasPrefix("case ") else { continue }
            for item in split(String(rest.dropFirst(5))) {
                let name = String(item.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "`" }).replacingOccurrences(
                    of: "`", with: "")
                guard !name.isEmpty else { continue }
                var fields: [Field] = []
                let afterName = item.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
                if afterName.hasPrefix("("), let close = afterName.lastIndex(of: ")") {
                    let parameters = split(String(afterName[afterName.index(after: afterName.startIndex)..<close]))
                    for (position, parameter) in parameters.enumerated() {
                        let parameter = droppingDefault(parameter)
                        let colon = topLevelIndex(of: ":", in: parameter)
                        let label = colon.map { parameter[..<$0].trimmingCharacters(in: .whitespaces) } ?? "_"
                        let type = TypeReference(colon.map { String(parameter[parameter.index(after: $0)...]) } ?? parameter)
                        fields.append(Field(name: label == "_" ? "_\(position)" : label, type: type, mayBeLeftOut: type.isOptional))
                    }
                }
                var rawValue: String?
                if let equals = afterName.firstIndex(of: "=") {
                    rawValue = afterName[afterName.index(after: equals)...].trimmingCharacters(in: .whitespaces.union(["\""]))
                }
                cases.append(EnumCase(name: name, fields: fields, rawValue: rawValue))
            }
        }
        return cases
    }

    static func storedProperties(in body: String) -> [Field] {
        var fields: [Field] = []
        for statement in statements(in: body) {
            let rest = droppingModifiers(statement)
            guard rest.hasPrefix("let ") || rest.hasPrefix("var "), !statement.contains("static ") else { continue }
            let isLet = rest.hasPrefix("let ")
            let declaration = String(rest.dropFirst(4))
            guard let colon = topLevelIndex(of: ":", in: declaration) else { continue }
            let name = declaration[..<colon].trimmingCharacters(in: .whitespaces)
            var typeText = String(declaration[declaration.index(after: colon)...])
            // A computed property (or one with observers) has a body: `var x: Int { … }`.
            if typeText.contains("{") { continue }
            let hasDefault = typeText.contains("=")
            typeText = droppingDefault(typeText)
            // A `let` with a value is not decoded at all.
            if isLet, hasDefault { continue }
            let type = TypeReference(typeText)
            // Synthesized decoding takes no default: a `var` with one is still read, unless optional.
            fields.append(Field(name: name, type: type, mayBeLeftOut: type.isOptional))
        }
        return fields
    }

    /// Splits at the commas outside brackets.
    static func split(_ text: String) -> [String] {
        split(text, at: [","]).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// Splits at `separators` outside brackets (`(`, `[`, `<`); an arrow's `>` closes nothing.
    static func split(_ text: String, at separators: Set<Character>) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if "([<".contains(character) { depth += 1 }
            if ")]>".contains(character) { depth = max(0, depth - 1) }
            if depth == 0, separators.contains(character) {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    static func droppingDefault(_ text: String) -> String {
        guard let equals = topLevelIndex(of: "=", in: text) else { return text.trimmingCharacters(in: .whitespaces) }
        return text[..<equals].trimmingCharacters(in: .whitespaces)
    }

    static func topLevelIndex(of target: Character, in text: String) -> String.Index? {
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if "([<".contains(character) { depth += 1 }
            if ")]>".contains(character) { depth -= 1 }
            if depth == 0, character == target { return index }
            index = text.index(after: index)
        }
        return nil
    }

    /// Each match's groups as strings (empty for a group that did not take part), and its range.
    static func matches(_ pattern: String, in text: String) -> [Match] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let whole = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: whole).map { result in
            Match(
                groups: (0..<result.numberOfRanges).map { Range(result.range(at: $0), in: text).map { String(text[$0]) } ?? "" },
                range: Range(result.range, in: text))
        }
    }

    struct Match {
        var groups: [String]
        var range: Range<String.Index>?
        subscript(_ index: Int) -> String { groups[index] }
    }
}

extension SwiftDeclarations.TypeReference {
    var isOptional: Bool { if case .optional = self { true } else { false } }
}
