/// Splits a typed line into words the way a shell does: spaces separate, quotes group, `\` escapes,
/// and a `#` that starts a word starts a comment (so a line copied from a lesson with its
/// annotation runs as it reads).
public enum ShellWords {
    public struct UnclosedQuote: Error, CustomStringConvertible {
        public var quote: Character
        public var description: String { "a \(quote) quote is never closed; close it or remove it" }
    }

    public static func split(_ line: String) throws(UnclosedQuote) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                word.append(character)
                escaped = false
                continue
            }
            if character == "\\", quote != "'" {
                escaped = true
                inWord = true
                continue
            }
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
                continue
            }
            if character == "#", !inWord { break }
            if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        if let quote { throw UnclosedQuote(quote: quote) }
        if inWord { words.append(word) }
        return words
    }
}
