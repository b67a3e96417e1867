/// A picture a pack declares in `pictures.yaml`: a grid of marks the shell and the window draw of a
/// folded state (a state view's `picture:`) and of a failing scenario's history. The tool knows no
/// game: Connect Four is a pack's seven columns and six rows, and a new domain brings its own.
public struct GridPicture: Sendable, Hashable {
    public var name: String
    /// The columns' labels, left to right (`A` … `G`); rows are numbered from the bottom.
    public var columns: [String]
    public var rows: Int
    /// The state's field holding the grid: a list per column, bottom first, of the values in it.
    public var cells: String
    /// Who a cell's value is: each mark names the state's field holding the value it stands for.
    public var marks: [Mark]
    /// The first line whose field is set in the state is the caption (`{winner} won`).
    public var caption: [CaptionLine]
    /// How each event of a scenario's history builds the same state; a history with an event
    /// not named here is drawn as text only.
    public var history: [String: HistoryRule]

    public struct Mark: Sendable, Hashable {
        public var field: String
        public var symbol: String
        public var color: MarkColor
    }

    /// The colours a mark may have, drawn in the terminal's and the browser's palette.
    public enum MarkColor: String, Sendable, Hashable, CaseIterable, Encodable {
        case red, yellow, green, blue, magenta, cyan
    }

    public struct CaptionLine: Sendable, Hashable {
        public var field: String
        /// Text with `{field}` placeholders filled from the state.
        public var text: String
    }

    public enum HistoryRule: Sendable, Hashable {
        /// Sets state fields: each from the event's field of that name, or to a value written in the pack.
        case set([Assignment])
        /// Drops the event's `mark` field into the lowest free cell of the column its `column` field names.
        case drop(column: String, mark: String)
    }

    public struct Assignment: Sendable, Hashable {
        public var field: String
        public var value: Source
    }

    public enum Source: Sendable, Hashable {
        case field(String)
        case value(JSONValue)
    }

    /// The grid of a folded state, or nil when the state does not hold one of this shape.
    public func draw(_ state: JSONValue) -> GridDrawing? {
        guard case .object(let fields) = state, case .array(let columnValues)? = fields[cells], columnValues.count == columns.count
        else { return nil }
        var grid: [[String?]] = Array(repeating: Array(repeating: nil, count: columns.count), count: rows)
        for (column, value) in columnValues.enumerated() {
            guard case .array(let values) = value, values.count <= rows else { return nil }
            for (row, cell) in values.enumerated() { grid[rows - 1 - row][column] = cell.text ?? cell.json }
        }
        let drawnMarks = marks.map { mark in
            GridDrawing.DrawnMark(symbol: mark.symbol, color: mark.color, value: fields[mark.field].flatMap(\.text))
        }
        let line = caption.first { line in
            guard let value = fields[line.field] else { return false }
            return value != .null && value != .bool(false)
        }
        let bindings = Dictionary(fields.map { ($0.key, $0.value.text ?? $0.value.json) }, uniquingKeysWith: { first, _ in first })
        let text = line.map { DomainCommand.fill($0.text, bindings) }
        return GridDrawing(picture: name, columns: columns, rows: grid, marks: drawnMarks, caption: text)
    }

    /// The state a scenario's history builds (events as the suites write them, `{"moveMade": {…}}`),
    /// or nil when an event is not one this picture knows or no cell was filled.
    public func state(after history: [JSONValue]) -> JSONValue? {
        var state = JSONObject()
        var grid: [[JSONValue]] = Array(repeating: [], count: columns.count)
        var filled = 0
        for event in history {
            guard case .object(let object) = event, object.count == 1, let (name, payload) = object.first,
                case .object(let fields) = payload, let rule = self.history[name]
            else { return nil }
            switch rule {
            case .set(let assignments):
                for assignment in assignments {
                    switch assignment.value {
                    case .field(let from): state[assignment.field] = fields[from]
                    case .value(let value): state[assignment.field] = value
                    }
                }
            case .drop(let columnField, let markField):
                guard let label = fields[columnField]?.text, let column = columns.firstIndex(of: label), let mark = fields[markField],
                    grid[column].count < rows
                else { return nil }
                grid[column].append(mark)
                filled += 1
            }
        }
        guard filled > 0 else { return nil }
        state[cells] = .array(grid.map(JSONValue.array))
        return .object(state)
    }
}

/// A grid ready to draw, in the terminal or the browser: rows from the top, each cell the value in
/// it (a player's name) or nil, and the marks that stand for the values.
public struct GridDrawing: Sendable, Hashable, Encodable {
    public var picture: String
    public var columns: [String]
    public var rows: [[String?]]
    public var marks: [DrawnMark]
    public var caption: String?

    public init(picture: String, columns: [String], rows: [[String?]], marks: [DrawnMark], caption: String?) {
        self.picture = picture
        self.columns = columns
        self.rows = rows
        self.marks = marks
        self.caption = caption
    }

    public struct DrawnMark: Sendable, Hashable, Encodable {
        public var symbol: String
        public var color: GridPicture.MarkColor
        /// The value the mark stands for in this state (`alice`), if the state holds it yet.
        public var value: String?

        public init(symbol: String, color: GridPicture.MarkColor, value: String?) {
            self.symbol = symbol
            self.color = color
            self.value = value
        }
    }

    /// The mark a cell's value stands for, if any.
    public func mark(for value: String) -> DrawnMark? { marks.first { $0.value == value } }
}
