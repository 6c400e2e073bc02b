import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// Chain hashes and range proofs (format 3) across replicas: a relay forwards part of a
/// chain-proved run from the chain hash it keeps, forwards format 2 changes with their own
/// signatures, and the log's chain hashes are what the migration computes.
@Suite struct ChainRelayTests {
    static func proofKinds(_ file: String) throws -> [String] {
        try ChangesetFileReader(path: file).header.rangeProofs.map(\.name)
    }

    @Test func aRelayForwardsTheRestOfARunFromTheChainHashItKeeps() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana"), bo = try SyncFileFixtures.replica(author: "Bo")
        let cy = try SyncFileFixtures.replica(author: "Cy")
        try SyncFileFixtures.trustEachOther(ana, bo, cy)
        try SyncFileFixtures.addPerson("First", to: ana)
        _ = try ChangesetImporter().importFile(at: try SyncFileFixtures.export(ana), into: cy)
        for name in ["Second", "Third"] { try SyncFileFixtures.addPerson(name, to: ana) }
        _ = try ChangesetImporter().importFile(at: try SyncFileFixtures.export(ana), into: bo)
        // Bo forwards Ana's 2…3 to Cy, who has 1: one chain-proved range starting from chain(1).
        let relay = try SyncFileFixtures.filePath("relay.concord")
        let written = try ChangesetExporter().export(to: relay, selection: .since([ana.replicaID: 1]), from: bo)
        #expect(written.header.ranges.map { "\($0.first)-\($0.last)" } == ["2-3"])
        #expect(try Self.proofKinds(relay) == ["chain signature"])
        let outcome = try ChangesetImporter().importFile(at: relay, into: cy)
        #expect(outcome.applied == 2)
        #expect(try SyncFileFixtures.digest(cy) == SyncFileFixtures.digest(ana))
        let kept = try cy.read { db in try ChangeLog().records(notCoveredBy: [:], in: db) }
        let original = try ana.read { db in try ChangeLog().records(notCoveredBy: [:], in: db) }
        #expect(kept.map(\.chainHash) == original.map(\.chainHash))
    }

    @Test func changesReceivedInFormatTwoAreForwardedWithTheirOwnSignatures() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana"), bo = try SyncFileFixtures.replica(author: "Bo")
        let cy = try SyncFileFixtures.replica(author: "Cy")
        try SyncFileFixtures.trustEachOther(ana, bo, cy)
        try SyncFileFixtures.addPerson("Sent in format 2", to: ana)
        // As an earlier Concord wrote it: format 2, a signature per change, no chain proof.
        var records = try ana.read { db in try ChangeLog().records(notCoveredBy: [:], in: db) }
        for index in records.indices {
            records[index].signature = try ChangeSignature.sign(records[index], with: ana.signingKey)
            records[index].chainSignature = nil
        }
        let legacy = try SyncFileFixtures.filePath("legacy.concord")
        let header = ChangesetFileHeader(
            originReplicaID: ana.replicaID, recordCount: records.count, ranges: ChangesetFileHeader.ranges(of: records),
            originVersionVector: try ana.read { db in try ChangeLog().versionVector(in: db) },
            baseline: try ana.read { try SyncBaseline.identifier(in: $0) }, publicKeys: [ana.replicaID: ana.signingKey.publicKey],
            formatVersion: 2)
        let writer = try ChangesetFileWriter(path: legacy, header: header, signingKey: ana.signingKey)
        for record in records { try writer.write(record) }
        try writer.finish()
        _ = try ChangesetImporter().importFile(at: legacy, into: bo)
        try SyncFileFixtures.addPerson("Bo's own", to: bo)

        let relay = try SyncFileFixtures.export(bo)
        let proofs = try ChangesetFileReader(path: relay).header
        #expect(zip(proofs.ranges, proofs.rangeProofs).map { "\($0.replicaID == ana.replicaID ? "ana" : "bo"):\($1.name)" }.sorted()
            == ["ana:per-change signatures", "bo:chain signature"])
        let outcome = try ChangesetImporter().importFile(at: relay, into: cy)
        #expect(outcome.applied == 2)
        let relayed = try #require(try cy.read { db in try ChangeLog().record(replica: ana.replicaID, sequence: 1, in: db) })
        #expect(relayed.signature == records[0].signature && ChangeSignature.isValid(relayed, publicKey: ana.signingKey.publicKey))
        #expect(relayed.chainHash == (try ana.read { db in try ChangeLog().record(replica: ana.replicaID, sequence: 1, in: db) })?.chainHash)
    }

    @Test func theMigrationsBackfillGivesTheChainHashesCaptureComputed() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana"), bo = try SyncFileFixtures.replica(author: "Bo")
        try SyncFileFixtures.trustEachOther(ana, bo)
        for name in ["One", "Two"] { try SyncFileFixtures.addPerson(name, to: ana) }
        _ = try ChangesetImporter().importFile(at: try SyncFileFixtures.export(ana), into: bo)
        for name in ["Three", "Four", "Five"] { try SyncFileFixtures.addPerson(name, to: bo) }
        let hashes = "SELECT replica_id, sequence, hex(chain_hash) FROM sync_changes ORDER BY replica_id, sequence"
        let before = try bo.read { db in try Row.fetchAll(db, sql: hashes) }
        #expect(before.count == 5 && before.allSatisfy { ($0[2] as String?)?.count == 64 })
        try bo.database.write { db in
            try db.execute(sql: "UPDATE sync_changes SET chain_hash = NULL")
            try ChangeChainSchema.backfillChainHashes(in: db)
        }
        #expect(try bo.read { db in try Row.fetchAll(db, sql: hashes) } == before)
    }
}
