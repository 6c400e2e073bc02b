import Foundation

/// Turns the raw text of a UN document into paragraphs: joins wrapped lines,
/// repairs words broken across lines, drops running page headers, keeps official
/// paragraph numbers and headings, and recognises the kind of document.
///
/// It reads both layouts UN texts arrive in — lines wrapped at the page width
/// with blank lines between paragraphs (PDF and OCR conversions), and one
/// paragraph per line (word-processor exports) — in four steps:
/// 1. ``SourceLine``: each line cleaned of markup, with page-break hints;
/// 2. ``ParagraphAssembler``: lines grouped into paragraphs and footnotes,
///    page furniture dropped, paragraphs cut by a page break rejoined;
/// 3. ``ParagraphClassifier``: numbers, headings, sections, hyphenation;
/// 4. ``DocumentFacts``: kind, symbol, title, dates and meeting times.
///
/// Before them, ``FrontMatter`` takes the title page (symbol, `Distr.`, dates, languages,
/// body, session, title, Contents) as metadata, so none of it becomes a paragraph.
public struct DocumentReader: Sendable {
    public init() {}

    public func read(text: String, sourceName: String) -> ParsedDocument {
        let allLines = SourceLine.lines(of: text)
        let allTexts = allLines.map(\.text)
        let frontMatter = FrontMatter(lines: allTexts)
        let lines = Array(allLines[frontMatter.bodyStart...])
        let texts = Array(allTexts[frontMatter.bodyStart...])
        let wrapped = Self.isWrapped(texts)
        var assembler = ParagraphAssembler(joinsWrappedLines: wrapped)
        assembler.assemble(lines)
        let vocabulary = DocumentVocabulary(lines: texts)
        let classifier = ParagraphClassifier(
            hyphenation: HyphenationRepair(vocabulary: vocabulary),
            wordRepair: wrapped ? OCRWordRepair(vocabulary: vocabulary) : nil,
            footnoteNumbers: assembler.footnoteNumbers)
        let (paragraphs, notes) = classifier.paragraphs(from: assembler.blocks)
        let openingLines = Array(allTexts.lazy.filter { !$0.isEmpty }.prefix(20))
        let facts = DocumentFacts(
            paragraphs: paragraphs, notes: notes, furnitureSymbols: assembler.furnitureSymbols,
            openingLines: openingLines)
        let symbol = frontMatter.symbol ?? facts.symbol
        var kind = frontMatter.kind ?? facts.kind
        if kind == .other, let bySymbol = symbol.flatMap(FrontMatter.kind(ofSymbol:)) { kind = bySymbol }
        var metadata = frontMatter.metadata
        if kind != .summaryRecord { metadata.meetingNumber = nil }
        if frontMatter.bodyStart == 0, let dated = facts.dated {
            // No title page was read: the date found in the opening lines says which it is by its formula.
            if facts.datedIsMeetingDate { metadata.meetingDate = dated } else { metadata.issueDate = dated }
        }
        var document = ParsedDocument(
            sourceName: sourceName, symbol: symbol, kind: kind, title: frontMatter.title ?? facts.title,
            dated: metadata.meetingDate ?? metadata.issueDate ?? facts.dated, meetingStartedAt: facts.meetingStartedAt,
            meetingEndedAt: facts.meetingEndedAt, paragraphs: paragraphs, dates: facts.dates, metadata: metadata)
        document.titlePage = allTexts[..<frontMatter.bodyStart].filter { !$0.isEmpty }
        return document
    }

    /// `true` when the text is wrapped at a page width: few lines are longer than a
    /// printed line (about 100 characters), where one-paragraph-per-line text has
    /// most of its body lines far longer.
    static func isWrapped(_ lines: [String]) -> Bool {
        let nonBlank = lines.filter { !$0.isEmpty }
        guard !nonBlank.isEmpty else { return false }
        let long = nonBlank.filter { $0.count > 120 }.count
        return Double(long) / Double(nonBlank.count) < 0.2
    }
}
