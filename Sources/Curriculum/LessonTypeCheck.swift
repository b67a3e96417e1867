import Foundation
import Yams

/// Checks what a pack writes in the learner's `Codable` form (a suite's events and commands, a
/// `commands.yaml`'s command templates) against the types the lesson's reference declares: every
/// case, label and field named, with its line and the nearest name the type has.
///
/// Only what synthesized `Codable` fixes is checked (an enum as `{case: {label: value}}` or its
/// raw value, a struct as its stored properties); a type that codes itself, or one the reference
/// does not declare, is taken as written.
struct LessonTypeCheck {
    let declarations: SwiftDeclarations
    let file: String
    private(set) var problems: [PackProblem] = []

    init(declarations: SwiftDeclarations, file: String) {
        self.declarations = declarations
        self.file = file
    }

    /// Checks `node` as a value of `type`; `what` names it in a message (`the event`, `the command`).
    mutating func check(_ node: Node, as type: SwiftDeclarations.TypeReference, what: String) {
        if Self.isPlaceholder(node) { return }
        switch type {
        case .optional(let wrapped):
            if node.null == nil { check(node, as: wrapped, what: what) }
        case .array(let element):
            guard let items = node.sequence else {
                return problem(at: node, "\(what) should be a list")
            }
            for item in items { check(item, as: element, what: what) }
        case .dictionary(let key, let value):
            guard key == .named("String"), let mapping = node.mapping else { return }
            for (_, item) in mapping { check(item, as: value, what: what) }
        case .named(let name):
            checkNamed(node, name, what: what)
        case .other:
            return
        }
    }

    private mutating func checkNamed(_ node: Node, _ name: String, what: String) {
        switch name {
        case "Int", "Double", "Float", "Int64", "Int32", "UInt":
            if node.scalar == nil || Double(node.scalar?.string ?? "") == nil {
                problem(at: node, "\(what) should be a number (\(name))")
            }
            return
        case "String":
            if node.scalar == nil { problem(at: node, "\(what) should be text (String)") }
            return
        case "Bool":
            if node.bool == nil { problem(at: node, "\(what) should be true or false (Bool)") }
            return
        default:
            break
        }
        guard let declaration = declarations.types[name], !declaration.codesItself else { return }
        switch declaration.shape {
        case .enumeration(let cases, let rawType?):
            guard rawType == "String" else { return }
            let words = cases.map { $0.rawValue ?? $0.name }
            guard let word = node.scalar?.string else {
                return problem(at: node, "\(what) should be one of \(name)'s cases (\(words.joined(separator: ", ")))")
            }
            if !words.contains(word) {
                problem(
                    at: node, "'\(word)' is not a case of \(name)\(Self.didYouMean(word, among: words)) (\(words.joined(separator: ", ")))")
            }
        case .enumeration(let cases, nil):
            let names = cases.map(\.name)
            guard let mapping = node.mapping, mapping.count == 1, let (keyNode, value) = mapping.first, let key = keyNode.string else {
                return problem(
                    at: node,
                    "\(what) should be one case of \(name) with its values, e.g. '\(cases.first.map { "\($0.name): {…}" } ?? "case: {…}")'")
            }
            guard let declared = cases.first(where: { $0.name == key }) else {
                return problem(
                    at: keyNode,
                    "\(name) has no case '\(key)'\(Self.didYouMean(key, among: names)) (its cases: \(names.joined(separator: ", ")))")
            }
            checkFields(value, declared.fields, of: "\(name).\(key)")
        case .structure(let fields):
            checkFields(node, fields, of: name)
        }
    }

    private mutating func checkFields(_ node: Node, _ fields: [SwiftDeclarations.Field], of owner: String) {
        if fields.isEmpty, node.null != nil { return }
        guard let mapping = node.mapping else {
            return problem(
                at: node, "\(owner) should be a mapping of \(fields.isEmpty ? "nothing ({})" : fields.map(\.name).joined(separator: ", "))")
        }
        let names = fields.map(\.name)
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            guard let field = fields.first(where: { $0.name == key }) else {
                let known = names.isEmpty ? "it has none" : "it has: \(names.joined(separator: ", "))"
                problem(at: keyNode, "\(owner) has no '\(key)'\(Self.didYouMean(key, among: names)) (\(known))")
                continue
            }
            seen.insert(key)
            check(value, as: field.type, what: "'\(key)' of \(owner)")
        }
        let missing = fields.filter { !$0.mayBeLeftOut && !seen.contains($0.name) }.map(\.name)
        if !missing.isEmpty {
            problem(at: node, "\(owner) is missing \(missing.map { "'\($0)'" }.joined(separator: ", "))")
        }
    }

    private mutating func problem(at node: Node, _ message: String) {
        problems.append(PackProblem(file: file, line: node.mark?.line, message))
    }

    /// A `commands.yaml` value that the typed words fill in: `"{game}"`, `"{total:int}"`.
    static func isPlaceholder(_ node: Node) -> Bool {
        guard let text = node.scalar?.string else { return false }
        return DomainCommand.placeholder(text) != nil
    }

    static func didYouMean(_ word: String, among candidates: [String]) -> String {
        Suggestion.closest(to: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
