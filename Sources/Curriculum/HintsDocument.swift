/// Hints file format: each `## ` heading starts a tier; the text under it is the hint.
enum HintsDocument {
    static func parse(_ text: String) -> [Hint] {
        var hints: [Hint] = []
        var title: String?
        var body: [String] = []
        func close() {
            if let title {
                hints.append(Hint(title: title, text: body.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)))
            }
        }
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("## ") {
                close()
                title = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                body = []
            } else if title != nil {
                body.append(line)
            }
        }
        close()
        return hints
    }
}
