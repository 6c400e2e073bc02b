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
    /// The date documents are ordered by, ISO 8601: ``meetingDate`` when there is one, else ``issueDate``.
    /// Each of those two has one meaning; this one is only a sort key.
    public var dated: String?
    /// For summary records: when the meeting began and rose, `HH:MM` 24-hour.
    public var meetingStartedAt: String?
    public var meetingEndedAt: String?
    /// SHA-256 of the text read (the document's identity).
    public var contentSHA256: String
    public var characterCount: Int
    public var ingestedAt: String
    /// The file format the text was read from.
    public var sourceFormat: DocumentFormat?
    /// SHA-256 of the file's bytes (for a PDF or .docx, not the same as ``contentSHA256``).
    public var sourceSHA256: String?
    /// Further facts from the title page (see ``DocumentMetadata``).
    public var metadata = DocumentMetadata()

    enum CodingKeys: String, CodingKey {
        case id, symbol, title, dated
        case sourceName = "source_name"
        case documentKind = "document_kind"
        case meetingStartedAt = "meeting_started_at"
        case meetingEndedAt = "meeting_ended_at"
        case contentSHA256 = "content_sha256"
        case characterCount = "character_count"
        case ingestedAt = "ingested_at"
        case sourceFormat = "source_format"
        case sourceSHA256 = "source_sha256"
        case body, session, language
        case meetingNumber = "meeting_number"
        case issueDate = "issue_date"
        case meetingDate = "meeting_date"
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

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        sourceName = try container.decode(String.self, forKey: .sourceName)
        symbol = try container.decodeIfPresent(String.self, forKey: .symbol)
        documentKind = try container.decode(DocumentKind.self, forKey: .documentKind)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        dated = try container.decodeIfPresent(String.self, forKey: .dated)
        meetingStartedAt = try container.decodeIfPresent(String.self, forKey: .meetingStartedAt)
        meetingEndedAt = try container.decodeIfPresent(String.self, forKey: .meetingEndedAt)
        contentSHA256 = try container.decode(String.self, forKey: .contentSHA256)
        characterCount = try container.decode(Int.self, forKey: .characterCount)
        ingestedAt = try container.decode(String.self, forKey: .ingestedAt)
        sourceFormat = try container.decodeIfPresent(DocumentFormat.self, forKey: .sourceFormat)
        sourceSHA256 = try container.decodeIfPresent(String.self, forKey: .sourceSHA256)
        metadata = DocumentMetadata(
            body: try container.decodeIfPresent(String.self, forKey: .body),
            session: try container.decodeIfPresent(String.self, forKey: .session),
            meetingNumber: try container.decodeIfPresent(Int.self, forKey: .meetingNumber),
            issueDate: try container.decodeIfPresent(String.self, forKey: .issueDate),
            meetingDate: try container.decodeIfPresent(String.self, forKey: .meetingDate),
            language: try container.decodeIfPresent(String.self, forKey: .language))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(sourceName, forKey: .sourceName)
        try container.encode(symbol, forKey: .symbol)
        try container.encode(documentKind, forKey: .documentKind)
        try container.encode(title, forKey: .title)
        try container.encode(dated, forKey: .dated)
        try container.encode(meetingStartedAt, forKey: .meetingStartedAt)
        try container.encode(meetingEndedAt, forKey: .meetingEndedAt)
        try container.encode(contentSHA256, forKey: .contentSHA256)
        try container.encode(characterCount, forKey: .characterCount)
        try container.encode(ingestedAt, forKey: .ingestedAt)
        try container.encode(sourceFormat, forKey: .sourceFormat)
        try container.encode(sourceSHA256, forKey: .sourceSHA256)
        try container.encode(metadata.body, forKey: .body)
        try container.encode(metadata.session, forKey: .session)
        try container.encode(metadata.meetingNumber, forKey: .meetingNumber)
        try container.encode(metadata.issueDate, forKey: .issueDate)
        try container.encode(metadata.meetingDate, forKey: .meetingDate)
        try container.encode(metadata.language, forKey: .language)
    }
}

/// What a document's title page says about it beside its symbol, kind and title.
public struct DocumentMetadata: Codable, Hashable, Sendable {
    /// The body that issued it or met ("Committee on the Rights of the Child", "Human Rights Council").
    public var body: String?
    /// The session as printed ("Sixty-fourth session", "118th session").
    public var session: String?
    /// For summary records: the meeting's number (1845 for "the 1845th meeting").
    public var meetingNumber: Int?
    /// The date of issue printed on the title page (`Distr.: General 20 November 2013`), ISO 8601.
    public var issueDate: String?
    /// The date the meeting was held (`Held at … on Friday, 4 October 2013`), ISO 8601.
    public var meetingDate: String?
    /// The language of this version ("English"), or the original's when the page names only that.
    public var language: String?

    public init(
        body: String? = nil, session: String? = nil, meetingNumber: Int? = nil, issueDate: String? = nil,
        meetingDate: String? = nil, language: String? = nil
    ) {
        self.body = body
        self.session = session
        self.meetingNumber = meetingNumber
        self.issueDate = issueDate
        self.meetingDate = meetingDate
        self.language = language
    }
}

extension DocumentKind: DatabaseValueConvertible {}
extension DocumentFormat: DatabaseValueConvertible {}
