import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// Ingesting is idempotent, and files that are not documents are refused whole.
@Suite struct IngestorTests {
    static let tables = [
        "documents", "paragraphs", "paragraph_search", "entities", "entity_attributes", "aliases", "relations",
        "mentions", "annotations",
    ]

    static func rowCounts(_ knowledgeBase: KnowledgeBase) throws -> [String: Int] {
        try knowledgeBase.read { db in
            var counts: [String: Int] = [:]
            for table in tables { counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1 }
            return counts
        }
    }

    @Test func ingestingTheSameTextAgainChangesNothingEvenUnderAnotherName() throws {
        let (knowledgeBase, _) = try TestKnowledgeBase.seeded()
        let before = try Self.rowCounts(knowledgeBase)
        #expect(before["documents"] == SeedCorpus.files.count)
        let seed = try #require(SeedCorpus.files.first { $0.name.hasPrefix("002") })
        let again = try Ingestor().ingest(text: seed.text, sourceName: seed.name, into: knowledgeBase)
        #expect(again.added == false)
        let renamed = try Ingestor().ingest(text: seed.text, sourceName: "renamed-copy.txt", into: knowledgeBase)
        #expect(renamed.added == false)
        #expect(renamed.documentID == again.documentID)
        #expect(try Self.rowCounts(knowledgeBase) == before)
    }

    @Test func aNewDocumentIsStoredWithItsParagraphsAndFacts() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        let text = "CMW/C/SR.999\n\nThe meeting was called to order at 10 a.m.\n\n1. The Chair opened the meeting.\n\nThe meeting rose at 1 p.m.\n"
        let outcome = try Ingestor().ingest(text: text, sourceName: "sr999.txt", into: knowledgeBase)
        #expect(outcome.added && outcome.paragraphCount == 3)
        let document = try #require(try knowledgeBase.read { db in try Document.fetchOne(db, key: outcome.documentID) })
        #expect(document.symbol == "CMW/C/SR.999")
        #expect(document.documentKind == .summaryRecord)
        #expect(document.meetingStartedAt == "10:00" && document.meetingEndedAt == "13:00")
        let numbered = try knowledgeBase.read { db in
            try Paragraph.filter(Column("document_id") == outcome.documentID && Column("number") == 1).fetchOne(db)
        }
        #expect(numbered?.text == "The Chair opened the meeting.")
        #expect(numbered?.ordinal == 2)
    }

    @Test func filesThatAreNotDocumentsAreRefused() throws {
        let folder = try TestKnowledgeBase.temporaryDirectory()
        #expect(throws: IngestError.unreadable(path: folder + "/missing.txt")) { try Ingestor.text(ofFile: folder + "/missing.txt") }
        #expect(throws: IngestError.unreadable(path: folder)) { try Ingestor.text(ofFile: folder) }
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: folder + "/image.png"))
        #expect(throws: IngestError.unsupportedFormat(path: folder + "/image.png")) { try Ingestor.text(ofFile: folder + "/image.png") }
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x0A, 0x1A, 0x0A, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: folder + "/image.txt"))
        #expect(throws: IngestError.notText(path: folder + "/image.txt")) { try Ingestor.text(ofFile: folder + "/image.txt") }
        try Data([0x41, 0x00, 0x42, 0x01, 0x02, 0x43]).write(to: URL(fileURLWithPath: folder + "/data"))
        #expect(throws: IngestError.notText(path: folder + "/data")) { try Ingestor.text(ofFile: folder + "/data") }
        try " \n\t\n".write(toFile: folder + "/blank.txt", atomically: true, encoding: .utf8)
        #expect(throws: IngestError.empty(path: folder + "/blank.txt")) { try Ingestor.text(ofFile: folder + "/blank.txt") }
    }

    /// The byte-level check counts characters, not bytes: one stray control per hundred characters
    /// is still text even when the characters are multi-byte, one more is not; a NUL never is.
    @Test func textHasAtMostOneControlCharacterInAHundred() {
        func data(_ text: String) -> Data { Data(text.utf8) }
        let hundredAccented = String(repeating: "é", count: 99) + "\u{7}"
        #expect(Ingestor.looksLikeText(data(hundredAccented)))
        #expect(!Ingestor.looksLikeText(data(String(repeating: "é", count: 98) + "\u{7}\u{7}")))
        #expect(Ingestor.looksLikeText(data(String(repeating: "line\r\n\t\u{0C}", count: 10))))
        #expect(!Ingestor.looksLikeText(data(String(repeating: "a", count: 500) + "\u{0}")))
        #expect(Ingestor.looksLikeText(Data()))
    }

    /// Both ways of storing (one document, and batches in the pipeline) defer find's name index
    /// to the end of their transaction: it still holds every name and alias once committed.
    @Test func findsNameIndexHoldsEveryNameAndAliasAfterIngesting() throws {
        let one = try TestKnowledgeBase.empty(), pipelined = try TestKnowledgeBase.empty()
        let seeds = SeedCorpus.files.prefix(2)
        for seed in seeds { try Ingestor().ingest(text: seed.text, sourceName: seed.name, into: one) }
        try Ingestor().ingest(texts: seeds.map { (sourceName: $0.name, text: $0.text) }, into: pipelined)
        for knowledgeBase in [one, pipelined] {
            try knowledgeBase.read { db in
                let names = try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM entities) + (SELECT count(*) FROM aliases)")
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM name_search") == names)
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM name_search_queue") == 0)
                let entity = try #require(try Entity.fetchOne(db, sql: "SELECT * FROM entities WHERE length(name) > 8 LIMIT 1"))
                let found = try String.fetchAll(db, sql: "SELECT entity_id FROM name_search WHERE entity_id = ?", arguments: [entity.id])
                #expect(!found.isEmpty)
            }
        }
    }
}

