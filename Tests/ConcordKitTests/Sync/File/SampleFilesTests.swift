import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// The changeset files in `sync/samples/` (signed, format 2) and `sync/samples/v1/`
/// (unsigned, format 1) were written by earlier Concords (see `sync/samples/make-samples.sh`).
/// This version must still read them and reach the same result whatever order they
/// arrive in: the signed ones once their writers' keys are trusted, the unsigned ones
/// only with `--allow-untrusted`.
@Suite struct SampleFilesTests {
    static let samples = TestKnowledgeBase.repositoryRoot + "/sync/samples"
    static let unsignedSamples = samples + "/v1"
    static let files = ["01-ana-adds.concord", "02-bo-edits.concord", "03-ana-concurrent.concord"]

    /// A fresh reader that trusts the keys the signed samples' writers published.
    static func reader() throws -> KnowledgeBase {
        let knowledgeBase = try SyncFileFixtures.replica(author: "Reader")
        for file in files {
            let header = try ChangesetFileReader(path: samples + "/" + file).header
            let key = try #require(header.publicKeys[header.originReplicaID])
            if try knowledgeBase.read({ db in try TrustStore().isTrusted(key, in: db) }) { continue }
            try SyncFileFixtures.trust(key, name: "writer of \(file)", by: knowledgeBase)
        }
        return knowledgeBase
    }

    @Test(arguments: [[0, 1, 2], [2, 1, 0], [1, 2, 0]])
    func samplesImportInAnyOrderToTheSameResult(order: [Int]) throws {
        let knowledgeBase = try Self.reader()
        for index in order {
            _ = try ChangesetImporter().importFile(at: Self.samples + "/" + Self.files[index], into: knowledgeBase)
        }
        try Self.expectSampleContent(in: knowledgeBase)
        #expect(try SyncFileFixtures.digest(knowledgeBase) == Self.referenceDigest())
    }

    @Test(arguments: [[0, 1, 2], [2, 1, 0]])
    func unsignedSamplesImportOnlyWhenAllowedAndReachTheSameResult(order: [Int]) throws {
        let knowledgeBase = try Self.reader()
        for index in order {
            let path = Self.unsignedSamples + "/" + Self.files[index]
            let before = try SyncFileFixtures.changeCount(knowledgeBase)
            let error = #expect(throws: ChangesetFileError.self) { try ChangesetImporter().importFile(at: path, into: knowledgeBase) }
            #expect(error?.localizedDescription.contains("unsigned") == true)
            #expect(try SyncFileFixtures.changeCount(knowledgeBase) == before)
            let outcome = try ChangesetImporter().importFile(at: path, into: knowledgeBase, allowUntrusted: true)
            #expect(outcome.acceptedWithoutTrust == ["unsigned"])
        }
        try Self.expectSampleContent(in: knowledgeBase)
        let accepted = try knowledgeBase.read { db in try TrustStore().acceptances(in: db) }
        #expect(accepted.map(\.fingerprint) == ["unsigned", "unsigned", "unsigned"])
        #expect(try knowledgeBase.read { db in try TrustStore().trusted(in: db) }.count == 2)
    }

    /// What the three samples make, signed or not: the person, alias, place, note, one open conflict.
    static func expectSampleContent(in knowledgeBase: KnowledgeBase) throws {
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
    }

    /// The digest after importing the samples in their natural order.
    static func referenceDigest() throws -> String {
        let knowledgeBase = try reader()
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
