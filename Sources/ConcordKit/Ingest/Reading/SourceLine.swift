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

    /// Splits `text` into lines (LF, CRLF or CR) and cleans each.
    static func lines(of text: String) -> [SourceLine] {
        var result: [SourceLine] = []
        text.enumerateLines { raw, _ in result.append(SourceLine(raw: raw)) }
        return result
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
