import Foundation

/// Turns assembled blocks into the paragraphs of a ``ParsedDocument``: joins their
/// lines (repairing hyphenation), strips official numbers into `number`, tells
/// headings from body text, keeps footnotes apart, and sets each paragraph's section.
struct ParagraphClassifier {
    let hyphenation: HyphenationRepair
    /// Set for OCR'd text: mends split and glued words.
    let wordRepair: OCRWordRepair?
    /// Footnote numbers printed at page feet: the same numbers glued to words in
    /// the body (`migrants.3`) are footnote references, removed from the text.
    let footnoteNumbers: Set<Int>

    /// The document's paragraphs, and the bracketed editorial notes it held
    /// (`[Original: Arabic]`, `[15 July 2010]`), which are not paragraphs.
    func paragraphs(from blocks: [AssembledBlock]) -> (paragraphs: [ParsedParagraph], notes: [String]) {
        var paragraphs: [ParsedParagraph] = []
        var notes: [String] = []
        var section: String?
        var expectedListLetter: Character?
        func add(_ kind: Paragraph.Kind, _ text: String, number: Int? = nil, marker: String? = nil) {
            guard !text.isEmpty else { return }
            // An overlong paragraph continues in unnumbered pieces (see LongParagraphSplitter).
            for (index, piece) in LongParagraphSplitter.pieces(of: text).enumerated() {
                paragraphs.append(ParsedParagraph(
                    ordinal: paragraphs.count + 1, number: index == 0 ? number : nil, kind: kind, section: section,
                    text: piece, marker: index == 0 ? marker : nil))
            }
        }
        for block in blocks {
            switch block.role {
            case let .footnote(marker):
                add(.footnote, clean(joined(block.lines)), marker: marker)
            case .body:
                if block.lines.allSatisfy(Self.isEditorialNote) {
                    notes += block.lines
                    continue
                }
                var text = clean(joined(block.lines))
                if let number = block.number, let leading = LineShape.leadingNumber(text) {
                    add(.text, leading.rest, number: number)
                } else if isHeading(text, lines: block.lines) {
                    for heading in headingLines(block.lines) {
                        section = heading
                        add(.heading, heading)
                    }
                } else {
                    text = ListEnumerator.repair(text, expecting: &expectedListLetter)
                    add(.text, text)
                }
                if let last = paragraphs.last, last.kind == .text {
                    ListEnumerator.track(last.text, expecting: &expectedListLetter)
                }
                for footnote in block.inlineFootnotes { add(.footnote, footnote.text, marker: footnote.marker) }
            }
        }
        return (paragraphs, notes)
    }

    /// The lines as one text, hyphenation repaired, whitespace single.
    func joined(_ lines: [String]) -> String {
        guard var text = lines.first else { return "" }
        for line in lines.dropFirst() { text = hyphenation.join(text, line) }
        return Whitespace.collapse(text)
    }

    private func clean(_ text: String) -> String {
        var result = footnoteNumbers.isEmpty ? text : Self.removingFootnoteReferences(text, numbers: footnoteNumbers)
        if let wordRepair { result = wordRepair.repair(result) }
        return Whitespace.collapse(result)
    }

    /// A heading: short, no sentence end, starts with a capital (or a section
    /// enumerator such as `IV.` or `A.`), and does not end on a connecting word.
    func isHeading(_ text: String, lines: [String]) -> Bool {
        guard let first = text.first, first.isUppercase || first.isNumber else { return false }
        let words = text.split(separator: " ")
        let enumerated = Self.sectionEnumerator(of: text) != nil
        guard text.count <= (enumerated ? 250 : 160), words.count <= (enumerated ? 40 : 25) else { return false }
        guard let last = text.last, !".;:,?!".contains(last) else { return false }
        if LineShape.endsWithConnector(text) || WrappedLayout.endsClause(text) { return false }
        return lines.count <= 4
    }

    /// The headings in a heading block: a line ending with `)` (`… (continued)`)
    /// followed by a capitalised line is two headings; otherwise one, wrapped.
    func headingLines(_ lines: [String]) -> [String] {
        var headings: [[String]] = [[]]
        for line in lines {
            if let previous = headings[headings.count - 1].last, previous.hasSuffix(")"),
                line.first?.isUppercase == true
            {
                headings.append([])
            }
            headings[headings.count - 1].append(line)
        }
        return headings.map { clean(joined($0)) }.filter { !$0.isEmpty }
    }

    /// `IV.` or `A.` at the start of a heading.
    static func sectionEnumerator(of text: String) -> String? {
        let head = text.prefix { $0 != " " }
        guard head.count >= 2, head.last == ".", head.dropLast().allSatisfy({ $0.isUppercase && $0.isLetter }) else { return nil }
        return String(head)
    }

    /// `[Original: Arabic]`, `[15 July 2010]`: editorial notes in brackets on their own line.
    static func isEditorialNote(_ line: String) -> Bool {
        line.hasPrefix("[") && line.hasSuffix("]") && line.count <= 60
    }

    /// Removes footnote reference numbers OCR glued to the end of a word or
    /// sentence (`migrants.3 Recommendations` → `migrants. Recommendations`).
    static func removingFootnoteReferences(_ text: String, numbers: Set<Int>) -> String {
        guard let expression = footnoteReference else { return text }
        let source = text as NSString
        // One pass: the text between references is copied once (replacing each reference in place
        // copied the whole paragraph per match, quadratic on a long one-line text).
        var pieces: [String] = []
        var kept = 0
        for match in expression.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            guard let number = Int(source.substring(with: match.range(at: 1))), numbers.contains(number) else { continue }
            pieces.append(source.substring(with: NSRange(location: kept, length: match.range.location - kept)))
            kept = match.range.location + match.range.length
        }
        guard kept > 0 else { return text }
        pieces.append(source.substring(from: kept))
        return pieces.joined()
    }

    // A letter or `)`, a punctuation mark, then the number (and OCR's stray `>`).
    private static let footnoteReference = try? NSRegularExpression(
        pattern: #"(?<=[a-z)][.,;:])(\d{1,2})>?(?=\s|$)"#)
}
