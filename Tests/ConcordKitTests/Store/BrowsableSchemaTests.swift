import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// v13 (``BrowsableSchema``): the paragraph index is external content of `paragraphs`, as
/// Datasette looks for it; search finds the same hits before and after; the views show what
/// their names say; every trigger reads in `.schema`.
@Suite struct BrowsableSchemaTests {
    static let queries = ["migrant workers", "committee", "enforced disappearance", "the", "rights", "disappearance*", "of the"]

    /// The query `search` ran on v12, where the index held its own copy of each paragraph
    /// and its id (`paragraph_search.paragraph_id`).
    static let v12SearchSQL = ParagraphSearch.rankedSQL.replacingOccurrences(
        of: "p.rowid = paragraph_search.rowid", with: "p.id = paragraph_search.paragraph_id")

    /// A v12 database holding the seeded knowledge base's rows, with paragraphs inserted in
    /// another order than the seeded base's and a few removed (gaps in the rowids).
    static func v12Copy() throws -> DatabaseQueue {
        let seeded = try TestKnowledgeBase.seededCopyPath()
        let queue = try DatabaseQueue(path: try TestKnowledgeBase.temporaryDirectory() + "/v12.db")
        try StoreSchema.migrator.migrate(queue, upTo: FindIndexSchema.migrationName)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS seeded", arguments: [seeded])
            // The seeded base is at the newest version: copy only the columns v12 has.
            func copy(_ table: String, orderedBy order: String = "rowid") throws -> String {
                let columns = try String.fetchAll(db, sql: "SELECT name FROM main.pragma_table_info(?)", arguments: [table])
                    .joined(separator: ", ")
                return "INSERT INTO main.\(table) (\(columns)) SELECT \(columns) FROM seeded.\(table) ORDER BY \(order);"
            }
            let copies = (try copy("documents"), try copy("paragraphs", orderedBy: "text"),
                          try ["entities", "aliases", "relations", "mentions"].map { try copy($0) }.joined(separator: "\n"))
            try db.inTransaction {
                try db.execute(sql: """
                    \(copies.0)
                    INSERT INTO paragraphs (id, document_id, ordinal, number, paragraph_kind, section, text)
                      VALUES ('doc:gone:1', (SELECT min(id) FROM documents), 9001, NULL, 'text', NULL, 'migrant workers removed'),
                             ('doc:gone:2', (SELECT min(id) FROM documents), 9002, NULL, 'text', NULL, 'committee removed');
                    \(copies.1)
                    DELETE FROM paragraphs WHERE id LIKE 'doc:gone:%';
                    \(copies.2)
                    """)
                return .commit
            }
            try db.execute(sql: "DETACH DATABASE seeded")
        }
        return queue
    }

    /// Each query's hits as text: paragraph id, snippet and rank's bits.
    static func hits(_ sql: String, in queue: DatabaseQueue) throws -> [String] {
        try queue.read { db in
            try queries.flatMap { query in
                let expression = try #require(ParagraphSearch.matchExpression(for: query))
                let statement = try BestRowsFunction.statement(sql, in: db)
                return try Row.fetchAll(statement, arguments: [expression, 20, "[", "]", expression]).map { row in
                    let rank: Int64 = row[6]
                    return "\(query)|\(row[2] as String)|\(row[5] as String)|\(rank)"
                }
            }
        }
    }

    @Test func migratingAv12BaseKeepsEverySearchHitItsSnippetAndRank() throws {
        let queue = try Self.v12Copy()
        let before = try Self.hits(Self.v12SearchSQL, in: queue)
        #expect(before.count > 100)
        try StoreSchema.migrator.migrate(queue)
        #expect(try Self.hits(ParagraphSearch.rankedSQL, in: queue) == before)
        try queue.write { db in try db.execute(sql: "INSERT INTO paragraph_search (paragraph_search) VALUES ('integrity-check')") }
        try queue.close()
    }

    @Test func theIndexIsExternalContentOfParagraphsAsDatasetteDetectsIt() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        try knowledgeBase.read { db in
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'paragraph_search'") ?? ""
            #expect(sql.contains("content=\"paragraphs\""))
            // Datasette's own detection query (datasette.utils.detect_fts_sql), for the table `paragraphs`.
            let detected = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE rootpage = 0
                AND (sql LIKE '%VIRTUAL TABLE%USING FTS%content="paragraphs"%'
                     OR sql LIKE '%VIRTUAL TABLE%USING FTS%content=[paragraphs]%'
                     OR (tbl_name = 'paragraphs' AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))
                """)
            #expect(detected == ["paragraph_search"])
            // The text is stored once: no content table of the index's own.
            #expect(try !db.tableExists("paragraph_search_content"))
        }
        try knowledgeBase.close()
    }

    @Test func writesToParagraphsKeepTheIndexCurrent() throws {
        let (knowledgeBase, path) = try TestKnowledgeBase.seeded()
        try knowledgeBase.close()
        let queue = try DatabaseQueue(path: path)
        let found = { (word: String) in
            try queue.read { db in
                try String.fetchAll(db, sql: """
                    SELECT p.id FROM paragraph_search JOIN paragraphs p ON p.rowid = paragraph_search.rowid
                    WHERE paragraph_search MATCH ? ORDER BY p.id
                    """, arguments: [word])
            }
        }
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO paragraphs (id, document_id, ordinal, paragraph_kind, text)
                  VALUES ('doc:x:1', (SELECT min(id) FROM documents), 9001, 'text', 'zanzibarian quokkas');
                """)
        }
        #expect(try found("quokka") == ["doc:x:1"])
        try queue.write { db in try db.execute(sql: "UPDATE paragraphs SET text = 'wombats only' WHERE id = 'doc:x:1'") }
        #expect(try found("quokka").isEmpty && found("wombat") == ["doc:x:1"])
        try queue.write { db in try db.execute(sql: "DELETE FROM paragraphs WHERE id = 'doc:x:1'") }
        #expect(try found("wombat").isEmpty)
        try queue.write { db in try db.execute(sql: "INSERT INTO paragraph_search (paragraph_search) VALUES ('integrity-check')") }
        try queue.close()
    }

    @Test func vacuumKeepsTheRowidsTheIndexReadsParagraphsBy() throws {
        let queue = try Self.v12Copy()
        try StoreSchema.migrator.migrate(queue)
        let before = try Self.hits(ParagraphSearch.rankedSQL, in: queue)
        let rowids = { try queue.read { db in try String.fetchAll(db, sql: "SELECT rowid || id FROM paragraphs ORDER BY id") } }
        let beforeRowids = try rowids()
        let copy = try TestKnowledgeBase.temporaryDirectory() + "/vacuumed-into.db"
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "VACUUM INTO ?", arguments: [copy])
        }
        #expect(try rowids() == beforeRowids)
        #expect(try Self.hits(ParagraphSearch.rankedSQL, in: queue) == before)
        try queue.close()
        let vacuumed = try DatabaseQueue(path: copy)
        #expect(try Self.hits(ParagraphSearch.rankedSQL, in: vacuumed) == before)
        try vacuumed.write { db in try db.execute(sql: "INSERT INTO paragraph_search (paragraph_search) VALUES ('integrity-check')") }
        try vacuumed.close()
    }

    @Test func everyTriggerReadsInTheSchemaAndOnlyOneReducesNames() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        let triggers = try knowledgeBase.read { db in
            try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
                .map { ($0["name"] as String, $0["sql"] as String) }
        }
        #expect(triggers.count == 13)
        for (name, sql) in triggers {
            let longest = sql.split(separator: "\n").map(\.count).max() ?? 0
            #expect(longest <= 120, "\(name): a line of \(longest) characters")
            let nested = sql.components(separatedBy: "replace(").count - 1
            #expect(nested <= (name == "name_search_changes_reduce" ? 20 : 1), "\(name): \(nested) replace calls")
        }
        try knowledgeBase.close()
    }
}

