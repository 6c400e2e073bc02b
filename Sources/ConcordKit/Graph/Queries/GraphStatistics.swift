import GRDB

/// Counts that describe a knowledge base, for the `stats` command.
///
/// Entities count once however many were merged into them (merged and deleted
/// entities are left out); relations count when live and between live entities.
public struct GraphStatistics: Hashable, Sendable {
    /// One document in the list: its short label and what it is.
    public struct DocumentSummary: Hashable, Sendable {
        public var label: String
        public var id: String
        public var sourceName: String
        public var symbol: String?
        public var kind: String
        public var dated: String?
        public var paragraphCount: Int
        public var title: String?
        /// The file format it was read from, and the SHA-256 of that file (`nil` before schema v14).
        public var format: String?
        public var sourceSHA256: String?
        public var metadata = DocumentMetadata()
    }

    public var documentCount: Int
    public var paragraphCount: Int
    /// Live, canonical entities by kind, every kind listed.
    public var entitiesByKind: [(kind: String, count: Int)]
    public var relationsByPredicate: [(predicate: String, count: Int)]
    public var mentionCount: Int
    /// Live notes and tags.
    public var noteCount: Int
    public var tagCount: Int
    public var documents: [DocumentSummary]

    public static func == (lhs: GraphStatistics, rhs: GraphStatistics) -> Bool {
        lhs.documentCount == rhs.documentCount && lhs.paragraphCount == rhs.paragraphCount
            && lhs.entitiesByKind.map { "\($0.kind)=\($0.count)" } == rhs.entitiesByKind.map { "\($0.kind)=\($0.count)" }
            && lhs.relationsByPredicate.map { "\($0.predicate)=\($0.count)" } == rhs.relationsByPredicate.map { "\($0.predicate)=\($0.count)" }
            && lhs.mentionCount == rhs.mentionCount && lhs.noteCount == rhs.noteCount && lhs.tagCount == rhs.tagCount
            && lhs.documents == rhs.documents
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(documentCount); hasher.combine(paragraphCount) }
}

/// Computes ``GraphStatistics``.
public struct GraphStatisticsQuery: Sendable {
    public init() {}

    public func statistics(in db: Database) throws -> GraphStatistics {
        var byKind = Dictionary(uniqueKeysWithValues: EntityKind.allCases.map { ($0.rawValue, 0) })
        for row in try Row.fetchAll(
            db, sql: "SELECT kind, count(*) FROM entities WHERE is_deleted = 0 AND merged_into IS NULL GROUP BY kind")
        {
            byKind[row[0]] = row[1]
        }
        let predicates = try Row.fetchAll(
            db,
            sql: """
                WITH RECURSIVE \(EntityGroup.redirectsSQL)
                SELECT r.predicate, count(*) FROM relations r
                JOIN entities s ON s.id = \(EntityGroup.canonical("r.subject_id")) AND s.is_deleted = 0
                JOIN entities o ON o.id = \(EntityGroup.canonical("r.object_id")) AND o.is_deleted = 0
                WHERE r.is_deleted = 0 GROUP BY r.predicate ORDER BY count(*) DESC, r.predicate
                """
        ).map { (predicate: $0[0] as String, count: $0[1] as Int) }
        let documents = try Row.fetchAll(
            db,
            sql: """
                SELECT d.id, d.source_name, d.symbol, d.document_kind, d.dated,
                       (SELECT count(*) FROM paragraphs p WHERE p.document_id = d.id),
                       d.title, d.source_format, d.source_sha256, d.body, d.session, d.meeting_number, d.issue_date,
                       d.meeting_date, d.language
                FROM documents d ORDER BY d.source_name, d.id
                """
        ).map { row in
            let sourceName: String = row[1]
            return GraphStatistics.DocumentSummary(
                label: DocumentLabel.short(sourceName), id: row[0], sourceName: sourceName, symbol: row[2], kind: row[3],
                dated: row[4], paragraphCount: row[5], title: row[6], format: row[7], sourceSHA256: row[8],
                metadata: DocumentMetadata(
                    body: row[9], session: row[10], meetingNumber: row[11], issueDate: row[12], meetingDate: row[13],
                    language: row[14]))
        }
        let count = { (sql: String) in try Int.fetchOne(db, sql: sql) ?? 0 }
        return GraphStatistics(
            documentCount: documents.count,
            paragraphCount: try count("SELECT count(*) FROM paragraphs"),
            entitiesByKind: EntityKind.allCases.map { (kind: $0.rawValue, count: byKind[$0.rawValue] ?? 0) },
            relationsByPredicate: predicates,
            mentionCount: try count("SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.is_deleted = 0"),
            noteCount: try count("SELECT count(*) FROM annotations WHERE annotation_kind = 'note' AND is_deleted = 0"),
            tagCount: try count("SELECT count(*) FROM annotations WHERE annotation_kind = 'tag' AND is_deleted = 0"),
            documents: documents)
    }
}
