import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// Schema v14 adds the source and title-page columns to `documents`, keeps the rows already
/// there (with NULL in the new columns), and `Document` round-trips through them.
@Suite struct DocumentMetadataSchemaTests {
    static let addedColumns = [
        "source_format", "source_sha256", "body", "session", "meeting_number", "issue_date", "meeting_date", "language",
    ]

    @Test func v14AddsTheColumnsAndKeepsEarlierRows() throws {
        let queue = try DatabaseQueue()
        let before = StoreSchema.migrator.migrations.firstIndex(of: DocumentMetadataSchema.migrationName).map {
            StoreSchema.migrator.migrations[$0 - 1]
        }
        let previous = try #require(before)
        try StoreSchema.migrator.migrate(queue, upTo: previous)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO documents (id, source_name, document_kind, content_sha256, character_count, ingested_at)
                VALUES ('doc:1', 'old.txt', 'other', 'abc', 3, '2026-01-01T00:00:00Z')
                """)
        }
        try StoreSchema.migrator.migrate(queue)
        let columns = try queue.read { db in try db.columns(in: "documents").map(\.name) }
        #expect(Array(columns.suffix(Self.addedColumns.count)) == Self.addedColumns)
        let old = try queue.read { db in try Document.fetchOne(db, key: "doc:1") }
        #expect(old?.sourceName == "old.txt" && old?.sourceFormat == nil && old?.metadata == DocumentMetadata())
    }

    @Test func aDocumentRoundTripsWithItsMetadata() throws {
        let queue = try DatabaseQueue()
        try StoreSchema.migrator.migrate(queue)
        var document = Document(
            id: "doc:2", sourceName: "sr.pdf", symbol: "CRC/C/SR.1846", documentKind: .summaryRecord,
            title: "Summary record of the 1846th meeting", dated: "2014-01-13", meetingStartedAt: "10:15",
            meetingEndedAt: nil, contentSHA256: "def", characterCount: 10, ingestedAt: "2026-01-01T00:00:00Z")
        document.sourceFormat = .pdf
        document.sourceSHA256 = "0123"
        document.metadata = DocumentMetadata(
            body: "Committee on the Rights of the Child", session: "Sixty-fifth session", meetingNumber: 1846,
            issueDate: "2014-03-27", meetingDate: "2014-01-13", language: "English")
        try queue.write { db in try document.insert(db) }
        #expect(try queue.read { db in try Document.fetchOne(db, key: "doc:2") } == document)
    }
}

/// Word's numbering formats and HTML's character references, which the fixtures show only in part.
@Suite struct DocumentFormatPiecesTests {
    @Test func wordNumberingFormats() {
        #expect(DOCXNumbering.formatted(3, as: "lowerLetter") == "c")
        #expect(DOCXNumbering.formatted(28, as: "lowerLetter") == "bb")
        #expect(DOCXNumbering.formatted(4, as: "lowerRoman") == "iv")
        #expect(DOCXNumbering.formatted(14, as: "upperRoman") == "XIV")
        #expect(DOCXNumbering.formatted(12, as: "decimal") == "12")
    }

    @Test func htmlReferencesAndNumberedLists() {
        let html = "<p>1.&nbsp;The Committee&#8217;s &ldquo;view&rdquo; &amp; more</p><ol><li>First</li><li>Second</li></ol><!-- <p>gone</p> -->"
        #expect(HTMLTextExtractor.text(of: html) == "1. The Committee’s “view” & more\n\n1. First\n\n2. Second\n")
    }

    @Test func footnoteReferencesAreRemovedInOnePass() {
        let text = "migrants.3 Recommendations,4 and (a).12 but 2014.5 stays"
        #expect(ParagraphClassifier.removingFootnoteReferences(text, numbers: [3, 4, 12])
            == "migrants. Recommendations, and (a). but 2014.5 stays")
    }
}
