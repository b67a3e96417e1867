import Yams

/// Reads a pack's `pictures.yaml`, which it may leave out: the grids its state views and failing
/// scenarios are drawn as (see `GridPicture`).
enum PicturesFile {
    static let file = "pictures.yaml"
    static let keys = ["name", "columns", "rows", "cells", "marks", "caption", "history"]

    static func parse(_ root: Node) -> (pictures: [String: GridPicture], problems: [PackProblem]) {
        var top = YAMLFields(file: file, node: root)
        top.rejectUnknownKeys(["pictures"])
        guard let items = top.value("pictures")?.sequence else {
            top.problem("should hold 'pictures:', a list of grids, each with a 'name'")
            return ([:], top.problems)
        }
        var pictures: [String: GridPicture] = [:]
        var problems = top.problems
        for node in items {
            var fields = YAMLFields(file: file, node: node)
            if let picture = read(&fields) {
                if pictures[picture.name] != nil {
                    fields.problem("the picture '\(picture.name)' is declared twice; keep one", at: fields.value("name"))
                } else {
                    pictures[picture.name] = picture
                }
            }
            problems += fields.problems
        }
        return (pictures, problems)
    }

    private static func read(_ fields: inout YAMLFields) -> GridPicture? {
        fields.rejectUnknownKeys(keys)
        let name = fields.string("name")
        let columns = fields.strings("columns")
        if fields.value("columns") != nil, columns.isEmpty || Set(columns).count != columns.count {
            fields.problem("'columns' should list each column's label once, left to right", at: fields.value("columns"))
        }
        let rows = fields.positiveInt("rows", what: "rows")
        let cells = fields.string("cells")
        var marks: [GridPicture.Mark] = []
        for node in fields.list("marks", example: "- {field: playerOne, symbol: X, color: red}") {
            var mark = YAMLFields(file: file, node: node)
            mark.rejectUnknownKeys(["field", "symbol", "color"])
            let field = mark.string("field"), symbol = mark.string("symbol"), colorName = mark.string("color")
            if let symbol, symbol.count != 1 {
                mark.problem("'symbol' should be one character, as it fills one cell", at: mark.value("symbol"))
            }
            let color = colorName.flatMap(GridPicture.MarkColor.init(rawValue:))
            if let colorName, color == nil {
                let known = GridPicture.MarkColor.allCases.map(\.rawValue)
                mark.problem(
                    "no colour '\(colorName)'\(LessonTypeCheck.didYouMean(colorName, among: known)) (colours: \(known.joined(separator: ", ")))",
                    at: mark.value("color"))
            }
            if let field, let symbol, let color, mark.problems.isEmpty { marks.append(.init(field: field, symbol: symbol, color: color)) }
            fields.problems += mark.problems
        }
        var caption: [GridPicture.CaptionLine] = []
        for node in fields.list("caption", required: false, example: "- {field: winner, text: \"{winner} won\"}") {
            var line = YAMLFields(file: file, node: node)
            line.rejectUnknownKeys(["field", "text"])
            if let field = line.string("field"), let text = line.string("text") { caption.append(.init(field: field, text: text)) }
            fields.problems += line.problems
        }
        var history: [String: GridPicture.HistoryRule] = [:]
        if let node = fields.value("history") {
            if let mapping = node.mapping {
                for (key, value) in mapping {
                    guard let event = key.string else { continue }
                    if let rule = historyRule(value, event: event, problems: &fields.problems) { history[event] = rule }
                }
            } else {
                fields.problem("'history' should map each event's name to 'set:' or 'drop:'", at: node)
            }
        }
        guard let name, let rows, let cells, fields.problems.isEmpty else { return nil }
        return GridPicture(name: name, columns: columns, rows: rows, cells: cells, marks: marks, caption: caption, history: history)
    }

    /// `{set: {state field: event field or a value}}` or `{drop: {column: event field, mark: event field}}`.
    private static func historyRule(_ node: Node, event: String, problems: inout [PackProblem]) -> GridPicture.HistoryRule? {
        var rule = YAMLFields(file: file, node: node)
        defer { problems += rule.problems }
        rule.rejectUnknownKeys(["set", "drop"])
        switch (rule.value("set"), rule.value("drop")) {
        case (let set?, nil):
            guard let mapping = set.mapping else {
                rule.problem("'set' of '\(event)' should map state fields to the event's fields", at: set)
                return nil
            }
            let assignments = mapping.compactMap { key, value -> GridPicture.Assignment? in
                guard let field = key.string else { return nil }
                // A word names the event's field; true, false and numbers are written as they are.
                let written = JSONValue(yaml: value)
                if case .string(let from) = written { return .init(field: field, value: .field(from)) }
                return .init(field: field, value: .value(written))
            }
            return .set(assignments)
        case (nil, let drop?):
            var fields = YAMLFields(file: file, node: drop)
            fields.rejectUnknownKeys(["column", "mark"])
            let column = fields.string("column"), mark = fields.string("mark")
            rule.problems += fields.problems
            guard let column, let mark else { return nil }
            return .drop(column: column, mark: mark)
        default:
            rule.problem("the history of '\(event)' should be one of 'set:' (fields of the state) or 'drop:' (a mark into a column)")
            return nil
        }
    }
}
