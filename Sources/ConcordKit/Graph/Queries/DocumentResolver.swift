import GRDB

/// Finds the document or paragraph a user means by a reference typed at the prompt.
///
/// A document is named by its id (`doc:3c71…`), its source file name
/// (`002_3c71399ce206b54e.txt`), its UN symbol (`CMW/C/SR.452`, any case), or the
/// short label of a seed (`002`, see ``DocumentLabel``).
///
/// A paragraph address is `DOCUMENT:N`, the paragraph whose official number is N
/// (`002:14`), or `DOCUMENT:#K`, the K-th paragraph (`002:#3`). In a document
/// without official numbers `DOCUMENT:K` means the K-th paragraph. A paragraph's
/// own id (`doc:…:K`) resolves too when no official number claims it.
///
/// ```swift
/// let paragraph = try DocumentResolver().paragraph("002:14", in: db)
/// ```
public struct DocumentResolver: Sendable {
    public init() {}

    /// The document `reference` names; throws ``GraphError/unknownDocument(_:)`` when none does.
    public func document(_ reference: String, in db: Database) throws -> Document {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw GraphError.unknownDocument(reference) }
        if let byID = try Document.fetchOne(db, key: trimmed) { return byID }
        if let exact = try Document.fetchOne(
            db, sql: "SELECT * FROM documents WHERE source_name = ? OR source_name = ? || '.txt' ORDER BY id LIMIT 1",
            arguments: [trimmed, trimmed])
        {
            return exact
        }
        if let bySymbol = try Document.fetchOne(
            db, sql: "SELECT * FROM documents WHERE upper(symbol) = upper(?) ORDER BY id LIMIT 1", arguments: [trimmed])
        {
            return bySymbol
        }
        let labelled = try Document.fetchAll(db, sql: "SELECT * FROM documents ORDER BY source_name, id")
            .filter { DocumentLabel.short($0.sourceName) == trimmed }
        if let first = labelled.first { return first }
        // A short label typed without its leading zeros ("2" for "002").
        if let number = Int(trimmed) {
            let byNumber = try Document.fetchAll(db, sql: "SELECT * FROM documents ORDER BY source_name, id")
                .filter { Int(DocumentLabel.short($0.sourceName)) == number }
            if byNumber.count == 1 { return byNumber[0] }
        }
        throw GraphError.unknownDocument(reference)
    }

    /// The paragraph at `address` (`DOCUMENT:N` or `DOCUMENT:#K`).
    ///
    /// Throws ``GraphError/unknownDocument(_:)`` when the document part names nothing and
    /// ``GraphError/unknownParagraph(_:)`` when the document has no such paragraph.
    public func paragraph(_ address: String, in db: Database) throws -> Paragraph {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.lastIndex(of: ":") else { throw GraphError.unknownParagraph(address) }
        let documentPart = String(trimmed[..<colon])
        let paragraphPart = String(trimmed[trimmed.index(after: colon)...])
        guard !documentPart.isEmpty, !paragraphPart.isEmpty else { throw GraphError.unknownParagraph(address) }
        let document = try self.document(documentPart, in: db)
        return try paragraph(paragraphPart, of: document, address: address, in: db)
    }

    /// The paragraph `part` (`N`, `#K` or `¶N`) of `document`.
    public func paragraph(_ part: String, of document: Document, address: String? = nil, in db: Database) throws -> Paragraph {
        let reported = address ?? "\(DocumentLabel.short(document.sourceName)):\(part)"
        if part.hasPrefix("#") {
            guard let ordinal = Int(part.dropFirst()) else { throw GraphError.unknownParagraph(reported) }
            guard let paragraph = try byOrdinal(ordinal, of: document, in: db) else { throw GraphError.unknownParagraph(reported) }
            return paragraph
        }
        let digits = part.hasPrefix("¶") ? String(part.dropFirst()) : part
        guard let value = Int(digits) else { throw GraphError.unknownParagraph(reported) }
        if let numbered = try Paragraph.fetchOne(
            db, sql: "SELECT * FROM paragraphs WHERE document_id = ? AND number = ? ORDER BY ordinal LIMIT 1",
            arguments: [document.id, value])
        {
            return numbered
        }
        // Ordinals stand in for numbers only where the document prints none (and for paragraph ids).
        let hasNumbers = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM paragraphs WHERE document_id = ? AND number IS NOT NULL)",
            arguments: [document.id]) ?? false
        let isParagraphID = reported.hasPrefix(document.id + ":")
        if !hasNumbers || isParagraphID, let byOrdinal = try byOrdinal(value, of: document, in: db) {
            return byOrdinal
        }
        throw GraphError.unknownParagraph(reported)
    }

    private func byOrdinal(_ ordinal: Int, of document: Document, in db: Database) throws -> Paragraph? {
        try Paragraph.fetchOne(db, key: Paragraph.id(documentID: document.id, ordinal: ordinal))
    }
}
