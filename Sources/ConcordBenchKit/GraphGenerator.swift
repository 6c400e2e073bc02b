import ConcordKit
import Foundation
import GRDB

/// Writes a large knowledge graph straight into a new knowledge-base file through SQL:
/// entities of every kind (invented names from syllables, plus the real States),
/// documents and paragraphs (indexed for search by the schema's own triggers),
/// mentions with true offsets into the paragraph texts, and relations between
/// entities mentioned in the same paragraph, with a Zipf-like skew in how often
/// each entity is mentioned and related.
///
/// Ids, aliases and normalised names are made by the same functions the ingest
/// path uses (``StableID``, ``Alias``, ``NameNormalizer``). The same seed and sizes
/// always give the same graph.
public struct GraphGenerator: Sendable {
    /// How big a graph to make.
    public struct Size: Sendable, Hashable {
        public var entities: Int
        public var mentions: Int
        public var relations: Int
        public var documents: Int
        public var paragraphsPerDocument: Int

        public init(entities: Int, mentions: Int, relations: Int, documents: Int, paragraphsPerDocument: Int = 10) {
            self.entities = entities
            self.mentions = mentions
            self.relations = relations
            self.documents = documents
            self.paragraphsPerDocument = paragraphsPerDocument
        }

        /// 1,000,000 entities, 5,000,000 mentions, 2,000,000 relations in 500,000 paragraphs.
        public static let full = Size(entities: 1_000_000, mentions: 5_000_000, relations: 2_000_000, documents: 50_000)
        /// A fiftieth of ``full``, for smoke tests.
        public static let quick = Size(entities: 20_000, mentions: 100_000, relations: 40_000, documents: 1_000)

        var paragraphs: Int { documents * paragraphsPerDocument }
    }

    /// What was written.
    public struct Counts: Sendable, Hashable {
        public var entities = 0, aliases = 0, documents = 0, paragraphs = 0, mentions = 0, relations = 0
    }

    public let seed: UInt64
    public let size: Size

    public init(seed: UInt64, size: Size) {
        self.seed = seed
        self.size = size
    }

    /// Creates the knowledge base at `path` (which must not exist) and fills it.
    ///
    /// One transaction, prepared statements, with `synchronous=OFF` and `journal_mode=OFF`
    /// while generating; the file is left in WAL mode like any knowledge base.
    public func generate(at path: String) throws -> Counts {
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue)
        let names = EntityNames(seed: seed, count: size.entities)
        var counts = Counts()
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -400000")
            try db.inTransaction {
                let indexes = try Self.dropSecondaryIndexes(db)
                try writeEntities(names, into: db, counts: &counts)
                try writeDocuments(names, into: db, counts: &counts)
                for sql in indexes { try db.execute(sql: sql) }
                return .commit
            }
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        }
        try queue.close()
        let knowledgeBase = try KnowledgeBase.open(path: path, author: "concord-bench")
        try SyncBaseline.adopt(knowledgeBase)
        try knowledgeBase.close()
        return counts
    }

    /// Drops the secondary indexes on the big tables (they are rebuilt at the end, faster
    /// than maintaining them row by row) and returns the SQL that recreates them.
    static func dropSecondaryIndexes(_ db: Database) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('entities', 'aliases', 'mentions', 'relations')
            """)
        for row in rows { try db.execute(sql: "DROP INDEX \(row["name"] as String)") }
        return rows.map { $0["sql"] }
    }

    private func writeEntities(_ names: EntityNames, into db: Database, counts: inout Counts) throws {
        let entity = try db.makeStatement(sql: "INSERT INTO entities (id, kind, name, date) VALUES (?, ?, ?, ?)")
        let alias = try db.makeStatement(sql: "INSERT OR IGNORE INTO aliases (entity_id, alias, normalized_alias) VALUES (?, ?, ?)")
        for index in 0..<size.entities {
            let generated = names[index]
            try entity.execute(arguments: [generated.id, generated.kind.rawValue, generated.name, generated.date])
            counts.entities += 1
            for name in [generated.name] + generated.extraAliases {
                let row = Alias(entityID: generated.id, alias: name)
                try alias.execute(arguments: [row.entityID, row.alias, row.normalizedAlias])
                counts.aliases += 1
            }
        }
    }

    private func writeDocuments(_ names: EntityNames, into db: Database, counts: inout Counts) throws {
        let document = try db.makeStatement(sql: """
            INSERT INTO documents (id, source_name, symbol, document_kind, title, dated, content_sha256, character_count, ingested_at)
            VALUES (?, ?, ?, 'summary_record', ?, ?, ?, ?, '2026-01-01T00:00:00Z')
            """)
        let paragraph = try db.makeStatement(sql: """
            INSERT INTO paragraphs (id, document_id, ordinal, number, paragraph_kind, text) VALUES (?, ?, ?, ?, 'text', ?)
            """)
        let mention = try db.makeStatement(sql: """
            INSERT OR IGNORE INTO mentions (entity_id, paragraph_id, start_offset, end_offset, surface_text) VALUES (?, ?, ?, ?, ?)
            """)
        let relation = try db.makeStatement(sql: """
            INSERT OR IGNORE INTO relations (id, subject_id, predicate, object_id, paragraph_id) VALUES (?, ?, ?, ?, ?)
            """)
        var writer = ParagraphWriter(seed: seed, size: size, names: names)
        for documentIndex in 0..<size.documents {
            let documentID = "doc:" + StableID.hex(["bench", String(seed), String(documentIndex)])
            let made = (1...size.paragraphsPerDocument).map {
                writer.paragraph(number: documentIndex * size.paragraphsPerDocument + $0 - 1)
            }
            try document.execute(arguments: [
                documentID, "bench-\(documentIndex).txt", "BENCH/C/SR.\(documentIndex + 1)",
                "Summary record of meeting \(documentIndex + 1)",
                String(format: "%04d-%02d-%02d", 2000 + documentIndex % 25, 1 + documentIndex % 12, 1 + documentIndex % 28),
                StableID.hex(["content", String(seed), String(documentIndex)], length: 64),
                made.reduce(0) { $0 + $1.text.unicodeScalars.count + 1 },
            ])
            counts.documents += 1
            for (offset, item) in made.enumerated() {
                let paragraphID = Paragraph.id(documentID: documentID, ordinal: offset + 1)
                try paragraph.execute(arguments: [paragraphID, documentID, offset + 1, offset + 1, item.text])
                counts.paragraphs += 1
                for found in item.mentions {
                    try mention.execute(arguments: [found.entityID, paragraphID, found.start, found.end, found.surface])
                    counts.mentions += db.changesCount
                }
                for link in item.relations {
                    let id = Relation.id(subjectID: link.subject, predicate: link.predicate, objectID: link.object, paragraphID: paragraphID)
                    try relation.execute(arguments: [id, link.subject, link.predicate, link.object, paragraphID])
                    counts.relations += db.changesCount
                }
            }
        }
    }
}
