/// Lays out rows in aligned columns; the last column wraps when the table is wider than the screen.
public struct TableRenderer: Sendable {
    public var styler: Styler
    public var width: Int

    public init(styler: Styler, width: Int) {
        self.styler = styler
        self.width = width
    }

    public func render(header: [String], rows: [[String]]) -> [String] {
        let columns = header.count
        var widths = header.map(Styler.visibleWidth)
        for row in rows {
            for (column, cell) in row.prefix(columns).enumerated() { widths[column] = max(widths[column], Styler.visibleWidth(cell)) }
        }
        let leading = widths.dropLast().reduce(0) { $0 + $1 + 2 }
        let lastWidth = max(12, width - leading)
        func format(_ row: [String], styles: [Style] = []) -> [String] {
            var line = ""
            for (column, cell) in row.prefix(columns - 1).enumerated() {
                line += styler.apply(cell, styles) + String(repeating: " ", count: widths[column] - Styler.visibleWidth(cell) + 2)
            }
            let last = row.count >= columns ? row[columns - 1] : ""
            let pad = String(repeating: " ", count: leading)
            guard Styler.visibleWidth(line) + Styler.visibleWidth(last) > width, leading + 12 < width else {
                return [(line + styler.apply(last, styles)).trimmingTrailingSpaces()]
            }
            let pieces = TextWrapper.wrap(last, width: lastWidth).flatMap { Self.breakLong($0, width: lastWidth) }
            return [line + styler.apply(pieces[0], styles)] + pieces.dropFirst().map { pad + styler.apply($0, styles) }
        }
        return format(header, styles: [.bold]) + rows.flatMap { format($0) }
    }

    /// A piece still wider than `width` (a word without spaces, such as JSON) broken into lines
    /// only between tokens, never inside a string or a number: after the last comma that fits
    /// where there is one in the second half, else after the last brace, bracket or colon that
    /// fits. A single token longer than the width stays whole.
    static func breakLong(_ text: String, width: Int) -> [String] {
        let characters = Array(text)
        // Where a line may end: (offset after the break, whether it follows a comma).
        var breaks: [(offset: Int, comma: Bool)] = []
        var inString = false, escaped = false
        for (offset, character) in characters.enumerated() {
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true
            case ",": breaks.append((offset + 1, true))
            case "{", "[", ":": breaks.append((offset + 1, false))
            case "}", "]": if offset > 0 { breaks.append((offset, false)) }
            default: break
            }
        }
        var lines: [String] = []
        var start = 0
        while characters.count - start > width {
            let fitting = breaks.filter { $0.offset > start && $0.offset - start <= width }
            let end =
                fitting.last(where: { $0.comma && $0.offset - start >= width / 2 })?.offset
                ?? fitting.last?.offset
                ?? breaks.first(where: { $0.offset > start })?.offset
                ?? characters.count
            lines.append(String(characters[start..<end]))
            start = end
        }
        if start < characters.count || lines.isEmpty { lines.append(String(characters[start...])) }
        return lines
    }
}

extension String {
    /// The text without the spaces at its end (a padded last column leaves some).
    public func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
