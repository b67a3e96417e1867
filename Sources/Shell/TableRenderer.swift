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

    /// A piece still wider than `width` (a word without spaces, such as JSON) broken into lines:
    /// after the last comma that fits, where there is one in the second half, else at the width.
    static func breakLong(_ text: String, width: Int) -> [String] {
        var rest = Substring(text)
        var lines: [String] = []
        while Styler.visibleWidth(String(rest)) > width {
            let chunk = rest.prefix(width)
            let cut = chunk.lastIndex(of: ",").flatMap { comma in
                chunk.distance(from: chunk.startIndex, to: comma) >= width / 2 ? chunk.index(after: comma) : nil
            }
            let end = cut ?? chunk.endIndex
            lines.append(String(rest[..<end]))
            rest = rest[end...]
        }
        if !rest.isEmpty || lines.isEmpty { lines.append(String(rest)) }
        return lines
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
