/// A REPL line cut at the cursor, split into words the way ``CommandLineTokenizer``
/// would split it, but tolerant of an unfinished word or an unclosed quote.
///
/// Completion needs to know the words already typed, the word being typed (without
/// its quotes and escapes), where that word begins, and which quote it was opened
/// with. Offsets count Unicode scalars, as libedit's wide-character positions do.
struct PartialCommandLine: Equatable {
    /// The finished words before the one being typed, unquoted.
    var words: [String]
    /// The word being typed, unquoted (empty right after a space).
    var partial: String
    /// Where the word being typed begins, in Unicode scalars from the start of the line.
    var partialStart: Int
    /// The quote character the word being typed began with, if any.
    var quote: Character?

    init(words: [String], partial: String, partialStart: Int, quote: Character?) {
        self.words = words
        self.partial = partial
        self.partialStart = partialStart
        self.quote = quote
    }

    /// Splits `prefix` (the line up to the cursor).
    init(prefix: String) {
        var words: [String] = []
        var current = ""
        var currentStart = 0
        var inWord = false
        var openQuote: Character?
        var firstQuote: Character?
        var offset = 0
        var escaped = false
        for scalar in prefix.unicodeScalars {
            defer { offset += 1 }
            let character = Character(scalar)
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if let quote = openQuote {
                if character == quote {
                    openQuote = nil
                } else if character == "\\" && quote == "\"" {
                    escaped = true
                } else {
                    current.append(character)
                }
                continue
            }
            if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
                firstQuote = nil
                continue
            }
            if !inWord {
                inWord = true
                currentStart = offset
            }
            if character == "\"" || character == "'" {
                openQuote = character
                if current.isEmpty && firstQuote == nil { firstQuote = character }
            } else if character == "\\" {
                escaped = true
            } else {
                current.append(character)
            }
        }
        self.words = words
        self.partial = current
        self.partialStart = inWord ? currentStart : offset
        self.quote = firstQuote
    }
}
