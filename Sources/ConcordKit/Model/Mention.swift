import GRDB

/// One place in a paragraph where an entity is named.
///
/// Offsets count Unicode code points from the start of the paragraph's text
/// (as Python's `str` indexes do): `text[start..<end] == surfaceText`.
public struct Mention: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "mentions"

    public var entityID: String
    public var paragraphID: String
    public var startOffset: Int
    public var endOffset: Int
    public var surfaceText: String

    enum CodingKeys: String, CodingKey {
        case entityID = "entity_id"
        case paragraphID = "paragraph_id"
        case startOffset = "start_offset"
        case endOffset = "end_offset"
        case surfaceText = "surface_text"
    }

    public init(entityID: String, paragraphID: String, startOffset: Int, endOffset: Int, surfaceText: String) {
        self.entityID = entityID
        self.paragraphID = paragraphID
        self.startOffset = startOffset
        self.endOffset = endOffset
        self.surfaceText = surfaceText
    }
}
