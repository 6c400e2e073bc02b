import GRDB

/// Every live relation with the paragraph that states it, as `relations` lists
/// them: subjects and objects are shown as the entities their merge chains end at,
/// and relations that are deleted, or touch a deleted entity, are hidden.
public struct RelationListing: Sendable {
    /// One listed relation.
    public struct Item: Hashable, Sendable {
        public var subjectID: String
        public var subjectName: String
        public var predicate: String
        public var objectID: String
        public var objectName: String
        /// `nil` for a relation added by hand.
        public var sourceName: String?
        public var ordinal: Int?
        public var number: Int?
        /// `extracted` or `edited` (see ``Relation/Source``).
        public var source: String = Relation.Source.extracted.rawValue
        /// The sentence stating the relation, for extracted ones.
        public var evidence: String?
    }

    public init() {}

    /// The live relations, optionally with one predicate, by document, paragraph and subject.
    public func relations(predicate: RelationPredicate? = nil, in db: Database) throws -> [Item] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                WITH RECURSIVE \(EntityGroup.redirectsSQL),
                live AS (
                  SELECT DISTINCT \(EntityGroup.canonical("r.subject_id")) AS subject_id, r.predicate,
                         \(EntityGroup.canonical("r.object_id")) AS object_id, r.paragraph_id, r.source, r.evidence
                  FROM relations r
                  JOIN entities s ON s.id = r.subject_id AND s.is_deleted = 0
                  JOIN entities o ON o.id = r.object_id AND o.is_deleted = 0
                  WHERE r.is_deleted = 0 AND (?1 IS NULL OR r.predicate = ?1)
                )
                SELECT live.subject_id, s.name, live.predicate, live.object_id, o.name, d.source_name, p.ordinal, p.number,
                       live.source, live.evidence
                FROM live
                JOIN entities s ON s.id = live.subject_id AND s.is_deleted = 0
                JOIN entities o ON o.id = live.object_id AND o.is_deleted = 0
                LEFT JOIN paragraphs p ON p.id = live.paragraph_id
                LEFT JOIN documents d ON d.id = p.document_id
                ORDER BY d.source_name IS NULL, d.source_name, p.ordinal, s.name COLLATE NOCASE, live.predicate, o.name COLLATE NOCASE
                """,
            arguments: [predicate?.rawValue])
        return rows.map { row in
            Item(
                subjectID: row[0], subjectName: row[1], predicate: row[2], objectID: row[3], objectName: row[4],
                sourceName: row[5], ordinal: row[6], number: row[7], source: row[8], evidence: row[9])
        }
    }
}
