/// A document as read from text, before it is stored: what ``DocumentReader`` produces
/// and what the extractor and ``Ingestor`` consume.
public struct ParsedDocument: Sendable, Hashable {
    public var sourceName: String
    public var symbol: String?
    public var kind: DocumentKind
    public var title: String?
    /// ISO 8601 date documents are ordered by: the meeting date if there is one, else the date of issue.
    public var dated: String?
    /// Body, session, meeting number, dates of issue and of the meeting, language.
    public var metadata = DocumentMetadata()
    /// Summary records: `HH:MM` (24-hour) the meeting was called to order / rose.
    public var meetingStartedAt: String?
    public var meetingEndedAt: String?
    /// Every full date the text mentions (ISO 8601), in reading order, each once.
    public var dates: [String]
    public var paragraphs: [ParsedParagraph]
    /// The title page's lines, which became metadata rather than paragraphs ("Held at …",
    /// "Chair: …"): extraction reads the recorded meeting's place, date and Chair from them.
    public var titlePage: [String] = []

    public init(
        sourceName: String, symbol: String? = nil, kind: DocumentKind = .other, title: String? = nil,
        dated: String? = nil, meetingStartedAt: String? = nil, meetingEndedAt: String? = nil,
        paragraphs: [ParsedParagraph] = [], dates: [String] = [], metadata: DocumentMetadata = DocumentMetadata()
    ) {
        self.metadata = metadata
        self.sourceName = sourceName
        self.symbol = symbol
        self.kind = kind
        self.title = title
        self.dated = dated
        self.meetingStartedAt = meetingStartedAt
        self.meetingEndedAt = meetingEndedAt
        self.paragraphs = paragraphs
        self.dates = dates
    }
}

/// One paragraph or heading of a ``ParsedDocument``; `ordinal` counts from 1.
public struct ParsedParagraph: Sendable, Hashable {
    public var ordinal: Int
    /// The official number printed before the paragraph ("12."), if any.
    public var number: Int?
    public var kind: Paragraph.Kind
    /// The nearest heading above this paragraph.
    public var section: String?
    /// The paragraph's text: single-spaced, without its number, page furniture or footnote markers.
    public var text: String
    /// For a footnote, the marker it was printed with (`3`, `*`).
    public var marker: String?

    public init(ordinal: Int, number: Int?, kind: Paragraph.Kind, section: String?, text: String, marker: String? = nil) {
        self.ordinal = ordinal
        self.number = number
        self.kind = kind
        self.section = section
        self.text = text
        self.marker = marker
    }
}
