import ConcordBenchKit
import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// The row writer stores exactly the rows (values and their SQLite types, in the same
/// insertion order) that one `insert(db, onConflict: .ignore)` per record stored.
@Suite struct IngestRowWriterTests {
    /// Every stored row of the tables the writer fills, with each value's SQLite type.
    static func rows(_ knowledgeBase: KnowledgeBase) throws -> [String] {
        let tables = ["paragraphs", "entities", "aliases", "entity_attributes", "relations", "mentions", "name_search", "paragraph_search"]
        return try knowledgeBase.read { db in
            try tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT rowid, * FROM \(table) ORDER BY rowid").map { row in
                    table + ": " + row.databaseValues.map { "\($0.storage)" }.joined(separator: "|")
                }
            }
        }
    }

    /// Two documents' extraction, the second repeating entities and rows of the first (ignored).
    static func prepared() throws -> [PreparedDocument] {
        let generator = CorpusGenerator(seed: 11, targetCharacters: 16_000)
        let setup = try TestKnowledgeBase.empty()
        let first = generator.document(0)
        return try [
            Ingestor().prepare(text: first.text, sourceName: first.fileName, for: setup),
            Ingestor().prepare(text: generator.document(1).text, sourceName: "second.txt", for: setup),
        ]
    }

    @Test func storesTheRowsRecordInsertsStore() throws {
        let documents = try Self.prepared()
        let written = try TestKnowledgeBase.empty(), recorded = try TestKnowledgeBase.empty()
        for document in documents {
            let content = try #require(document.content)
            try written.write("rows") { db in
                try content.document.insert(db)
                let rows = IngestRowWriter(db: db)
                try rows.insertParagraphs(content.paragraphs, of: document.documentID)
                try rows.insert(content.graph)
                // The same rows again change nothing.
                try rows.insert(content.graph)
            }
            try recorded.write("records") { db in
                try content.document.insert(db)
                for paragraph in content.paragraphs {
                    try Paragraph(
                        id: Paragraph.id(documentID: document.documentID, ordinal: paragraph.ordinal),
                        documentID: document.documentID, ordinal: paragraph.ordinal, number: paragraph.number,
                        paragraphKind: paragraph.kind, section: paragraph.section, text: paragraph.text
                    ).insert(db)
                }
                let graph = content.graph
                for entity in graph.entities { try entity.insert(db, onConflict: .ignore) }
                for alias in graph.aliases { try alias.insert(db, onConflict: .ignore) }
                for attribute in graph.attributes { try attribute.insert(db, onConflict: .ignore) }
                for relation in graph.relations { try relation.insert(db, onConflict: .ignore) }
                for mention in graph.mentions { try mention.insert(db, onConflict: .ignore) }
            }
        }
        let expected = try Self.rows(recorded)
        #expect(expected.filter { $0.hasPrefix("entities: ") }.count > 5)
        #expect(expected.filter { $0.hasPrefix("mentions: ") }.count > Self.minimumMentions)
        #expect(try Self.rows(written) == expected)
    }

    /// More mentions than one statement holds, so the test crosses a statement boundary.
    static let minimumMentions = IngestRowWriter.rowsPerStatement
}
