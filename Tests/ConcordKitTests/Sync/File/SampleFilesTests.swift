import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// The changeset files in `sync/samples/` were written by an earlier Concord
/// (see `sync/samples/make-samples.sh`). This version must still read them and
/// reach the same result whatever order they arrive in.
@Suite struct SampleFilesTests {
    static let samples = TestKnowledgeBase.repositoryRoot + "/sync/samples"
    static let files = ["01-ana-adds.concord", "02-bo-edits.concord", "03-ana-concurrent.concord"]

    @Test(arguments: [[0, 1, 2], [2, 1, 0], [1, 2, 0]])
    func samplesImportInAnyOrderToTheSameResult(order: [Int]) throws {
        let knowledgeBase = try SyncFileFixtures.replica(author: "Reader")
        for index in order {
            _ = try ChangesetImporter().importFile(at: Self.samples + "/" + Self.files[index], into: knowledgeBase)
        }
        try knowledgeBase.read { db in
            let person = try Row.fetchOne(db, sql: "SELECT * FROM entities WHERE name = 'Sample Rapporteur' AND is_deleted = 0")
            #expect(person?["place"] as String? == "Geneva")
            let id: String = person?["id"] ?? ""
            #expect(try String.fetchAll(db, sql: "SELECT alias FROM aliases WHERE entity_id = ?", arguments: [id]).contains("S. Rapporteur"))
            let note = try Row.fetchOne(db, sql: "SELECT * FROM annotations WHERE body = 'Sample note on a seed paragraph'")
            #expect(note?["author"] as String? == "Ana")
            #expect(try String.fetchOne(db, sql: "SELECT d.source_name FROM paragraphs p JOIN documents d ON d.id = p.document_id WHERE p.id = ?",
                                        arguments: [note?["target_id"] as String? ?? ""])?.hasPrefix("002_") == true)
            let conflicts = try ConflictList(localReplicaID: knowledgeBase.replicaID).conflicts(in: db)
            #expect(conflicts.count == 1)
            #expect(try ChangeIntegrator(knowledgeBase: knowledgeBase).pending(in: db).isEmpty)
            #expect(try ChangeLog().count(in: db) == 7)
        }
        #expect(try SyncFileFixtures.digest(knowledgeBase) == Self.referenceDigest())
    }

    /// The digest after importing the samples in their natural order.
    static func referenceDigest() throws -> String {
        let knowledgeBase = try SyncFileFixtures.replica(author: "Reference")
        for file in files { _ = try ChangesetImporter().importFile(at: samples + "/" + file, into: knowledgeBase) }
        return try SyncFileFixtures.digest(knowledgeBase)
    }

    @Test func everySampleIsDescribedWithoutBeingApplied() throws {
        let knowledgeBase = try SyncFileFixtures.replica(author: "Reader")
        var descriptions: [ChangesetDescriber.RecordDescription] = []
        for file in Self.files {
            try ChangesetDescriber().describe(file: Self.samples + "/" + file, in: knowledgeBase) { descriptions.append($0) }
        }
        #expect(descriptions.count == 7)
        let changes = descriptions.flatMap(\.changes)
        // Named from the file itself: the entity is not in this knowledge base.
        let added = try #require(changes.first { $0.table == "entities" && $0.operation == "insert" })
        #expect(added.entityName == "Sample Rapporteur")
        #expect(changes.contains { $0.entity == added.entity && $0.fields.contains { $0.field == "place" && $0.old == "NULL" && $0.new == "Geneva" } })
        #expect(try SyncFileFixtures.changeCount(knowledgeBase) == 0)
    }
}
