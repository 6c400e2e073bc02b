import GRDB

/// One ingested text: a summary record, a report, or another document.
///
/// Its id is derived from the text's SHA-256, so ingesting the same file twice,
/// or on two machines, yields the same row.
public struct Document: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "documents"

    public var id: String
    /// The file name the text was read from, e.g. `002_3c71399ce206b54e.txt`.
    public var sourceName: String
    /// The UN document symbol (`CMW/C/SR.452`, `A/66/253`) when the text prints one.
    public var symbol: String?
    public var documentKind: DocumentKind
    public var title: String?
    /// The date the document is about (meeting date, or date of issue), ISO 8601.
    public var dated: String?
    /// For summary records: when the meeting began and rose, `HH:MM` 24-hour.
    public var meetingStartedAt: String?
    public var meetingEndedAt: String?
    public var contentSHA256: String
    public var characterCount: Int
    public var ingestedAt: String

    enum CodingKeys: String, CodingKey {
        case id, symbol, title, dated
        case sourceName = "source_name"
        case documentKind = "document_kind"
        case meetingStartedAt = "meeting_started_at"
        case meetingEndedAt = "meeting_ended_at"
        case contentSHA256 = "content_sha256"
        case characterCount = "character_count"
        case ingestedAt = "ingested_at"
    }

    public init(
        id: String, sourceName: String, symbol: String?, documentKind: DocumentKind, title: String?,
        dated: String?, meetingStartedAt: String?, meetingEndedAt: String?,
        contentSHA256: String, characterCount: Int, ingestedAt: String
    ) {
        self.id = id
        self.sourceName = sourceName
        self.symbol = symbol
        self.documentKind = documentKind
        self.title = title
        self.dated = dated
        self.meetingStartedAt = meetingStartedAt
        self.meetingEndedAt = meetingEndedAt
        self.contentSHA256 = contentSHA256
        self.characterCount = characterCount
        self.ingestedAt = ingestedAt
    }
}

extension DocumentKind: DatabaseValueConvertible {}
