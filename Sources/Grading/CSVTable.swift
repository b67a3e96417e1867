import Foundation

/// A CSV file an instructor writes (a roster, adjustments): a header, then rows by column name,
/// each with its line, so every problem names the file and line. RFC 4180 quoting is read.
struct CSVTable {
    struct Row {
        var line: Int
        var fields: [String: String]
        subscript(_ column: String) -> String { fields[column] ?? "" }
    }

    var file: String
    var columns: [String]
    var rows: [Row]

    /// Reads a file; column names are lowercased and spaces and dashes become underscores.
    static func read(_ url: URL) throws -> CSVTable {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw GradingError.table(file: url.path, line: nil, .unreadable)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw GradingError.table(file: url.path, line: nil, .notUTF8) }
        return try parse(text, file: url.path)
    }

    static func parse(_ text: String, file: String) throws -> CSVTable {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = [], field = "", quoted = false, line = 1, start = 1, afterQuote = false
        var characters = text.replacingOccurrences(of: "\r\n", with: "\n")
        if characters.hasPrefix("\u{FEFF}") { characters.removeFirst() }
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) { records.append((start, fields)) }
            fields = []
            field = ""
        }
        for character in characters {
            if quoted {
                if character == "\"" {
                    quoted = false
                    afterQuote = true
                } else {
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                if afterQuote { field.append("\"") }  // "" inside quotes
                quoted = true
                afterQuote = false
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
            case "\n":
                endRecord()
                line += 1
                start = line
                afterQuote = false
            default:
                field.append(character)
                afterQuote = false
            }
        }
        if quoted { throw GradingError.table(file: file, line: start, .unclosedQuote) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let header = records.first else { throw GradingError.table(file: file, line: 1, .empty) }
        let columns = header.fields.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
                .replacingOccurrences(of: "-", with: "_")
        }
        var rows: [Row] = []
        for record in records.dropFirst() {
            guard record.fields.count <= columns.count else {
                throw GradingError.table(file: file, line: record.line, .tooManyFields(record.fields.count, header: columns.count))
            }
            var values: [String: String] = [:]
            for (column, value) in zip(columns, record.fields) { values[column] = value.trimmingCharacters(in: .whitespaces) }
            rows.append(Row(line: record.line, fields: values))
        }
        return CSVTable(file: file, columns: columns, rows: rows)
    }

    /// Throws unless the header names every one of `required`.
    func require(_ required: [String], example: String) throws {
        let absent = required.filter { !columns.contains($0) }
        guard absent.isEmpty else {
            throw GradingError.table(file: file, line: 1, .headerLacks(absent, example: example))
        }
    }
}
