import GRDB

/// A paragraph (or heading) of a document: the unit that search finds and that
/// mentions, relations and notes point back to.
///
/// `ordinal` is its position in the document (1-based, every paragraph has one);
/// `number` is the official paragraph number printed in the text ("12."), if any.
public struct Paragraph: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "paragraphs"

    /// What a block of text is within its document.
    public enum Kind: String, Codable, Sendable, DatabaseValueConvertible {
        /// A section heading ("Promotion of the Convention", "IV. Summary of information …").
        case heading
        /// Body text.
        case text
        /// A footnote's text.
        case footnote
    }

    /// `<document id>:<ordinal>`.
    public var id: String
    public var documentID: String
    public var ordinal: Int
    public var number: Int?
    public var paragraphKind: Kind
    /// The heading this paragraph stands under, if any.
    public var section: String?
    public var text: String

    enum CodingKeys: String, CodingKey {
        case id, ordinal, number, section, text
        case documentID = "document_id"
        case paragraphKind = "paragraph_kind"
    }

    public init(
        id: String, documentID: String, ordinal: Int, number: Int?, paragraphKind: Kind,
        section: String?, text: String
    ) {
        self.id = id
        self.documentID = documentID
        self.ordinal = ordinal
        self.number = number
        self.paragraphKind = paragraphKind
        self.section = section
        self.text = text
    }

    /// The id of the paragraph at `ordinal` in `documentID`.
    public static func id(documentID: String, ordinal: Int) -> String { "\(documentID):\(ordinal)" }
}
