import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// `concord ingest FILE` killed with SIGKILL at random moments: the document, its
/// paragraphs, their full-text index and the extracted graph are stored together or
/// not at all, and ingesting again completes.
@Suite(.serialized) struct IngestCrashSafetyTests {
    static let copies = 6
    static let killCount = 16

    /// What a knowledge base holds of the ingested document.
    struct Snapshot: Equatable, CustomStringConvertible {
        var integrity: String
        var searchIndex: String
        var hash: String
        var documents: Int
        var paragraphs: Int
        var indexedParagraphs: Int
        var mentions: Int
        var description: String {
            "integrity \(integrity), index \(searchIndex), \(documents) document, \(paragraphs) paragraphs, \(indexedParagraphs) indexed, \(mentions) mentions, hash \(hash.prefix(12))"
        }
    }

    /// A long made-up document: the longest seed's text several times over, under a title of its own.
    static func makeDocument() throws -> String {
        let seed = try #require(SeedCorpus.files.max { $0.text.count < $1.text.count })
        let text = "Crash-safety test document\n\n" + Array(repeating: seed.text, count: copies).joined(separator: "\n\n")
        let path = try TestKnowledgeBase.temporaryDirectory() + "/777_crash_safety.txt"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func snapshot(_ path: String) throws -> Snapshot {
        // The FTS5 integrity check is written as an INSERT: run it on a plain connection, past change capture.
        let queue = try DatabaseQueue(path: path)
        let searchIndex: String
        do {
            try queue.write { db in try db.execute(sql: "INSERT INTO paragraph_search (paragraph_search) VALUES ('integrity-check')") }
            searchIndex = "ok"
        } catch {
            searchIndex = "\(error)"
        }
        try queue.close()
        let knowledgeBase = try KnowledgeBase.open(path: path, author: "check")
        defer { try? knowledgeBase.close() }
        return try knowledgeBase.read { db in
            let document = "(SELECT id FROM documents WHERE source_name = '777_crash_safety.txt')"
            let count = { (sql: String) in try Int.fetchOne(db, sql: sql) ?? -1 }
            return Snapshot(
                integrity: try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; "),
                searchIndex: searchIndex,
                hash: try ContentHash().digest(in: db),
                documents: try count("SELECT count(*) FROM documents WHERE source_name = '777_crash_safety.txt'"),
                paragraphs: try count("SELECT count(*) FROM paragraphs WHERE document_id IN \(document)"),
                indexedParagraphs: try count(
                    "SELECT count(*) FROM paragraph_search_docsize WHERE id IN (SELECT rowid FROM paragraphs WHERE document_id IN \(document))"),
                mentions: try count(
                    "SELECT count(*) FROM mentions WHERE paragraph_id IN (SELECT id FROM paragraphs WHERE document_id IN \(document))"))
        }
    }

    @Test func killedIngestsStoreTheDocumentWhollyOrNotAtAllAndARetryCompletes() throws {
        let document = try Self.makeDocument()
        let pristine = try TestKnowledgeBase.seededCopyPath()
        let before = try Self.snapshot(pristine)
        #expect(before.documents == 0 && before.paragraphs == 0 && before.integrity == "ok")

        let reference = try TestKnowledgeBase.temporaryDirectory() + "/reference.db"
        try FileManager.default.copyItem(atPath: pristine, toPath: reference)
        let started = Date()
        let full = try ConcordProcess.run(["ingest", document, "--db", reference])
        let duration = Date().timeIntervalSince(started)
        #expect(full.status == 0, "\(full.errors)")
        let after = try Self.snapshot(reference)
        #expect(after.documents == 1 && after.paragraphs > 1000 && after.indexedParagraphs == after.paragraphs && after.mentions > 0)
        #expect(after.integrity == "ok" && after.searchIndex == "ok")
        print("ingest of \(after.paragraphs) paragraphs, \(after.mentions) mentions: \(String(format: "%.2f", duration)) s uninterrupted")

        let outcomes = try CrashRounds(
            arguments: ["ingest", document], pristine: pristine, before: before, after: after, duration: duration,
            inside: 0.95, rounds: Self.killCount, seed: 0x1_9E57, snapshot: { try Self.snapshot($0) }
        ).run()
        print("ingest kills (\(String(format: "%.0f", Date().timeIntervalSince(started))) s in all): \(CrashRounds<Snapshot>.summary(outcomes))")
        // Where each kill lands depends on the machine's speed and load: only "before or after, never
        // between" is guaranteed, and CrashRounds checks that after every kill. The summary above says
        // how many landed inside the transaction this time.
    }
}
