import Curriculum
import Shell

/// A pack's grid drawn in the terminal: column labels on top, rows numbered from the bottom, each
/// cell its mark's symbol in the mark's colour (`·` when empty, `?` for a value no mark stands for),
/// and a line saying who is which mark and the caption.
enum GridText {
    static func lines(_ drawing: GridDrawing, styler: Styler) -> [String] {
        let numberWidth = String(drawing.rows.count).count
        let margin = String(repeating: " ", count: numberWidth + 3)
        // Every cell as wide as the widest column label, so labels like `10` stay over their column.
        let width = drawing.columns.map(\.count).max() ?? 1
        func padded(_ text: String, visible: Int) -> String { text + String(repeating: " ", count: max(0, width - visible)) }
        var lines = [margin + drawing.columns.map { padded($0, visible: $0.count) }.joined(separator: " ")]
        for (index, row) in drawing.rows.enumerated() {
            let number = String(drawing.rows.count - index)
            let label = String(repeating: " ", count: numberWidth - number.count + 2) + number + " "
            lines.append(label + row.map { padded(cell($0, in: drawing, styler: styler), visible: 1) }.joined(separator: " "))
        }
        var caption = drawing.marks.compactMap { mark in mark.value.map { "\(mark.symbol) \($0)" } }.joined(separator: " · ")
        if let text = drawing.caption { caption += caption.isEmpty ? text : " · \(text)" }
        if !caption.isEmpty { lines.append(margin + caption) }
        return lines.map { $0.trimmingTrailingSpaces() }
    }

    private static func cell(_ value: String?, in drawing: GridDrawing, styler: Styler) -> String {
        guard let value else { return styler.apply("·", .dim) }
        guard let mark = drawing.mark(for: value) else { return "?" }
        return styler.apply(mark.symbol, style(of: mark.color), .bold)
    }

    private static func style(of color: GridPicture.MarkColor) -> Style {
        switch color {
        case .red: .red
        case .yellow: .yellow
        case .green: .green
        case .blue: .blue
        case .magenta: .magenta
        case .cyan: .cyan
        }
    }
}