/// Datasette itself, when installed (`pip install datasette`), offers search on `paragraphs`
/// and lists the views.
@Suite(.enabled(if: DatasetteOnPath.isAvailable, "datasette is not installed"))
struct DatasetteTests {
    /// Datasette's answer to `path` (as `datasette serve --get`, without a server), as JSON.
    static func get(_ path: String, database: String) throws -> [String: Any] {
        let result = try ChildProcess.run(["datasette", "serve", database, "--get", path])
        #expect(result.status == 0, "\(String(decoding: result.errors, as: UTF8.self))")
        return try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
    }

    @Test func searchingParagraphsInDatasetteFindsWhatTheIndexFinds() throws {
        let (knowledgeBase, path) = try TestKnowledgeBase.seeded()
        let matching = try knowledgeBase.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM paragraph_search WHERE paragraph_search MATCH 'migrant'")
        }
        try knowledgeBase.close()
        let found = try Self.get("/concord/paragraphs.json?_search=migrant&_size=1", database: path)
        #expect(found["filtered_table_rows_count"] as? Int == matching)
        #expect((matching ?? 0) > 100)
        let database = try Self.get("/concord.json", database: path)
        let views = (database["views"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(Set(["live_entities", "named_relations", "named_mentions", "paragraph_places", "entity_merges"]).isSubset(of: views))
    }
}

/// Whether `datasette` runs from `PATH`.
enum DatasetteOnPath {
    static var isAvailable: Bool {
        (try? ChildProcess.run(["datasette", "--version"]).status) == 0
    }
}
