/// Renders lesson Markdown for the terminal: headings, paragraphs, emphasis, inline code, lists,
/// quotes and fenced code blocks, wrapped to a width, coloured only when the styler says so.
public struct MarkdownRenderer: Sendable {
    public var styler: Styler
    public var width: Int

    public init(styler: Styler, width: Int) {
        self.styler = styler
        self.width = width
    }

    public func render(_ markdown: String) -> [String] {
        var output: [String] = []
        var paragraph: [String] = []
        var listItem: (marker: String, indent: Int, text: [String])?
        var codeBlock: [String]?

        func flushParagraph() {
            if !paragraph.isEmpty {
                output += TextWrapper.wrap(inline(paragraph.joined(separator: " ")), width: width)
                paragraph = []
            }
            if let item = listItem {
                let lead = String(repeating: " ", count: item.indent)
                output += TextWrapper.wrap(
                    inline(item.text.joined(separator: " ")), width: width,
                    firstPrefix: lead + item.marker, restPrefix: lead + String(repeating: " ", count: Styler.visibleWidth(item.marker)))
                listItem = nil
            }
        }
        func blankLine() {
            if let last = output.last, !last.isEmpty { output.append("") }
        }

        for rawLine in markdown.components(separatedBy: "\n") {
            let trimmed = rawLine.trimmingCharacters(in: .whitespaces)
            if var block = codeBlock {
                if trimmed.hasPrefix("```") {
                    output += block.map { "    " + styler.apply($0, .code) }
                    codeBlock = nil
                    output.append("")
                } else {
                    block.append(rawLine)
                    codeBlock = block
                }
                continue
            }
            if trimmed.hasPrefix("```") {
                flushParagraph()
                blankLine()
                codeBlock = []
                continue
            }
            if trimmed.isEmpty {
                flushParagraph()
                blankLine()
                continue
            }
            if let heading = Self.heading(trimmed) {
                flushParagraph()
                blankLine()
                let text = inline(heading.text, base: [])
                switch heading.level {
                case 1:
                    output.append(styler.apply(text.uppercased(), .heading))
                    output.append(styler.apply(String(repeating: "═", count: min(width, Styler.visibleWidth(text))), .heading))
                case 2:
                    output.append(styler.apply(text, .heading))
                    output.append(styler.apply(String(repeating: "─", count: min(width, Styler.visibleWidth(text))), .heading))
                default:
                    output.append(styler.apply(text, .bold))
                }
                continue
            }
            if let item = Self.listItem(rawLine) {
                flushParagraph()
                listItem = (item.marker, item.indent, [item.text])
                continue
            }
            if trimmed.hasPrefix(">") {
                flushParagraph()
                let quote = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
                let bar = styler.apply("│ ", .dim)
                output += TextWrapper.wrap(inline(quote), width: width, firstPrefix: bar, restPrefix: bar)
                continue
            }
            if listItem != nil, rawLine.hasPrefix(" ") {
                listItem?.text.append(trimmed)
            } else {
                if listItem != nil { flushParagraph() }
                paragraph.append(trimmed)
            }
        }
        flushParagraph()
        if let block = codeBlock { output += block.map { "    " + styler.apply($0, .code) } }
        while output.last?.isEmpty == true { output.removeLast() }
        return output
    }

    static func heading(_ line: String) -> (level: Int, text: String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return (hashes, String(line.dropFirst(hashes + 1)).trimmingCharacters(in: .whitespaces))
    }

    static func listItem(_ line: String) -> (marker: String, indent: Int, text: String)? {
        let indent = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indent)
        if rest.hasPrefix("- ") || rest.hasPrefix("* ") || rest.hasPrefix("+ ") {
            return ("• ", indent, String(rest.dropFirst(2)))
        }
        let digits = rest.prefix { $0.isNumber }
        if !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix(". ") {
            return ("\(digits). ", indent, String(rest.dropFirst(digits.count + 2)))
        }
        return nil
    }

    /// Inline markup: `code`, **strong**, *emphasis* or _emphasis_, and [links](url).
    func inline(_ text: String, base: [Style] = []) -> String {
        var result = ""
        var index = text.startIndex
        func restyle(_ fragment: String, _ styles: [Style]) -> String { styler.apply(fragment, base + styles) }
        while index < text.endIndex {
            let rest = text[index...]
            if rest.hasPrefix("`"), let close = rest.dropFirst().firstIndex(of: "`") {
                let code = String(text[text.index(after: index)..<close])
                result += styler.enabled ? restyle(code, [.code]) : "`\(code)`"
                index = text.index(after: close)
            } else if rest.hasPrefix("**"), let close = rest.dropFirst(2).range(of: "**") {
                result += restyle(String(text[text.index(index, offsetBy: 2)..<close.lowerBound]), [.bold])
                index = close.upperBound
            } else if let mark = rest.first, mark == "*" || mark == "_",
                rest.dropFirst().first.map({ !$0.isWhitespace }) == true,
                let close = rest.dropFirst().firstIndex(of: mark),
                mark == "*" || close == text.index(before: text.endIndex) || !(text[text.index(after: close)].isLetter)
            {
                result += restyle(String(text[text.index(after: index)..<close]), [.italic])
                index = text.index(after: close)
            } else if rest.hasPrefix("["), let closeBracket = rest.firstIndex(of: "]"),
                text.index(after: closeBracket) < text.endIndex, text[text.index(after: closeBracket)] == "(",
                let closeParen = text[closeBracket...].firstIndex(of: ")")
            {
                let label = String(text[text.index(after: index)..<closeBracket])
                let url = String(text[text.index(closeBracket, offsetBy: 2)..<closeParen])
                result += restyle(label, [.underline]) + " (\(url))"
                index = text.index(after: closeParen)
            } else {
                result.append(text[index])
                index = text.index(after: index)
            }
        }
        return result
    }
}
