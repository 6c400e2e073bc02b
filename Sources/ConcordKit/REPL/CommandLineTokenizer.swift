/// Splits a REPL line into words the way a POSIX shell does: whitespace separates
/// words, `"…"` groups words (a backslash escapes `"`, `\`, `$` and `` ` `` inside),
/// `'…'` is literal, and a backslash outside quotes escapes the next character.
public enum CommandLineTokenizer {
    public static func tokenize(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var iterator = Array(line).makeIterator()
        while let character = iterator.next() {
            switch (quote, character) {
            case ("'", "'"), ("\"", "\""):
                quote = nil
            case ("'", _):
                current.append(character)
            case ("\"", "\\"):
                guard let next = iterator.next() else { throw CommandError.unbalancedQuotes }
                if "\"\\$`".contains(next) { current.append(next) } else { current.append("\\"); current.append(next) }
            case ("\"", _):
                current.append(character)
            case (nil, "\"" ), (nil, "'"):
                quote = character
                inWord = true
            case (nil, "\\"):
                if let next = iterator.next() { current.append(next) }
                inWord = true
            case (nil, _) where character.isWhitespace:
                if inWord { words.append(current); current = ""; inWord = false }
            default:
                current.append(character)
                inWord = true
            }
        }
        if quote != nil { throw CommandError.unbalancedQuotes }
        if inWord { words.append(current) }
        return words
    }
}
