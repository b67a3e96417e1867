import Curriculum

/// A Connect Four board drawn from a game state (`board`: seven columns of player names,
/// bottom-up; `playerOne`, `playerTwo`, `nextPlayer`, `winner`): the picture a person expects.
public enum BoardPicture {
    public static func connectFour(_ state: JSONValue, styler: Styler) -> [String]? {
        guard case .object(let fields) = state, case .array(let columns)? = fields["board"], columns.count == 7 else { return nil }
        let one = fields["playerOne"].flatMap(\.text), two = fields["playerTwo"].flatMap(\.text)
        func disc(_ name: String?) -> String {
            switch name {
            case nil: return styler.apply("·", .dim)
            case one: return styler.apply("X", .red, .bold)
            case two: return styler.apply("O", .yellow, .bold)
            default: return "?"
            }
        }
        let cells: [[String]] = columns.map { column in
            guard case .array(let discs) = column else { return [] }
            return discs.compactMap(\.text)
        }
        var lines = ["    A B C D E F G"]
        for row in (0..<6).reversed() {
            lines.append("  \(row + 1) " + cells.map { disc(row < $0.count ? $0[row] : nil) }.joined(separator: " "))
        }
        var caption: [String] = []
        if let one, let two { caption.append("X \(one) · O \(two)") }
        if let winner = fields["winner"].flatMap(\.text) {
            caption.append("\(winner) won")
        } else if let next = fields["nextPlayer"].flatMap(\.text) {
            caption.append("\(next) to move")
        } else if fields["isOver"] == .bool(true) {
            caption.append("a draw")
        }
        if !caption.isEmpty { lines.append("    " + caption.joined(separator: " · ")) }
        return lines
    }

    /// The board after a Connect Four history (`gameStarted`, `moveMade`, `gameWon`, `gameDrawn` in
    /// the learner's event encoding), or nil when the events are not one or no disc was dropped.
    public static func connectFour(history: [JSONValue], styler: Styler) -> [String]? {
        var columns: [[JSONValue]] = Array(repeating: [], count: 7)
        var state = JSONObject()
        var moves = 0
        for event in history {
            guard case .object(let object) = event, object.count == 1, let (name, payload) = object.first,
                case .object(let fields) = payload
            else { return nil }
            switch name {
            case "gameStarted":
                state["playerOne"] = fields["playerOne"]
                state["playerTwo"] = fields["playerTwo"]
            case "moveMade":
                guard let column = fields["column"]?.text, let letter = column.unicodeScalars.first, column.count == 1,
                    ("A"..."G").contains(letter), let player = fields["player"]
                else { return nil }
                columns[Int(letter.value - 65)].append(player)
                moves += 1
            case "gameWon": state["winner"] = fields["winner"] ?? fields["_0"]
            case "gameDrawn": state["isOver"] = .bool(true)
            default: return nil
            }
        }
        guard moves > 0 else { return nil }
        state["board"] = .array(columns.map(JSONValue.array))
        return connectFour(.object(state), styler: styler)
    }
}

extension JSONValue {
    /// The string inside, if this is one.
    public var text: String? { if case .string(let value) = self { value } else { nil } }
}
