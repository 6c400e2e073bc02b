/// Where paragraphs start in text wrapped at a page width, when no blank line says so:
/// a hard-wrapped resolution or a PDF conversion that lost its paragraph spacing.
///
/// After a line that ends a sentence, a new paragraph starts at the next paragraph number,
/// or at a heading that stands alone (one or two short lines followed by a blank line). In
/// dense text — almost no blank lines — also at a sub-paragraph enumerator (`(a)`, `(iv)`),
/// a section enumerator (`A. Introduction`), an indented line, a clause of a resolution
/// (`Recalling …`, `Decides …` after a line ending with a comma or a semicolon), and after
/// a line that ends a sentence well short of the page width.
struct WrappedLayout: Sendable {
    /// Almost no blank lines separate paragraphs.
    let isDense: Bool
    /// The usual length of a full line (nine lines in ten are no longer).
    let lineWidth: Int

    /// Verbs that open the operative paragraphs of resolutions and decisions.
    static let operativeVerbs: Set<String> = [
        "Acknowledges", "Adopts", "Affirms", "Appeals", "Approves", "Authorizes", "Calls", "Condemns", "Considers",
        "Decides", "Declares", "Deplores", "Emphasizes", "Encourages", "Endorses", "Expresses", "Invites", "Notes",
        "Reaffirms", "Recalls", "Recognizes", "Recommends", "Reiterates", "Requests", "Stresses", "Supports", "Takes",
        "Underlines", "Urges", "Welcomes",
    ]

    init(_ lines: [SourceLine]) {
        var lengths: [Int] = []
        var blanks = 0
        for line in lines {
            if line.isBlank { blanks += 1 } else { lengths.append(line.text.count) }
        }
        isDense = lengths.count >= 5 && blanks * 10 < lengths.count
        lengths.sort()
        lineWidth = lengths.isEmpty ? 0 : lengths[min(lengths.count - 1, lengths.count * 9 / 10)]
    }

    /// Whether line `index` starts a new paragraph after `previous`, the line before it in the same block.
    func startsParagraph(at index: Int, in lines: [SourceLine], after previous: String, lastNumber: Int) -> Bool {
        let text = lines[index].text
        let sentenceEnded = LineShape.endsSentence(previous)
        if sentenceEnded, let leading = LineShape.leadingNumber(text), LineShape.continuesNumbering(leading.number, after: lastNumber) {
            return true
        }
        if sentenceEnded, startsHeadingRun(at: index, in: lines) { return true }
        guard isDense else { return false }
        let clauseEnded = sentenceEnded || Self.endsClause(previous)
        if clauseEnded, Self.startsSubParagraph(text) || lines[index].isIndented { return true }
        if sentenceEnded || previous.last == ",", ParagraphClassifier.sectionEnumerator(of: text) != nil, text.count <= 100,
            !LineShape.endsSentence(text)
        {
            return true
        }
        if clauseEnded, let first = text.split(separator: " ").first,
            first.first?.isUppercase == true, first.hasSuffix("ing") || Self.operativeVerbs.contains(String(first))
        {
            return true
        }
        return sentenceEnded && previous.count * 4 < lineWidth * 3
    }

    /// One or two lines, together short and without a sentence end, then a blank line (or the end).
    private func startsHeadingRun(at index: Int, in lines: [SourceLine]) -> Bool {
        guard lines[index].text.first?.isUppercase == true else { return false }
        var end = index
        while end < lines.count, !lines[end].isBlank, end - index < 3 { end += 1 }
        guard end - index <= 2, end == lines.count || lines[end].isBlank else { return false }
        let run = lines[index..<end].map(\.text).joined(separator: " ")
        guard run.count <= 120, let last = run.last, !LineShape.isTerminal(last), last != "," else { return false }
        return !LineShape.endsWithConnector(run)
    }

    /// `(a)`, `(iv)`, `(12)` followed by a space.
    static func startsSubParagraph(_ text: String) -> Bool {
        guard text.first == "(", let close = text.firstIndex(of: ")") else { return false }
        let inside = text[text.index(after: text.startIndex)..<close]
        guard (1...4).contains(inside.count), inside.allSatisfy({ $0.isLowercase || $0.isASCIIDigit }) else { return false }
        return text[text.index(after: close)...].first == " "
    }

    /// A line ending a clause: a comma, semicolon or colon, perhaps followed by footnote numbers (`Council,1,2`).
    static func endsClause(_ text: String) -> Bool {
        let trimmed = text.reversed().drop { $0.isASCIIDigit || $0 == "," }
        let dropped = text.count - trimmed.count
        if dropped > 0, text.suffix(dropped).contains(",") { return true }
        guard let last = text.last else { return false }
        return last == "," || last == ";" || last == ":"
    }
}
