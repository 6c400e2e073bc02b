import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// The changeset files in `sync/samples/` (format 3: chain-signed ranges, compressed),
/// `sync/samples/v2/` (format 2: a signature per change) and `sync/samples/v1/` (unsigned,
/// format 1) were written by this and earlier Concords (see `sync/samples/make-samples.sh`).
/// This version must still read them all and reach the same result whatever order they
/// arrive in: the signed ones once their writers' keys are trusted, the unsigned ones
/// only with `--allow-untrusted`.
@Suite struct SampleFilesTests {
    static let samples = TestKnowledgeBase.repositoryRoot + "/sync/samples"
    static let unsignedSamples = samples + "/v1"
    /// The signed samples: format 3 (current) and format 2.
    static let signedSamples = [samples, samples + "/v2"]
    static let files = ["01-ana-adds.concord", "02-bo-edits.concord", "03-ana-concurrent.concord"]

    /// A fresh reader that trusts the keys the signed samples' writers published (both formats').
    static func reader() throws -> KnowledgeBase {
        let knowledgeBase = try SyncFileFixtures.replica(author: "Reader")
        for folder in signedSamples {
            for file in files {
                let header = try ChangesetFileReader(path: folder + "/" + file).header
                let key = try #require(header.publicKeys[header.originReplicaID])
                if try knowledgeBase.read({ db in try TrustStore().isTrusted(key, in: db) }) { continue }
                try SyncFileFixtures.trust(key, name: "writer of \(folder.suffix(3))/\(file)", by: knowledgeBase)
            }
        }
        return knowledgeBase
    }

    @Test(arguments: [[0, 1, 2], [2, 1, 0], [1, 2, 0]], [samples, samples + "/v2"])
    func samplesImportInAnyOrderToTheSameResult(order: [Int], folder: String) throws {
        let knowledgeBase = try Self.reader()
        for index in order {
            _ = try ChangesetImporter().importFile(at: folder + "/" + Self.files[index], into: knowledgeBase)
        }
        try Self.expectSampleContent(in: knowledgeBase)
        #expect(try SyncFileFixtures.digest(knowledgeBase) == Self.referenceDigest(folder: folder))
    }

    @Test func theCurrentSamplesAreFormatThreeWithChainProvedRanges() throws {
        for file in Self.files {
            let header = try ChangesetFileReader(path: Self.samples + "/" + file).header
            #expect(header.formatVersion == 3)
            #expect(!header.rangeProofs.isEmpty && header.rangeProofs.allSatisfy { if case .chain = $0 { true } else { false } })
        }
        #expect(try ChangesetFileReader(path: Self.samples + "/v2/" + Self.files[0]).header.formatVersion == 2)
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
        #expect(try knowledgeBase.read { db in try TrustStore().trusted(in: db) }.count == 4)  // Ana and Bo of the format 3 and format 2 samples
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

    /// The digest after importing the samples of `folder` in their natural order.
    static func referenceDigest(folder: String = samples) throws -> String {
        let knowledgeBase = try reader()
        for file in files { _ = try ChangesetImporter().importFile(at: folder + "/" + file, into: knowledgeBase) }
        return try SyncFileFixtures.digest(knowledgeBase)
    }

    @Test func everySampleIsDescribedWithoutBeingApplied() throws {
        let knowledgeBase = try SyncFileFixtures.replica(author: "Reader")
        var descriptions: [ChangesetDescriber.RecordDescription] = []
        for folder in Self.signedSamples + [Self.unsignedSamples] {
            descriptions = []
            for file in Self.files {
                try ChangesetDescriber().describe(file: folder + "/" + file, in: knowledgeBase) { descriptions.append($0) }
            }
            #expect(descriptions.count == 7)
        }
        let changes = descriptions.flatMap(\.changes)
        // Named from the file itself: the entity is not in this knowledge base.
        let added = try #require(changes.first { $0.table == "entities" && $0.operation == "insert" })
        #expect(added.entityName == "Sample Rapporteur")
        #expect(changes.contains { $0.entity == added.entity && $0.fields.contains { $0.field == "place" && $0.old == "NULL" && $0.new == "Geneva" } })
        #expect(try SyncFileFixtures.changeCount(knowledgeBase) == 0)
    }
}
