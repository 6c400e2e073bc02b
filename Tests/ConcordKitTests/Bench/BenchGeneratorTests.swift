import ConcordBenchKit
import Foundation
import GRDB
import Testing

@testable import ConcordKit

/// The benchmark's input generators: reproducible from their seed, and shaped so the
/// real code reads them as it reads real documents and bases.
@Suite struct BenchGeneratorTests {
    @Test func sameSeedMakesTheSameDocumentsAndAnotherSeedOthers() {
        let first = CorpusGenerator(seed: 7, targetCharacters: 2_000)
        let again = CorpusGenerator(seed: 7, targetCharacters: 2_000)
        let other = CorpusGenerator(seed: 8, targetCharacters: 2_000)
        for index in [0, 3, 17] {
            #expect(first.document(index).text == again.document(index).text)
            #expect(first.document(index).fileName == again.document(index).fileName)
            #expect(first.document(index).text != other.document(index).text)
        }
        #expect(first.document(1).text != first.document(2).text)
    }

    @Test func generatedDocumentsIngestIntoSummaryRecordsWithSpeakersStatesAndBodies() throws {
        let generator = CorpusGenerator(seed: 11, targetCharacters: 3_000)
        let knowledgeBase = try TestKnowledgeBase.empty()
        let ingestor = Ingestor()
        var symbols: [String] = []
        for index in 0..<6 {
            let document = generator.document(index)
            let outcome = try ingestor.ingest(text: document.text, sourceName: document.fileName, into: knowledgeBase)
            #expect(outcome.added)
            #expect(outcome.paragraphCount > 5)
            symbols.append(String(document.text.split(separator: "\t")[1].split(separator: "\n")[0]))
        }
        let kinds = try knowledgeBase.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT kind FROM entities ORDER BY kind")
        }
        #expect(kinds.contains("person"))
        #expect(kinds.contains("state"))
        #expect(kinds.contains("body"))
        let storedSymbols = try knowledgeBase.read { db in try String.fetchAll(db, sql: "SELECT symbol FROM documents WHERE symbol IS NOT NULL") }
        #expect(!storedSymbols.isEmpty)
        #expect(Set(storedSymbols).isSubset(of: Set(symbols)))
        let summaryRecords = try knowledgeBase.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM documents WHERE document_kind = 'summary_record'")
        }
        #expect((summaryRecords ?? 0) >= 3)
    }

    @Test func theGraphGeneratorWritesTheAskedCountsReproduciblyWithTrueMentionOffsets() throws {
        let size = GraphGenerator.Size(entities: 600, mentions: 2_000, relations: 700, documents: 20)
        let directory = try TestKnowledgeBase.temporaryDirectory()
        let first = try GraphGenerator(seed: 3, size: size).generate(at: directory + "/first.db")
        let second = try GraphGenerator(seed: 3, size: size).generate(at: directory + "/second.db")
        #expect(first == second)
        #expect(first.entities == 600)
        #expect(first.paragraphs == 200)
        #expect(first.mentions == 2_000)
        #expect(first.relations > 650 && first.relations <= 700)

        let knowledgeBase = try KnowledgeBase.open(path: directory + "/first.db", author: "tester")
        try knowledgeBase.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.text, m.start_offset, m.end_offset, m.surface_text FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id
                """)
            for row in rows {
                let scalars = Array((row["text"] as String).unicodeScalars)
                let surface = String(String.UnicodeScalarView(scalars[(row["start_offset"] as Int)..<(row["end_offset"] as Int)]))
                #expect(surface == row["surface_text"] as String)
            }
            let kinds = try String.fetchAll(db, sql: "SELECT DISTINCT kind FROM entities ORDER BY kind")
            #expect(kinds == ["body", "event", "instrument", "person", "state"])
            let unmatched = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM entities e WHERE NOT EXISTS (SELECT 1 FROM aliases a WHERE a.entity_id = e.id AND a.alias = e.name)
                """)
            #expect(unmatched == 0)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let word = try #require(try String.fetchOne(db, sql: "SELECT text FROM paragraphs LIMIT 1")?.split(separator: " ").first)
            let found = try Int.fetchOne(db, sql: "SELECT count(*) FROM paragraph_search WHERE paragraph_search MATCH ?", arguments: [String(word)])
            #expect((found ?? 0) > 0)
        }
        // Names are found the way the commands find them.
        let names = EntityNames(seed: 3, count: 600)
        for index in [0, 250, 599] {
            let resolved = try knowledgeBase.read { db in try EntityResolver().resolve(names[index].name, in: db) }
            #expect(resolved.id == names[index].id)
        }
        try knowledgeBase.close()
    }
}
