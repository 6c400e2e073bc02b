/// Groups a document's lines into blocks: paragraphs, headings and footnotes.
///
/// It handles both layouts UN texts come in: lines wrapped at the page width with
/// blank lines between paragraphs (PDF conversions), and one paragraph per line
/// (word-processor exports). Along the way it drops page furniture (see
/// ``PageFurniture``), lifts footnotes out of the page foot, and rejoins a paragraph
/// that a page break (with its footnotes, header and footer) cut in two.
struct ParagraphAssembler {
    /// `true` for wrapped text, where consecutive lines belong to one paragraph.
    let joinsWrappedLines: Bool

    private(set) var blocks: [AssembledBlock] = []
    /// Every document symbol printed in a running head or foot, in order.
    private(set) var furnitureSymbols: [String] = []
    /// The numbers of the footnotes found at page feet.
    private(set) var footnoteNumbers: Set<Int> = []

    private var expectedFootnote = 1
    private var lastParagraphNumber = 0
    private var openBlock: Int?
    private var lastBodyBlock: Int?
    /// A page break (form feed, running head or foot, page number) came after the last body line.
    private var pageBreakSinceBody = false
    private var layout = WrappedLayout([])

    init(joinsWrappedLines: Bool) {
        self.joinsWrappedLines = joinsWrappedLines
    }

    /// Reads all `lines`; the result is in ``blocks``.
    mutating func assemble(_ lines: [SourceLine]) {
        layout = WrappedLayout(lines)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                openBlock = nil
                index += 1
                continue
            }
            if line.startsPage { pageBreakSinceBody = true }
            if openBlock == nil || !joinsWrappedLines, let end = readFootnotes(in: lines, from: index) {
                openBlock = nil
                index = end
                continue
            }
            if let furniture = PageFurniture.kind(of: line.text) {
                if case let .symbol(symbol) = furniture { furnitureSymbols.append(symbol) }
                openBlock = nil
                pageBreakSinceBody = true
                index += 1
                continue
            }
            if PageFurniture.isNotice(line.text) {
                openBlock = nil
                index += 1
                continue
            }
            place(line, at: index, in: lines)
            pageBreakSinceBody = false
            index += 1
        }
    }

    /// Adds line `index` of body text to the open paragraph, to the paragraph a page break
    /// interrupted, or as the start of a new block.
    private mutating func place(_ line: SourceLine, at index: Int, in lines: [SourceLine]) {
        let standsAlone = index + 1 == lines.count || lines[index + 1].isBlank
        if let open = openBlock, joinsWrappedLines, !startsNextNumberedParagraph(line.text),
            !startsHeadingAtPageTop(line, standsAlone: standsAlone, after: blocks[open]),
            !layout.startsParagraph(at: index, in: lines, after: blocks[open].lastLine, lastNumber: lastParagraphNumber)
        {
            append(line, to: open)
        } else if let last = lastBodyBlock, continues(blocks[last], with: line.text) {
            append(line, to: last)
            openBlock = last
        } else {
            var number: Int?
            if let leading = LineShape.leadingNumber(line.text),
                LineShape.continuesNumbering(leading.number, after: lastParagraphNumber)
            {
                number = leading.number
                lastParagraphNumber = leading.number
            }
            var block = AssembledBlock(role: .body, lines: [line.text], isIndented: line.isIndented, number: number)
            block.inlineFootnotes = line.footnotes
            blocks.append(block)
            openBlock = blocks.count - 1
            lastBodyBlock = blocks.count - 1
        }
    }

    private mutating func append(_ line: SourceLine, to blockIndex: Int) {
        blocks[blockIndex].lines.append(line.text)
        blocks[blockIndex].inlineFootnotes += line.footnotes
    }

    /// A line inside wrapped text that starts the next official paragraph (`18. It was…`),
    /// as happens when a page break swallowed the blank line before it.
    private func startsNextNumberedParagraph(_ text: String) -> Bool {
        guard let leading = LineShape.leadingNumber(text) else { return false }
        return leading.number == lastParagraphNumber + 1
    }

    /// A heading printed as the first line of a page, right after a paragraph that
    /// ended at the foot of the previous page (no blank line between them survives).
    private func startsHeadingAtPageTop(_ line: SourceLine, standsAlone: Bool, after block: AssembledBlock) -> Bool {
        guard line.startsPage, standsAlone, LineShape.endsSentence(block.lastLine), line.text.count <= 80,
            let last = line.text.last, !LineShape.isTerminal(last), last != ",",
            line.text.first?.isUppercase == true, !LineShape.endsWithConnector(line.text)
        else { return false }
        return true
    }

    /// `true` when `text` carries on `block`, which a page break or a stray blank
    /// line interrupted mid-sentence.
    private func continues(_ block: AssembledBlock, with text: String) -> Bool {
        guard block.role == .body, let first = text.first else { return false }
        let previous = block.lastLine
        if LineShape.endsSentence(previous) { return false }
        if first == "(" || LineShape.leadingNumber(text) != nil { return false }
        if LineShape.endsWithConnector(previous) { return true }
        guard first.isLowercase else { return false }
        // No sentence or heading starts with a small letter: after a page break, it carries the paragraph on.
        if pageBreakSinceBody { return true }
        // A short single line without a full stop is a heading, not a broken sentence.
        return block.lines.count > 1 || previous.count > 100 || previous.hasSuffix(",")
    }
}

