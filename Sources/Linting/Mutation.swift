import Foundation

/// A small change to a reference solution that should make some scenario fail: a mutant.
public struct Mutation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based line.
    public var line: Int
    public var operatorName: String
    public var original: String
    public var replacement: String

    public var description: String { "\(file):\(line) \(operatorName)" }
}

/// Generates mutants of Swift source, line by line, with the classic operators of mutation testing:
/// flipped comparisons and booleans, swapped logic, shifted numbers, dropped guards, emptied results.
public enum MutationGenerator {
    typealias Operator = (name: String, apply: @Sendable (String) -> String?)

    static func replaceFirst(_ text: String, _ target: String, _ with: String) -> String? {
        guard let range = text.range(of: target) else { return nil }
        return text.replacingCharacters(in: range, with: with)
    }

    static let operators: [Operator] = [
        ("== to !=", { replaceFirst($0, " == ", " != ") }),
        ("!= to ==", { replaceFirst($0, " != ", " == ") }),
        ("< to <=", { replaceFirst($0, " < ", " <= ") }),
        ("<= to <", { replaceFirst($0, " <= ", " < ") }),
        ("> to >=", { replaceFirst($0, " > ", " >= ") }),
        (">= to >", { replaceFirst($0, " >= ", " > ") }),
        ("&& to ||", { replaceFirst($0, " && ", " || ") }),
        ("|| to &&", { replaceFirst($0, " || ", " && ") }),
        ("true to false", { replaceWord($0, "true", "false") }),
        ("false to true", { replaceWord($0, "false", "true") }),
        ("+ 1 to - 1", { replaceFirst($0, " + 1", " - 1") }),
        ("- 1 to + 1", { replaceFirst($0, " - 1", " + 1") }),
        ("number + 1", shiftNumber),
        (
            "drop the guard",
            { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return trimmed.hasPrefix("guard ") && trimmed.contains(" else {") && trimmed.hasSuffix("}") ? "" : nil
            }
        ),
        (
            "drop the throw",
            { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return trimmed.hasPrefix("throw ") ? "" : nil
            }
        ),
        (
            "return nothing",
            { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("return ["), trimmed != "return []", trimmed.hasSuffix("]") else { return nil }
                return line.replacingOccurrences(of: trimmed, with: "return []")
            }
        ),
        ("drop .reversed()", { replaceFirst($0, ".reversed()", "") }),
        ("first to last", { replaceFirst($0, ".first", ".last") }),
        ("change a string", changeString),
        ("rename a label", renameLabel),
        ("negate the guard", negateGuard),
        ("swap neighbours", swapNeighbours),
    ]

    /// `guard ready else {` → `guard !(ready) else {`: a rule turned upside down (guards over
    /// several lines too, where dropping the guard would not compile).
    static func negateGuard(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("guard "), !trimmed.hasPrefix("guard let "), !trimmed.hasPrefix("guard var "),
            !trimmed.hasPrefix("guard case "), let elseRange = line.range(of: " else {")
        else { return nil }
        let start = line.range(of: "guard ")!.upperBound
        let condition = line[start..<elseRange.lowerBound]
        guard !condition.contains(","), !condition.isEmpty else { return nil }
        return line.replacingCharacters(in: start..<elseRange.lowerBound, with: "!(\(condition))")
    }

    /// `case moveMade(player: String, …)` → `case moveMade(player_: String, …)`: a field named
    /// otherwise, as a learner might, which changes what the events look like when stored.
    static func renameLabel(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("case "), let open = line.firstIndex(of: "("), let colon = line[open...].firstIndex(of: ":") else {
            return nil
        }
        let label = line[line.index(after: open)..<colon]
        guard !label.isEmpty, label.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        return line.replacingCharacters(in: open...colon, with: "(\(label)_:")
    }

    /// The names of a one-line list of plain cases (`case A, B, C`: no values, no patterns), or nil.
    static func caseList(_ trimmed: String) -> [String]? {
        guard trimmed.hasPrefix("case "), !trimmed.contains("("), !trimmed.contains(":"), !trimmed.contains("=") else { return nil }
        let names = trimmed.dropFirst(5).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return names.count >= 2 ? names : nil
    }

