import GRDB

/// The paragraphs that mention an entity (or anything merged into it), in reading order.
public struct MentionQuery: Sendable {
    /// One paragraph with every place in it where the entity is named.
    public struct MentionedParagraph: Hashable, Sendable {
        public var place: ParagraphPlace
        public var text: String
        /// Code-point ranges into `text` (as stored in `mentions`), sorted, not overlapping.
        public var ranges: [Range<Int>]
        /// The words as printed, one per range.
        public var surfaces: [String]
    }

    public init() {}

    /// Up to `limit` paragraphs mentioning `entity` (canonical), documents by date then name.
    public func mentions(of entity: Entity, limit: Int = 50, in db: Database) throws -> [MentionedParagraph] {
        let group = try EntityGroup.of(entity, in: db)
        let rows = try Row.fetchAll(
            db,
            sql: """
                WITH chosen AS (
                  SELECT DISTINCT m.paragraph_id FROM mentions m
                  JOIN paragraphs p ON p.id = m.paragraph_id JOIN documents d ON d.id = p.document_id
                  WHERE m.entity_id IN (\(group.placeholders))
                  ORDER BY d.dated IS NULL, d.dated, d.source_name, p.ordinal LIMIT ?)
                SELECT \(ParagraphPlace.columns), p.text, m.start_offset, m.end_offset, m.surface_text
                FROM chosen c JOIN paragraphs p ON p.id = c.paragraph_id JOIN documents d ON d.id = p.document_id
                JOIN mentions m ON m.paragraph_id = p.id AND m.entity_id IN (\(group.placeholders))
                ORDER BY d.dated IS NULL, d.dated, d.source_name, p.ordinal, m.start_offset, m.end_offset DESC
                """,
            arguments: group.arguments + [limit] + group.arguments)
        var result: [MentionedParagraph] = []
        for row in rows {
            guard let place = ParagraphPlace(row: row, startingAt: 0) else { continue }
            let start: Int = row[7], end: Int = row[8]
            if result.last?.place.paragraphID != place.paragraphID {
                result.append(MentionedParagraph(place: place, text: row[6], ranges: [], surfaces: []))
            }
            // Keep ranges apart: a mention inside one already kept (two merged names) is dropped.
            if let last = result[result.count - 1].ranges.last, start < last.upperBound { continue }
            guard start >= 0, end > start else { continue }
            result[result.count - 1].ranges.append(start..<end)
            result[result.count - 1].surfaces.append(row[9])
        }
        return result
    }
}
