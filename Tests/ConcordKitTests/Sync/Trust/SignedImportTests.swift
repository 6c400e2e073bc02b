import Crypto
import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// Import with authenticity: only changes signed by trusted keys apply, relays keep
/// the origin's signatures, and a file with one bad signature applies nothing.
@Suite struct SignedImportTests {
    @Test func aFileFromATrustedReplicaImports() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana"), bo = try SyncFileFixtures.replica(author: "Bo")
        try SyncFileFixtures.trust(ana.signingKey.publicKey, name: "Ana", by: bo)
        let id = try SyncFileFixtures.addPerson("Jane Example", to: ana)
        let outcome = try ChangesetImporter().importFile(at: try SyncFileFixtures.export(ana), into: bo)
        #expect(outcome.applied == 1 && outcome.acceptedWithoutTrust.isEmpty)
        #expect(try SyncFileFixtures.name(of: id, in: bo) == "Jane Example")
        #expect(try bo.read { db in try ReplicaKeyDirectory().key(of: ana.replicaID, in: db) } == ana.signingKey.publicKey)
    }

    @Test func aFileFromAnUnknownKeyIsRefusedNamingItsFingerprint() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana"), bo = try SyncFileFixtures.replica(author: "Bo")
        try SyncFileFixtures.addPerson("Jane Example", to: ana)
        let file = try SyncFileFixtures.export(ana)
        let digest = try SyncFileFixtures.digest(bo)
        #expect(throws: ChangesetFileError.untrustedKey(file: file, fingerprint: ana.signingKey.fingerprint, replica: ana.replicaID)) {
            try ChangesetImporter().importFile(at: file, into: bo)
        }
        let message = ChangesetFileError.untrustedKey(file: file, fingerprint: ana.signingKey.fingerprint, replica: ana.replicaID)
            .localizedDescription
        #expect(message.contains(ana.signingKey.fingerprint) && !message.contains("\n"))
        #expect(try SyncFileFixtures.digest(bo) == digest)
        #expect(try SyncFileFixtures.changeCount(bo) == 0)
        #expect(try bo.read { db in try ReplicaKeyDirectory().key(of: ana.replicaID, in: db) } == nil)
        #expect(try bo.read { db in try PeerDirectory().peers(in: db) }.isEmpty)
    }

    @Test func allowUntrustedAcceptsOnceAndRecordsItWithoutTrusting() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana"), bo = try SyncFileFixtures.replica(author: "Bo")
        let id = try SyncFileFixtures.addPerson("Jane Example", to: ana)
        let file = try SyncFileFixtures.export(ana)
        let outcome = try ChangesetImporter().importFile(at: file, into: bo, allowUntrusted: true)
        #expect(outcome.applied == 1 && outcome.acceptedWithoutTrust == [ana.signingKey.fingerprint])
        #expect(try SyncFileFixtures.name(of: id, in: bo) == "Jane Example")
        let accepted = try bo.read { db in try TrustStore().acceptances(in: db) }
        #expect(accepted.map(\.fingerprint) == [ana.signingKey.fingerprint] && accepted.first?.file == file)
        #expect(accepted.first?.publicKey == ana.signingKey.publicKey)
        #expect(try bo.read { db in try TrustStore().trusted(in: db) }.isEmpty)
        // Not trusted: Ana's next file is refused again.
        try SyncFileFixtures.setSummary("Rapporteur", of: id, in: ana)
        #expect(throws: ChangesetFileError.self) { try ChangesetImporter().importFile(at: try SyncFileFixtures.export(ana), into: bo) }
    }

    @Test func aRelayedFileKeepsTheOriginsSignaturesAndImports() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana"), bo = try SyncFileFixtures.replica(author: "Bo")
        let cy = try SyncFileFixtures.replica(author: "Cy")
        try SyncFileFixtures.trust(ana.signingKey.publicKey, name: "Ana", by: bo)
        let id = try SyncFileFixtures.addPerson("Relayed", to: ana)
        _ = try ChangesetImporter().importFile(at: try SyncFileFixtures.export(ana), into: bo)
        try SyncFileFixtures.addPerson("Bo's own", to: bo)
        let relay = try SyncFileFixtures.export(bo)
        let header = try ChangesetFileReader(path: relay).header
        #expect(header.originReplicaID == bo.replicaID)
        #expect(header.publicKeys == [ana.replicaID: ana.signingKey.publicKey, bo.replicaID: bo.signingKey.publicKey])

        // Cy trusts only Bo: Ana's changes inside Bo's file are refused, naming Ana's key.
        try SyncFileFixtures.trust(bo.signingKey.publicKey, name: "Bo", by: cy)
        #expect(throws: ChangesetFileError.untrustedKey(file: relay, fingerprint: ana.signingKey.fingerprint, replica: ana.replicaID)) {
            try ChangesetImporter().importFile(at: relay, into: cy)
        }
        try SyncFileFixtures.trust(ana.signingKey.publicKey, name: "Ana", by: cy)
        let outcome = try ChangesetImporter().importFile(at: relay, into: cy)
        #expect(outcome.applied == 2)
        #expect(try SyncFileFixtures.name(of: id, in: cy) == "Relayed")
        let original = try #require(try ana.read { db in try ChangeLog().record(replica: ana.replicaID, sequence: 1, in: db) })
        let relayed = try #require(try cy.read { db in try ChangeLog().record(replica: ana.replicaID, sequence: 1, in: db) })
        // Relayed as a run proved by Ana's chain signature, whose chain Cy recomputed.
        #expect(relayed.chainHash == original.chainHash && relayed.chainSignature == original.chainSignature)
        #expect(ChangeChain.isProved(relayed, after: ChangeChain.origin, publicKey: ana.signingKey.publicKey))
    }

    @Test func aFlippedBitInASignatureOrAChangesetRefusesTheWholeFile() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana"), bo = try SyncFileFixtures.replica(author: "Bo")
        try SyncFileFixtures.trustEachOther(ana, bo)
        for index in 1...3 { try SyncFileFixtures.addPerson("Person \(index)", to: ana) }
        let file = try SyncFileFixtures.export(ana)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        let header = try ChangesetFileReader(path: file).header
        #expect(header.rangeProofs.count == 1 && header.rangeProofs.first.map { if case .chain = $0 { true } else { false } } == true)
        let rangeEntry = ChangesetFileFormat.rangeEntrySize(formatVersion: header.formatVersion)
        let cases: [(position: Int, expected: ChangesetFileError)] = [
            // The last byte of the range's chain signature: checked when the range's last change is read.
            (ChangesetFileFormat.headerSize + rangeEntry - 1, .badSignature(file: file, record: 3, replica: ana.replicaID, sequence: 3)),
            // The writer's signature, and the header's version vector (after the ranges).
            (bytes.count - 33, .badWriterSignature(file: file, replica: ana.replicaID)),
            (ChangesetFileFormat.headerSize + header.ranges.count * rangeEntry + 23, .badWriterSignature(file: file, replica: ana.replicaID)),
        ]
        for (position, expected) in cases {
            var damaged = bytes
            damaged[position] ^= 0x01
            // A forger recomputes the SHA-256 trailer; only the signatures can tell.
            damaged.replaceSubrange(damaged.count - 32..<damaged.count, with: Array(SHA256.hash(data: damaged.dropLast(32))))
            try Data(damaged).write(to: URL(fileURLWithPath: file))
            #expect(throws: expected, "flip at \(position)") { try ChangesetImporter().importFile(at: file, into: bo) }
            #expect(try SyncFileFixtures.changeCount(bo) == 0)
        }
        // A change altered after Ana signed it, written into a well-formed file: its chain no longer leads to her signature.
        var records = try ana.read { db in try ChangeLog().records(notCoveredBy: [:], in: db) }
        records[1].summary += " (altered)"
        try ChangesetExporter().write(
            records, to: file, origin: ana.replicaID, vector: [ana.replicaID: 3], baseline: header.baseline,
            signer: ChangesetSigner(knowledgeBase: ana))
        #expect(throws: ChangesetFileError.badSignature(file: file, record: 3, replica: ana.replicaID, sequence: 3)) {
            try ChangesetImporter().importFile(at: file, into: bo)
        }
        #expect(try SyncFileFixtures.changeCount(bo) == 0)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(try ChangesetImporter().importFile(at: file, into: bo).applied == 3)
    }

    @Test func aRecordClaimingAKnownReplicaUnderAnotherKeyIsRefused() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana"), bo = try SyncFileFixtures.replica(author: "Bo")
        try SyncFileFixtures.trustEachOther(ana, bo)
        try SyncFileFixtures.addPerson("Jane Example", to: ana)
        _ = try ChangesetImporter().importFile(at: try SyncFileFixtures.export(ana), into: bo)
        // Mallory, whom Bo even trusts, writes change 2 "of Ana" signed with her own key.
        let mallory = ReplicaSigningKey(), malloryID = ReplicaKeyBinding.derivedReplicaID(for: mallory.publicKey)
        try SyncFileFixtures.trust(mallory.publicKey, name: "Mallory", by: bo)
        var forged = try #require(try ana.read { db in try ChangeLog().record(replica: ana.replicaID, sequence: 1, in: db) })
        forged.sequence = 2
        forged.dependencies = [:]
        forged.signature = try ChangeSignature.sign(forged, with: mallory)
        let file = try SyncFileFixtures.filePath()
        let header = ChangesetFileHeader(
            originReplicaID: malloryID, recordCount: 1, ranges: ChangesetFileHeader.ranges(of: [forged]),
            originVersionVector: [ana.replicaID: 2], baseline: try ana.read { try SyncBaseline.identifier(in: $0) },
            publicKeys: [malloryID: mallory.publicKey, ana.replicaID: mallory.publicKey])
        let writer = try ChangesetFileWriter(path: file, header: header, signingKey: mallory)
        try writer.write(forged)
        try writer.finish()
        let expected = ChangesetFileError.impersonation(
            file: file, replica: ana.replicaID, claimed: mallory.fingerprint, bound: ana.signingKey.fingerprint)
        #expect(throws: expected) { try ChangesetImporter().importFile(at: file, into: bo) }
        #expect(throws: expected) { try ChangesetImporter().importFile(at: file, into: bo, allowUntrusted: true) }
        #expect(expected.localizedDescription.contains(mallory.fingerprint) && expected.localizedDescription.contains(ana.signingKey.fingerprint))
        #expect(try SyncFileFixtures.changeCount(bo) == 1)
    }

    @Test func syncRefusesAnUntrustedFileAndImportsItOnceTrusted() throws {
        let folder = try TestKnowledgeBase.temporaryDirectory() + "/shared"
        let ana = try SyncFileFixtures.replica(author: "Ana"), bo = try SyncFileFixtures.replica(author: "Bo")
        try SyncFileFixtures.addPerson("From Ana", to: ana)
        _ = try SyncFolder().synchronize(folder: folder, knowledgeBase: ana)
        let refused = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        #expect(refused.applied == 0 && refused.refusals.count == 1)
        #expect(refused.refusals.first?.contains(ana.signingKey.fingerprint) == true)
        let again = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        // Tried again, but reported once: only counted now.
        #expect(again.refusals.isEmpty && again.stillRefused == [ana.replicaID: 1] && again.skipped == 0)
        try SyncFileFixtures.trust(ana.signingKey.publicKey, name: "Ana", by: bo)
        let trusted = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        #expect(trusted.refusals.isEmpty && trusted.applied == 1)
    }
}
