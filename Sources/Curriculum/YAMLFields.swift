import Yams

/// Reads typed fields out of a YAML mapping, noting every problem (with its line) instead of stopping at the first.
struct YAMLFields {
    let file: String
    let node: Node
    /// Line of the mapping itself, for problems about missing fields.
    let line: Int?
    let lineOffset: Int
    var problems: [PackProblem] = []

    init(file: String, node: Node, lineOffset: Int = 0) {
        self.file = file
        self.node = node
        self.lineOffset = lineOffset
        self.line = node.mark.map { $0.line + lineOffset }
    }

    func line(of node: Node?) -> Int? { node?.mark.map { $0.line + lineOffset } ?? line }

    func value(_ key: String) -> Node? { node.mapping?[key] }

    mutating func problem(_ message: String, at node: Node? = nil) {
        problems.append(PackProblem(file: file, line: line(of: node), message))
    }

    mutating func string(_ key: String, required: Bool = true) -> String? {
        guard let found = value(key) else {
            if required { problem("missing '\(key)'; add a line '\(key): …'") }
            return nil
        }
        guard let text = found.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            problem("'\(key)' should be a line of text", at: found)
            return nil
        }
        return text
    }

    mutating func positiveInt(_ key: String, required: Bool = true, what: String = "minutes") -> Int? {
        guard let found = value(key) else {
            if required { problem("missing '\(key)'; add a line '\(key): 25' (\(what))") }
            return nil
        }
        guard let number = found.int, number > 0 else {
            problem("'\(key)' should be a whole number of \(what) above 0, not '\(found.scalar?.string ?? "a list")'", at: found)
            return nil
        }
        return number
    }

    mutating func bool(_ key: String, required: Bool = true) -> Bool? {
        guard let found = value(key) else {
            if required { problem("missing '\(key)'; add a line '\(key): true' or '\(key): false'") }
            return nil
        }
        guard let flag = found.bool else {
            problem("'\(key)' should be true or false, not '\(found.scalar?.string ?? "a list")'", at: found)
            return nil
        }
        return flag
    }

    mutating func strings(_ key: String, required: Bool = true) -> [String] {
        guard let found = value(key) else {
            if required { problem("missing '\(key)'; add a list, one '- item' a line") }
            return []
        }
        if found.scalar?.string == "" || found.null != nil { return [] }
        guard let items = found.sequence else {
            problem("'\(key)' should be a list, one '- item' a line", at: found)
            return []
        }
        var result: [String] = []
        for item in items {
            if let text = item.scalar?.string { result.append(text) } else { problem("each of '\(key)' should be text", at: item) }
        }
        return result
    }

    /// The items of a list of mappings (`marks:`), each for its own `YAMLFields`; `example` shows one item.
    mutating func list(_ key: String, required: Bool = true, example: String) -> [Node] {
        guard let found = value(key) else {
            if required { problem("missing '\(key)'; add a list, e.g. '\(example)'") }
            return []
        }
        guard let items = found.sequence else {
            problem("'\(key)' should be a list, e.g. '\(example)'", at: found)
            return []
        }
        return Array(items)
    }

    /// Flags keys that are not among `known`, with the nearest known key as a suggestion.
    mutating func rejectUnknownKeys(_ known: [String]) {
        guard let mapping = node.mapping else { return }
        for (key, _) in mapping {
            guard let name = key.string, !known.contains(name) else { continue }
            let suggestion = Suggestion.closest(to: name, among: known).map { "; did you mean '\($0)'?" } ?? ""
            problem("unknown field '\(name)'\(suggestion) (known: \(known.joined(separator: ", ")))", at: key)
        }
    }
}
