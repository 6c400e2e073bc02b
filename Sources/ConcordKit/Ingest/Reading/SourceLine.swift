/// One line of a document's text, cleaned and annotated with the layout hints
/// the paragraph assembler needs.
struct SourceLine: Sendable {
    /// The line without markup, whitespace collapsed, trimmed.
    var text: String
    /// `true` when the line is the first of a printed page: after a form feed, or
    /// (in text converted from PDF) when it begins with exactly one space.
    var startsPage: Bool
    /// `true` when the line began with a tab (headings and footnotes in word-processor exports).
    var isIndented: Bool
    /// Footnote bodies that were printed inside the line.
    var footnotes: [InlineMarkup.Footnote]

    var isBlank: Bool { text.isEmpty }

    /// Splits `text` into lines and cleans each.
    static func lines(of text: String) -> [SourceLine] {
        rawLines(of: text).map(SourceLine.init(raw:))
    }

    /// The lines of `text` as Foundation's `enumerateLines` gives them — ended by LF, CR,
    /// CRLF, NEL (U+0085), LS (U+2028) or PS (U+2029); no empty line after a final break —
    /// found in one pass over the UTF-8 bytes instead of through `NSString`.
    static func rawLines(of text: String) -> [String] {
        var lines: [String] = []
        let bytes = Array(text.utf8)
        var start = 0, index = 0
        while index < bytes.count {
            let breakLength: Int
            switch bytes[index] {
            case 0x0A: breakLength = 1
            case 0x0D: breakLength = index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            case 0xC2: breakLength = index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
            case 0xE2:
                breakLength = index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) ? 3 : 0
            default: breakLength = 0
            }
            guard breakLength > 0 else {
                index += 1
                continue
            }
            lines.append(String(decoding: bytes[start..<index], as: UTF8.self))
            index += breakLength
            start = index
        }
        if start < bytes.count { lines.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return lines
    }

    init(raw: String) {
        let formFeed = raw.utf8.contains(0x0C)
        let unicodeScalars = raw.unicodeScalars
        var iterator = unicodeScalars.makeIterator()
        let first = iterator.next()
        let second = iterator.next()
        let oneLeadingSpace = first == " " && second != nil && second != " " && second != "\t"
        let (text, footnotes) = InlineMarkup.clean(raw)
        self.text = Whitespace.collapse(text)
        self.footnotes = footnotes
        self.startsPage = formFeed || (oneLeadingSpace && !self.text.isEmpty)
        self.isIndented = first == "\t"
    }

    init(text: String, startsPage: Bool = false, isIndented: Bool = false) {
        self.text = text
        self.startsPage = startsPage
        self.isIndented = isIndented
        self.footnotes = []
    }
}