    /// `case A, B, C` → `case B, A, C`: two neighbours in a list of cases swapped.
    static func swapNeighbours(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard let names = caseList(trimmed) else { return nil }
        let swapped = [names[1], names[0]] + names.dropFirst(2)
        return line.replacingOccurrences(of: trimmed, with: "case " + swapped.joined(separator: ", "))
    }

    /// `"GameStarted"` → `"_GameStarted"`, `"order-\(id)"` → `"_order-\(id)"`: the first non-empty
    /// string literal, changed at its start (which stays valid with interpolation).
    static func changeString(_ line: String) -> String? {
        guard let open = line.firstIndex(of: "\""), !line[open...].hasPrefix("\"\"\""),
            line.index(after: open) < line.endIndex, line[line.index(after: open)] != "\""
        else { return nil }
        return line.replacingCharacters(in: open...open, with: "\"_")
    }

    /// `throw OrderError.notPlaced` → `throw OrderError.notPaid`: the wrong error of the same type,
    /// taken from the other errors the file throws.
    static func wrongErrors(in text: String) -> [String: [String]] {
        var cases: [String: [String]] = [:]
        for line in text.components(separatedBy: "\n") {
            guard let range = line.range(of: "throw ") else { continue }
            let thrown = line[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }
            let parts = thrown.split(separator: ".")
            guard parts.count == 2 else { continue }
            let type = String(parts[0]), name = String(parts[1])
            if !(cases[type] ?? []).contains(name) { cases[type, default: []].append(name) }
        }
        return cases
    }

