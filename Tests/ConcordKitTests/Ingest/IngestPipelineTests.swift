import ConcordBenchKit
import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// The pipelined ingest (workers read and extract, one writer stores in order) gives the
/// same knowledge base, row for row and in the same insertion order, as one
/// `ingest(text:)` call per document.
@Suite struct IngestPipelineTests {
    /// Every row of the graph and search tables, in a fixed order, with the entities also in
    /// insertion order (the order in which extraction resolved them); ingest times left out.
    static func contents(_ knowledgeBase: KnowledgeBase) throws -> [String] {
        let queries = [
            """
            SELECT id, source_name, symbol, document_kind, title, dated, meeting_started_at, meeting_ended_at,
                   content_sha256, character_count FROM documents ORDER BY id
            """,
            "SELECT * FROM paragraphs ORDER BY id",
            "SELECT rowid, * FROM entities ORDER BY rowid",
            "SELECT * FROM aliases ORDER BY entity_id, alias",
            "SELECT * FROM entity_attributes ORDER BY entity_id, name",
            "SELECT * FROM relations ORDER BY id",
            "SELECT * FROM mentions ORDER BY paragraph_id, start_offset, entity_id",
            "SELECT p.id, s.sz FROM paragraph_search_docsize s JOIN paragraphs p ON p.rowid = s.id ORDER BY p.id",
        ]
        return try knowledgeBase.read { db in
            try queries.flatMap { sql in
                try Row.fetchAll(db, sql: sql).map { row in
                    row.databaseValues.map(\.description).joined(separator: "|")
                }
            }
        }
    }

    static func corpus(count: Int) -> [(sourceName: String, text: String)] {
        let generator = CorpusGenerator(seed: 7, targetCharacters: 3_000)
        let documents = (0..<count).map { generator.document($0) }
        // One text twice, under another name: the second must be skipped in both paths.
        return documents.map { ($0.fileName, $0.text) } + [("copy-of-first.txt", documents[0].text)]
    }

    @Test func pipelinedIngestStoresWhatOneDocumentAtATimeStores() throws {
        let texts = Self.corpus(count: 24)
        let sequential = try TestKnowledgeBase.empty()
        var sequentialOutcomes: [Ingestor.Outcome] = []
        for (sourceName, text) in texts {
            sequentialOutcomes.append(try Ingestor().ingest(text: text, sourceName: sourceName, into: sequential))
        }
        let pipelined = try TestKnowledgeBase.empty()
        var pipelinedOutcomes: [Ingestor.Outcome] = []
        try Ingestor().ingest(texts: texts, into: pipelined) { pipelinedOutcomes.append($0) }

        #expect(pipelinedOutcomes == sequentialOutcomes)
        #expect(pipelinedOutcomes.last?.added == false)
        let expected = try Self.contents(sequential)
        #expect(expected.count > 1_000)
        #expect(try Self.contents(pipelined) == expected)
    }

    @Test func aFileThatCannotBeReadIsRefusedOnItsOwnAndTheOthersAreStored() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (sourceName, text) in Self.corpus(count: 6).prefix(6) {
            let path = directory.appendingPathComponent(sourceName).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        paths.insert(directory.appendingPathComponent("missing.txt").path, at: 3)
        let knowledgeBase = try TestKnowledgeBase.empty()
        var outcomes: [Ingestor.Outcome] = []
        try Ingestor().ingest(files: paths, into: knowledgeBase) { outcomes.append($0) }
        #expect(outcomes.map(\.sourceName) == paths.map { ($0 as NSString).lastPathComponent })
        #expect(outcomes.map { $0.refusal != nil } == [false, false, false, true, false, false, false])
        #expect(outcomes[3].refusal == IngestError.unreadable(path: paths[3]))
        #expect(try knowledgeBase.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") } == 6)
    }

    /// Stores `texts` through a pipeline that waits for every document before committing, so
    /// they share one transaction; the writer connection refuses to store `refused`.
    static func ingestInOneBatch(
        _ texts: [(sourceName: String, text: String)], refusing refused: String, into knowledgeBase: KnowledgeBase
    ) throws -> [Ingestor.Outcome] {
        try knowledgeBase.database.writeWithoutTransaction { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER refuse_document BEFORE INSERT ON documents WHEN new.source_name = '\(refused)'
                BEGIN SELECT RAISE(ABORT, 'refused for the test'); END
                """)
        }
        var pipeline = IngestPipeline(ingestor: Ingestor())
        pipeline.batchWait = .seconds(60)
        var outcomes: [Ingestor.Outcome] = []
        do {
            try pipeline.run(count: texts.count, into: knowledgeBase, prepare: { index in
                try Ingestor().prepare(text: texts[index].text, sourceName: texts[index].sourceName, for: knowledgeBase)
            }, each: { outcomes.append($0) })
        } catch let error as DatabaseError {
            #expect(error.message == "refused for the test")
            return outcomes
        }
        Issue.record("the refused document was stored")
        return outcomes
    }

    @Test func aDocumentThatFailsInABatchLeavesTheOnesBeforeItStoredAndNothingOfItself() throws {
        let texts = Array(Self.corpus(count: 5).prefix(5))
        let pipelined = try TestKnowledgeBase.empty()
        let outcomes = try Self.ingestInOneBatch(texts, refusing: texts[3].sourceName, into: pipelined)
        #expect(outcomes.map(\.sourceName) == texts.prefix(3).map(\.sourceName))

        let sequential = try TestKnowledgeBase.empty()
        for (sourceName, text) in texts.prefix(3) { try Ingestor().ingest(text: text, sourceName: sourceName, into: sequential) }
        #expect(try Self.contents(pipelined) == Self.contents(sequential))
        // Each stored document is its own change, and the refused one left no change behind.
        let changes = try pipelined.read { db in
            try String.fetchAll(db, sql: "SELECT summary FROM sync_changes WHERE replica_id = ? ORDER BY sequence", arguments: [pipelined.replicaID])
        }
        #expect(changes == texts.prefix(3).map { "ingest \($0.sourceName)" })
        #expect(try pipelined.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test func thePipelineLeavesTheWriterConnectionSettingsAsItFoundThem() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        let settings = { try knowledgeBase.database.writeWithoutTransaction { db in
            try ["cache_size", "temp_store", "wal_autocheckpoint"].map { try Int.fetchOne(db, sql: "PRAGMA \($0)") }
        } }
        let before = try settings()
        try Ingestor().ingest(texts: Array(Self.corpus(count: 2)), into: knowledgeBase)
        #expect(try settings() == before)
        #expect(try knowledgeBase.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") } == 2)
    }
}
