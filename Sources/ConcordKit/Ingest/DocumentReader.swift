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
public struct DocumentReader: Sendable {
    public init() {}

    public func read(text: String, sourceName: String) -> ParsedDocument {
        let lines = SourceLine.lines(of: text)
        let texts = lines.map(\.text)
        let wrapped = Self.isWrapped(texts)
        var assembler = ParagraphAssembler(joinsWrappedLines: wrapped)
        assembler.assemble(lines)
        let vocabulary = DocumentVocabulary(lines: texts)
        let classifier = ParagraphClassifier(
            hyphenation: HyphenationRepair(vocabulary: vocabulary),
            wordRepair: wrapped ? OCRWordRepair(vocabulary: vocabulary) : nil,
            footnoteNumbers: assembler.footnoteNumbers)
        let (paragraphs, notes) = classifier.paragraphs(from: assembler.blocks)
        let openingLines = Array(texts.lazy.filter { !$0.isEmpty }.prefix(20))
        let facts = DocumentFacts(
            paragraphs: paragraphs, notes: notes, furnitureSymbols: assembler.furnitureSymbols,
            openingLines: openingLines)
        return ParsedDocument(
            sourceName: sourceName, symbol: facts.symbol, kind: facts.kind, title: facts.title, dated: facts.dated,
            meetingStartedAt: facts.meetingStartedAt, meetingEndedAt: facts.meetingEndedAt, paragraphs: paragraphs,
            dates: facts.dates)
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