extension ParagraphAssembler {
    /// Reads the footnotes at the foot of a page when `start` begins them, appends
    /// them as footnote blocks and returns the index after them; `nil` when `start`
    /// is not a footnote. Numbered footnotes must continue the document's footnote
    /// numbering and be followed by a page break, a running head or foot, or the end.
    private mutating func readFootnotes(in lines: [SourceLine], from start: Int) -> Int? {
        guard let first = footnoteStart(lines, at: start, expecting: expectedFootnote) else { return nil }
        var notes: [(marker: String, lines: [String])] = [(first.marker, first.text.isEmpty ? [] : [first.text])]
        var expected = (Int(first.marker) ?? expectedFootnote - 1) + 1
        var index = start + 1
        var confirmed = first.marker.hasPrefix("*")
        var afterBlank = false
        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                afterBlank = true
                index += 1
                continue
            }
            if let next = footnoteStart(lines, at: index, expecting: expected) {
                notes.append((next.marker, next.text.isEmpty ? [] : [next.text]))
                if let number = Int(next.marker) { expected = number + 1 }
            } else if line.startsPage || PageFurniture.kind(of: line.text) != nil {
                confirmed = true
                break
            } else if afterBlank && !(notes.last?.lines.isEmpty ?? false) {
                break
            } else {
                notes[notes.count - 1].lines.append(line.text)
            }
            afterBlank = false
            index += 1
        }
        if index == lines.count { confirmed = true }
        guard confirmed else { return nil }
        for note in notes {
            blocks.append(AssembledBlock(role: .footnote(marker: note.marker), lines: note.lines))
            if let number = Int(note.marker) { footnoteNumbers.insert(number) }
        }
        if let lastNumber = notes.compactMap({ Int($0.marker) }).last { expectedFootnote = lastNumber + 1 }
        return index
    }

    /// The marker and text when line `index` begins a footnote: `*`/`**` markers, or
    /// the footnote number `expected` followed by text, or alone on its line.
    private func footnoteStart(_ lines: [SourceLine], at index: Int, expecting expected: Int) -> (marker: String, text: String)? {
        let text = lines[index].text
        let stars = text.prefix { $0 == "*" }
        if (1...3).contains(stars.count), text.dropFirst(stars.count).first == " " {
            return (String(stars), String(text.dropFirst(stars.count + 1)))
        }
        let digits = text.prefix { $0.isASCIIDigit }
        guard !digits.isEmpty, Int(digits) == expected else { return nil }
        if digits.count == text.count {
            // A number alone: a footnote marker only when the note's text follows on the same page.
            guard let next = lines[(index + 1)...].first(where: { !$0.isBlank }),
                !next.startsPage, PageFurniture.kind(of: next.text) == nil,
                let firstCharacter = next.text.first, !firstCharacter.isLowercase
            else { return nil }
            return (String(digits), "")
        }
        let rest = text.dropFirst(digits.count)
        guard rest.first == " ", let afterSpace = rest.dropFirst().first, !afterSpace.isASCIIDigit else { return nil }
        return (String(digits), String(rest.dropFirst()))
    }
}