    /// `state.status = .paid` → `state.status = .prepared`: a state set to the wrong case, the next
    /// of its enum's list (`case none, placed, paid, prepared, served`), wrapping at the end. Only
    /// cases listed on one line without values, in the same file, and named in no other such list,
    /// are changed.
    static func nextCases(in text: String) -> [String: String] {
        var next: [String: String] = [:]
        var seen: Set<String> = []
        for line in text.components(separatedBy: "\n") {
            guard let names = caseList(line.trimmingCharacters(in: .whitespaces)),
                names.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber } })
            else { continue }
            for (index, name) in names.enumerated() {
                if seen.contains(name) { next[name] = nil } else { next[name] = names[(index + 1) % names.count] }
                seen.insert(name)
            }
        }
        return next
    }

    /// The assignment of a listed case on `line` (`x = .paid`), set to the next case instead.
    static func anotherCase(_ line: String, next: [String: String]) -> String? {
        guard let equals = line.range(of: " = .") else { return nil }
        let name = line[equals.upperBound...].prefix { $0.isLetter || $0.isNumber }
        let rest = line[line.index(equals.upperBound, offsetBy: name.count)...].trimmingCharacters(in: .whitespaces)
        guard rest.isEmpty, let other = next[String(name)] else { return nil }
        return line.replacingCharacters(in: equals.upperBound..<line.index(equals.upperBound, offsetBy: name.count), with: other)
    }

    static func replaceWord(_ line: String, _ word: String, _ with: String) -> String? {
        var searchStart = line.startIndex
        while let range = line.range(of: word, range: searchStart..<line.endIndex) {
            let before = range.lowerBound == line.startIndex ? " " : line[line.index(before: range.lowerBound)]
            let after = range.upperBound == line.endIndex ? " " : line[range.upperBound]
            if !(before.isLetter || before.isNumber || before == "_"), !(after.isLetter || after.isNumber || after == "_") {
                return line.replacingCharacters(in: range, with: with)
            }
            searchStart = range.upperBound
        }
        return nil
    }

    static func shiftNumber(_ line: String) -> String? {
        var index = line.startIndex
        while index < line.endIndex {
            if line[index].isNumber {
                let before = index == line.startIndex ? " " : line[line.index(before: index)]
                var end = index
                while end < line.endIndex, line[end].isNumber { end = line.index(after: end) }
                let after = end == line.endIndex ? " " : line[end]
                if !(before.isLetter || before == "_" || before == "." || before == "\""), after != ".", !after.isLetter,
                    let value = Int(line[index..<end])
                {
                    return line.replacingCharacters(in: index..<end, with: String(value + 1))
                }
                index = end
            } else {
                index = line.index(after: index)
            }
        }
        return nil
    }

    /// Every mutant of the given files (path → text), in a fixed order. Comments, strings-only
    /// lines and declarations are left alone, and so are lines the file had already in `earlier`
    /// (the previous lesson's reference): they were mutated, and caught, by the lesson that wrote them.
    public static func mutations(of files: [(path: String, text: String)], earlier: [String: String] = [:]) -> [Mutation] {
        var result: [Mutation] = []
        for (path, text) in files {
            let errors = wrongErrors(in: text)
            let next = nextCases(in: text)
            let inherited = Set((earlier[path] ?? "").components(separatedBy: "\n"))
            var inBlockComment = false
            var enclosingEnum = ""
            for (index, line) in text.components(separatedBy: "\n").enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("enum ") || trimmed.contains(" enum ") { enclosingEnum = trimmed }
                if trimmed.hasPrefix("/*") { inBlockComment = true }
                defer { if trimmed.contains("*/") { inBlockComment = false } }
                if inBlockComment || trimmed.hasPrefix("//") || trimmed.isEmpty || trimmed.hasPrefix("import ") || inherited.contains(line)
                {
                    continue
                }
                let code = line.components(separatedBy: "//").first ?? line
                let comment = line.count > code.count ? String(line.dropFirst(code.count)) : ""
                for (name, apply) in operators {
                    guard let mutated = apply(code), mutated != code else { continue }
                    // Swapping the cases of an enum whose order nothing can observe (no Int raw values,
                    // no CaseIterable, no Comparable) leaves the program unchanged: an equivalent mutant.
                    if name == "swap neighbours", !["Int", "CaseIterable", "Comparable"].contains(where: enclosingEnum.contains) {
                        continue
                    }
                    result.append(Mutation(file: path, line: index + 1, operatorName: name, original: line, replacement: mutated + comment))
                }
                if let mutated = anotherCase(code, next: next) {
                    result.append(
                        Mutation(file: path, line: index + 1, operatorName: "another case", original: line, replacement: mutated + comment))
                }
                for (type, names) in errors {
                    guard let thrown = names.first(where: { code.contains("throw \(type).\($0)") }),
                        let other = names.first(where: { $0 != thrown })
                    else { continue }
                    let mutated = code.replacingOccurrences(of: "throw \(type).\(thrown)", with: "throw \(type).\(other)")
                    result.append(
                        Mutation(file: path, line: index + 1, operatorName: "throw the wrong error", original: line, replacement: mutated))
                }
            }
        }
        return result
    }

    /// At most `limit` mutants, taken line by line: the first mutant of every line, then the
    /// second of every line, and so on, so every line of the code is tried before any twice.
    public static func sample(_ mutations: [Mutation], limit: Int) -> [Mutation] {
        guard mutations.count > limit, limit > 0 else { return mutations }
        var lines: [[Mutation]] = []
        var index: [String: Int] = [:]
        for mutation in mutations {
            let key = "\(mutation.file):\(mutation.line)"
            if let position = index[key] {
                lines[position].append(mutation)
            } else {
                index[key] = lines.count
                lines.append([mutation])
            }
        }
        var chosen: [Mutation] = []
        var round = 0
        while chosen.count < limit {
            let layer = lines.compactMap { $0.count > round ? $0[round] : nil }
            if layer.isEmpty { break }
            chosen += layer.prefix(limit - chosen.count)
            round += 1
        }
        return chosen
    }

    /// The text of `file` with the mutation applied.
    public static func apply(_ mutation: Mutation, to text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        lines[mutation.line - 1] = mutation.replacement
        return lines.joined(separator: "\n")
    }
}
