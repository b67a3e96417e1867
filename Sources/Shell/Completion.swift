/// Answers Tab: the words that can complete what is typed, from the command table's knowledge.
public protocol CompletionSource: Sendable {
    /// Candidates for the word at `index` (0: the command name), given the words before it.
    func candidates(forWordAt index: Int, after words: [String]) -> [String]
}

/// Pure completion logic, apart from the line editor, so it can be tested as a specification.
public enum Completion {
    /// The completions of the word being typed at the end of `lineBeforeCursor`, sorted.
    public static func complete(_ lineBeforeCursor: String, source: CompletionSource) -> [String] {
        let endsWithSpace = lineBeforeCursor.last?.isWhitespace ?? true
        var words = (try? ShellWords.split(lineBeforeCursor)) ?? lineBeforeCursor.split(separator: " ").map(String.init)
        let partial = endsWithSpace ? "" : (words.popLast() ?? "")
        let candidates = source.candidates(forWordAt: words.count, after: words)
        let matches = candidates.filter { $0.lowercased().hasPrefix(partial.lowercased()) }
        return Array(Set(matches)).sorted()
    }

    /// The longest prefix all `matches` share (what Tab can insert without choosing).
    public static func commonPrefix(_ matches: [String]) -> String {
        guard var prefix = matches.first else { return "" }
        for match in matches.dropFirst() {
            while !match.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
