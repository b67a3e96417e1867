/// Wraps text to a width by words, keeping a hanging indent; escape codes do not count as columns.
public enum TextWrapper {
    /// Wraps one paragraph. The first line starts with `firstPrefix`, the others with `restPrefix`.
    public static func wrap(_ text: String, width: Int, firstPrefix: String = "", restPrefix: String = "") -> [String] {
        // Runs of spaces are kept (an empty word stands for each extra space), so `"   "` stays three.
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var lines: [String] = []
        var line = firstPrefix
        var lineWidth = Styler.visibleWidth(firstPrefix)
        var lineHasWord = false
        for word in words {
            if word.isEmpty, !lineHasWord { continue }
            let wordWidth = Styler.visibleWidth(word)
            if lineHasWord, lineWidth + 1 + wordWidth > width {
                lines.append(line)
                line = restPrefix
                lineWidth = Styler.visibleWidth(restPrefix)
                lineHasWord = false
            }
            if lineHasWord {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += wordWidth
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}
