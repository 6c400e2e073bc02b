import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// Import and export between real replicas: atomic, idempotent, order-tolerant, safe.
@Suite struct ChangesetImportTests {
    @Test func anExportedChangeAppliesOnceAndReimportChangesNothing() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana")
        let bo = try SyncFileFixtures.replica(author: "Bo")
        try SyncFileFixtures.trustEachOther(ana, bo)
        #expect(ana.replicaID != bo.replicaID)
        let id = try SyncFileFixtures.addPerson("Jane Example", to: ana)
        let file = try SyncFileFixtures.export(ana)

        let first = try ChangesetImporter().importFile(at: file, into: bo)
        #expect((first.applied, first.alreadyPresent, first.waiting) == (1, 0, 0))
        #expect(try SyncFileFixtures.name(of: id, in: bo) == "Jane Example")
        #expect(try SyncFileFixtures.digest(bo) == SyncFileFixtures.digest(ana))

        let digest = try SyncFileFixtures.digest(bo)
        let again = try ChangesetImporter().importFile(at: file, into: bo)
        #expect((again.applied, again.alreadyPresent, again.waiting) == (0, 1, 0))
        #expect(try SyncFileFixtures.digest(bo) == digest)
        #expect(try SyncFileFixtures.changeCount(bo) == 1)
    }

    @Test func importedNamesAndAliasesAreFoundRightAfterTheImport() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana")
        let bo = try SyncFileFixtures.replica(author: "Bo")
        try SyncFileFixtures.trustEachOther(ana, bo)
        let id = try SyncFileFixtures.addPerson("Jane Kabedori", to: ana)
        try ana.write("alias and rename") { db in
            try db.execute(sql: "INSERT INTO aliases VALUES (?, 'J. K.', 'j. k.')", arguments: [id])
            try db.execute(sql: "UPDATE entities SET name = 'Jane Kabedori-Luz' WHERE id = ?", arguments: [id])
        }
        let file = try SyncFileFixtures.export(ana)
        let cacheSize = { try bo.database.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") } }
        let cacheBefore = try cacheSize()
        var cacheDuring: Int?
        _ = try ChangesetImporter().importFile(at: file, into: bo, afterApplying: { _, db in
            cacheDuring = try Int.fetchOne(db, sql: "PRAGMA cache_size")
        })
        // The import's larger page cache is the writer connection's only while it runs.
        #expect(cacheDuring == -BulkWritePageCache.kibibytes)
        #expect(try cacheSize() == cacheBefore)
        let (indexed, queued) = try bo.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM name_search WHERE entity_id = ? ORDER BY name", arguments: [id]),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM name_search_queue"))
        }
        #expect(indexed == ["JaneKabedoriLuz", "jk"])
        #expect(queued == 0)
        #expect(try bo.read { db in try EntityFinder().find("Kabedori", in: db) }.map(\.entity.id) == [id])
    }

    @Test func aChangeWhosePredecessorIsMissingWaitsUntilItArrives() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana")
        let bo = try SyncFileFixtures.replica(author: "Bo")
        try SyncFileFixtures.trustEachOther(ana, bo)
        let id = try SyncFileFixtures.addPerson("Jane Example", to: ana)
        let early = try SyncFileFixtures.export(ana, name: "early.concord")
        try SyncFileFixtures.setSummary("Rapporteur", of: id, in: ana)
        let late = try SyncFileFixtures.export(ana, .since([ana.replicaID: 1]), name: "late.concord")

        let second = try ChangesetImporter().importFile(at: late, into: bo)
        #expect((second.applied, second.waiting) == (0, 1))
        #expect(try SyncFileFixtures.name(of: id, in: bo) == nil)
        let waiting = try bo.read { db in try ChangeIntegrator(knowledgeBase: bo).pending(in: db) }
        #expect(waiting.map(\.sequence) == [2])
        #expect(waiting.first?.missing == [ana.replicaID: 1])

        let first = try ChangesetImporter().importFile(at: early, into: bo)
        #expect((first.applied, first.waiting) == (2, 0))
        #expect(try bo.read { db in try String.fetchOne(db, sql: "SELECT summary FROM entities WHERE id = ?", arguments: [id]) } == "Rapporteur")
        #expect(try bo.read { db in try ChangeIntegrator(knowledgeBase: bo).pending(in: db) }.isEmpty)
        #expect(try SyncFileFixtures.digest(bo) == SyncFileFixtures.digest(ana))
    }

    @Test func aTruncatedFileAppliesNothingEvenItsCompleteRecords() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana")
        let bo = try SyncFileFixtures.replica(author: "Bo")
        try SyncFileFixtures.trustEachOther(ana, bo)
        let ids = try (1...3).map { try SyncFileFixtures.addPerson("Person \($0)", to: ana) }
        let file = try SyncFileFixtures.export(ana)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        let digest = try SyncFileFixtures.digest(bo)
        // Format 3's records are one compressed stream: cut it anywhere, about 60 places from header to checksum.
        for length in Array(stride(from: 0, to: bytes.count, by: max(1, bytes.count / 60))) + [bytes.count - 1] {
            try Data(bytes.prefix(length)).write(to: URL(fileURLWithPath: file))
            #expect(throws: ChangesetFileError.self) { try ChangesetImporter().importFile(at: file, into: bo) }
            #expect(try SyncFileFixtures.digest(bo) == digest, "after a cut at byte \(length) of \(bytes.count)")
        }
        #expect(try SyncFileFixtures.changeCount(bo) == 0)
        #expect(try SyncFileFixtures.name(of: ids[0], in: bo) == nil)
    }

    @Test func aFileFromOtherSeedsIsRefused() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana")
        try SyncFileFixtures.addPerson("Jane Example", to: ana)
        let file = try SyncFileFixtures.export(ana)
        let empty = try TestKnowledgeBase.empty()
        let error = #expect(throws: ChangesetFileError.self) { try ChangesetImporter().importFile(at: file, into: empty) }
        guard case .differentBaseline = error else { Issue.record("expected a baseline refusal, got \(String(describing: error))"); return }
        #expect(try SyncFileFixtures.changeCount(empty) == 0)
    }

    @Test func aChangeToATableThatIsNotSyncedIsRefusedBeforeAnythingApplies() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana")
        let bo = try SyncFileFixtures.replica(author: "Bo")
        try SyncFileFixtures.trustEachOther(ana, bo)
        let good = try ana.read { db in try ChangeLog().records(notCoveredBy: [:], in: db) }
        #expect(good.isEmpty)
        try SyncFileFixtures.addPerson("Jane Example", to: ana)
        var records = try ana.read { db in try ChangeLog().records(notCoveredBy: [:], in: db) }
        // A hand-made changeset: INSERT of one text column into a table "nonsense".
        var foreign = records[0]
        foreign.sequence = 2
        foreign.changeset = Data([0x54, 0x01, 0x01] + Array("nonsense".utf8) + [0x00, 0x12, 0x00, 0x03, 0x01, 0x78])
        foreign.signature = try ChangeSignature.sign(foreign, with: ana.signingKey)
        foreign.chainSignature = nil  // proved by its own (format 2) signature; change 1 by Ana's chain signature
        records.append(foreign)
        let file = try SyncFileFixtures.filePath()
        try ChangesetExporter().write(
            records, to: file, origin: ana.replicaID, vector: [ana.replicaID: 2], baseline: try ana.read { try SyncBaseline.identifier(in: $0) },
            signer: ChangesetSigner(knowledgeBase: ana))
        let error = #expect(throws: ChangesetFileError.self) { try ChangesetImporter().importFile(at: file, into: bo) }
        guard case let .unmappableSchema(_, reason) = error else { Issue.record("expected a schema refusal, got \(String(describing: error))"); return }
        #expect(reason.contains("nonsense"))
        #expect(try SyncFileFixtures.changeCount(bo) == 0)
    }

    @Test func exportForAPeerWritesOnlyWhatItLacked() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana")
        let bo = try SyncFileFixtures.replica(author: "Bo")
        try SyncFileFixtures.trustEachOther(ana, bo)
        try SyncFileFixtures.addPerson("From Ana", to: ana)
        _ = try ChangesetImporter().importFile(at: try SyncFileFixtures.export(ana), into: bo)
        try SyncFileFixtures.addPerson("From Bo", to: bo)
        // Bo has never heard from Ana what she has: Ana's file header told it.
        let forAna = try ChangesetExporter().export(to: try SyncFileFixtures.filePath(), selection: .forPeer(String(ana.replicaID.prefix(8))), from: bo)
        #expect(forAna.header.ranges == [.init(replicaID: bo.replicaID, first: 1, last: 1)])
        #expect(forAna.peer == ana.replicaID)
        let everything = try ChangesetExporter().export(to: try SyncFileFixtures.filePath(), selection: .everything, from: bo)
        #expect(everything.header.recordCount == 2)
        #expect(throws: SyncTransportError.unknownPeer("abcdef12")) {
            try ChangesetExporter().export(to: try SyncFileFixtures.filePath(), selection: .forPeer("abcdef12"), from: bo)
        }
    }

    @Test func relayedChangesKeepTheirOriginAndConverge() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana")
        let bo = try SyncFileFixtures.replica(author: "Bo")
        let cy = try SyncFileFixtures.replica(author: "Cy")
        try SyncFileFixtures.trustEachOther(ana, bo, cy)
        let id = try SyncFileFixtures.addPerson("Relayed", to: ana)
        _ = try ChangesetImporter().importFile(at: try SyncFileFixtures.export(ana), into: bo)
        let relay = try SyncFileFixtures.export(bo)
        let outcome = try ChangesetImporter().importFile(at: relay, into: cy)
        #expect(outcome.applied == 1)
        #expect(try cy.read { db in try ChangeLog().versionVector(in: db) } == [ana.replicaID: 1])
        #expect(try SyncFileFixtures.name(of: id, in: cy) == "Relayed")
    }
}
