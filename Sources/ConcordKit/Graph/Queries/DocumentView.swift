import GRDB

/// A document as the `doc` command shows it: its header facts and its paragraphs.
public struct DocumentView: Sendable {
    public var document: Document
    /// All paragraphs in order, or the one asked for.
    public var paragraphs: [Paragraph]
    /// How many paragraphs the whole document has.
    public var paragraphCount: Int
    /// Who says each paragraph, by paragraph id, in a summary record (see ``SpeakerAttribution``).
    public var speakers: [String: SpeakerAttribution.Speaker] = [:]

    /// The short label of the document (`002`).
    public var label: String { DocumentLabel.short(document.sourceName) }
}

/// Builds a ``DocumentView`` from a document reference and an optional paragraph.
public struct DocumentViewQuery: Sendable {
    public init() {}

    /// The document `reference` names (see ``DocumentResolver``), whole or only `paragraph` (`14`, `#3`).
    public func view(_ reference: String, paragraph: String? = nil, in db: Database) throws -> DocumentView {
        let resolver = DocumentResolver()
        let document: Document
        do {
            document = try resolver.document(reference, in: db)
        } catch GraphError.unknownDocument where paragraph == nil && reference.contains(":") {
            // DOCUMENT:PARAGRAPH in one word (doc 002:14).
            let one = try resolver.paragraph(reference, in: db)
            let owner = try resolver.document(one.documentID, in: db)
            let count = try Paragraph.filter(Column("document_id") == owner.id).fetchCount(db)
            return DocumentView(
                document: owner, paragraphs: [one], paragraphCount: count,
                speakers: try SpeakerAttribution().speakers(inDocument: owner.id, in: db))
        }
        let count = try Paragraph.filter(Column("document_id") == document.id).fetchCount(db)
        if let paragraph {
            let one = try resolver.paragraph(paragraph, of: document, in: db)
            return DocumentView(
                document: document, paragraphs: [one], paragraphCount: count,
                speakers: try SpeakerAttribution().speakers(inDocument: document.id, in: db))
        }
        let all = try Paragraph.filter(Column("document_id") == document.id).order(Column("ordinal")).fetchAll(db)
        return DocumentView(
            document: document, paragraphs: all, paragraphCount: count,
            speakers: try SpeakerAttribution().speakers(inDocument: document.id, in: db))
    }
}
