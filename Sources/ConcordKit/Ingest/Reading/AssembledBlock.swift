/// Lines that together make one paragraph, heading or footnote, as found by
/// ``ParagraphAssembler`` and before ``ParagraphClassifier`` decides what it is.
struct AssembledBlock: Sendable {
    /// Whether the block is body text or a footnote printed at the foot of a page.
    enum Role: Equatable, Sendable {
        case body
        case footnote(marker: String)
    }

    var role: Role
    /// The block's lines, cleaned, in reading order (not yet joined).
    var lines: [String]
    /// The first line began with a tab.
    var isIndented: Bool
    /// The official paragraph number its first line printed (`12.`), if it continues the sequence.
    var number: Int?
    /// Footnote bodies printed inside the block's lines (word-processor exports).
    var inlineFootnotes: [InlineMarkup.Footnote] = []

    init(role: Role, lines: [String], isIndented: Bool = false, number: Int? = nil) {
        self.role = role
        self.lines = lines
        self.isIndented = isIndented
        self.number = number
    }

    /// The last line's text.
    var lastLine: String { lines.last ?? "" }
}

/// Small facts about the end and start of lines that several reading steps share.
enum LineShape {
    /// Words after which a sentence cannot end: a line ending with one continues.
    static let connectors: Set<String> = [
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "its", "of", "on", "or", "that", "the", "their",
        "to", "which", "with", "whose", "between", "into", "under", "upon", "his", "her", "our", "than",
    ]

    /// Characters that may end a sentence or a list item.
    static func isTerminal(_ character: Character) -> Bool {
        ".:;?!…".contains(character)
    }

    /// `true` when `text` ends with a sentence-ending mark, perhaps inside closing quotes or brackets.
    static func endsSentence(_ text: String) -> Bool {
        let trimmed = text.reversed().drop { "”’\"')]»".contains($0) }
        guard let last = trimmed.first else { return false }
        return isTerminal(last)
    }

    /// `true` when the last word of `text` cannot end a sentence (`and`, `of`, `the`…) or it ends with a hyphen.
    static func endsWithConnector(_ text: String) -> Bool {
        if text.hasSuffix("-") { return true }
        let lastWord = text.split(separator: " ").last.map { $0.lowercased() } ?? ""
        return connectors.contains(lastWord)
    }

    /// The official paragraph number at the start of `text` (`12. The…`, `12.\tThe…`, and `12.The…`
    /// where the tab after the number was lost in conversion: then a capital or a quote must follow).
    static func leadingNumber(_ text: String) -> (number: Int, rest: String)? {
        let digits = text.prefix { $0.isASCIIDigit }
        guard (1...3).contains(digits.count), let number = Int(digits) else { return nil }
        let afterDigits = text.dropFirst(digits.count)
        guard afterDigits.first == ".", let next = afterDigits.dropFirst().first else { return nil }
        if next != " " {
            // A word such as "The" or "Ms." must follow: "1.A" and "5.UN" are not paragraph numbers.
            let word = afterDigits.dropFirst().prefix { $0.isLetter }
            guard next == "“" || (word.first?.isUppercase == true && word.dropFirst().first?.isLowercase == true) else {
                return nil
            }
            return (number, String(afterDigits.dropFirst()))
        }
        let rest = afterDigits.dropFirst(2)
        guard let firstOfRest = rest.first, !firstOfRest.isASCIIDigit else { return nil }
        return (number, String(rest))
    }

    /// `true` when `number` plausibly follows `previous` in a document's paragraph numbering.
    static func continuesNumbering(_ number: Int, after previous: Int) -> Bool {
        number > previous && number <= previous + 25
    }
}
