import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// The integrator keeps the version vector, clock and pending flag in memory for one
/// transaction: these tests hold it to giving the same results as reading them each time.
@Suite struct IntegrationCacheTests {
    @Test func oneIntegratorAcrossTransactionsSeesWritesMadeInBetween() throws {
        let ana = try SyncTestReplica.make("ana"), ben = try SyncTestReplica.make("ben")
        let id = try ana.addEntity("Ms. Diallo")
        let integrator = ChangeIntegrator(knowledgeBase: ben.knowledgeBase)
        let first = try ana.changes(missingFrom: ben)
        let firstOutcomes = try ben.knowledgeBase.database.write { db in try first.map { try integrator.integrate($0, in: db) } }
        #expect(firstOutcomes == [.applied])
        // A local write between the transactions moves ben's vector and clock; the same integrator must see it.
        try ben.edit("ben's summary", "UPDATE entities SET summary = 'Rapporteur' WHERE id = ?", [id])
        try ana.edit("ana's place", "UPDATE entities SET place = 'Geneva' WHERE id = ?", [id])
        // Ben's clock is put well ahead of Ana's change (within one millisecond the two could be equal, and a
        // stale cached clock would then go unnoticed): integrating must keep it, not go back to the cached one.
        let clockBefore = try ben.knowledgeBase.database.write { db -> UInt64 in
            let ahead = try SyncState.clock(in: db) + (1 << 20)
            try SyncState.setClock(ahead, in: db)
            return ahead
        }
        let second = try ana.changes(missingFrom: ben)
        let (secondOutcomes, again) = try ben.knowledgeBase.database.write { db in
            (try second.map { try integrator.integrate($0, in: db) },
             // Re-delivering inside the same transaction is recognised from the in-memory vector.
             try (first + second).map { try integrator.integrate($0, in: db) })
        }
        #expect(secondOutcomes == [.applied])
        #expect(again == [.alreadyPresent, .alreadyPresent])
        let vector = try ben.knowledgeBase.read { db in try ChangeLog().versionVector(in: db) }
        #expect(vector[ana.replicaID] == 2 && vector[ben.replicaID] == 1)
        #expect(try ben.knowledgeBase.read { db in try SyncState.clock(in: db) } == clockBefore)
        #expect(try ben.entityField(id, "place") == "Geneva")
        #expect(try ben.entityField(id, "summary") == "Rapporteur")
    }

    @Test func aRolledBackTransactionLeavesNothingBehindInTheCache() throws {
        let ana = try SyncTestReplica.make("ana"), ben = try SyncTestReplica.make("ben")
        try ana.addEntity("Ms. Diallo")
        let records = try ana.changes(missingFrom: ben)
        let integrator = ChangeIntegrator(knowledgeBase: ben.knowledgeBase)
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try ben.knowledgeBase.database.write { db in
                _ = try records.map { try integrator.integrate($0, in: db) }
                throw Abort()
            }
        }
        // The vector the rolled-back transaction advanced in memory must not make the change look present.
        let outcomes = try ben.knowledgeBase.database.write { db in try records.map { try integrator.integrate($0, in: db) } }
        #expect(outcomes == [.applied])
        #expect(try ben.hash() == ana.hash())
    }

    @Test func waitingChangesAreReleasedLaterInTheSameTransaction() throws {
        let ana = try SyncTestReplica.make("ana"), ben = try SyncTestReplica.make("ben")
        let id = try ana.addEntity("Ms. Diallo")
        try ana.edit("place", "UPDATE entities SET place = 'Geneva' WHERE id = ?", [id])
        try ana.edit("summary", "UPDATE entities SET summary = 'Rapporteur' WHERE id = ?", [id])
        let records = try ana.changes(missingFrom: ben)
        let outcomes = try ben.receive(records.reversed())
        #expect(outcomes == [.waiting, .waiting, .applied])
        #expect(try ben.knowledgeBase.read { db in try ChangeIntegrator(knowledgeBase: ben.knowledgeBase).pending(in: db) }.isEmpty)
        #expect(try ben.hash() == ana.hash())
    }

    @Test func aRowRemovedOnOneSideAndEditedLaterOnTheOtherComesBackWhole() throws {
        // The receiving side merges the edit with the row's heads, read once for the whole row, and re-inserts it.
        let ana = try SyncTestReplica.make("ana"), ben = try SyncTestReplica.make("ben")
        let id = try ana.addEntity("Ms. Diallo")
        try ana.edit("alias", "INSERT INTO aliases (entity_id, alias, normalized_alias) VALUES (?, 'A. Diallo', 'a diallo')", [id])
        try ana.send(to: ben)
        try ben.edit("remove", "DELETE FROM aliases WHERE entity_id = ? AND alias = 'A. Diallo'", [id])
        // Two more ticks of ana's clock, so its edit is later than ben's removal even within one millisecond.
        try ana.edit("summary", "UPDATE entities SET summary = 'one' WHERE id = ?", [id])
        try ana.edit("summary", "UPDATE entities SET summary = 'two' WHERE id = ?", [id])
        try ana.edit("respell", "UPDATE aliases SET normalized_alias = 'a. diallo' WHERE entity_id = ? AND alias = 'A. Diallo'", [id])
        try ana.send(to: ben)
        try ben.send(to: ana)
        #expect(try ana.hash() == ben.hash())
        for replica in [ana, ben] {
            #expect(try replica.value("SELECT normalized_alias FROM aliases WHERE entity_id = ? AND alias = 'A. Diallo'", [id])
                == "a. diallo".databaseValue)
        }
    }

    @Test func dependencyVectorsReadBackWithoutAJSONDecoder() throws {
        let vector: [String: Int64] = ["3fa4c1e29b0e7701aa00bb11cc22dd33": 12, "9b0e770100000000000000000000abcd": 3]
        let text = try DependencyCoding.encode(vector)
        #expect(DependencyCoding.decodeWritten(text) == vector)
        #expect(try DependencyCoding.decode(text) == vector)
        #expect(try DependencyCoding.decode("{}") == [:])
        // Other JSON spellings still decode, through the JSON decoder.
        #expect(DependencyCoding.decodeWritten("{ \"a\": 1 }") == nil)
        #expect(try DependencyCoding.decode("{ \"a\": 1 }") == ["a": 1])
        #expect(DependencyCoding.decodeWritten("{\"a\":1,}") == nil)
        #expect(DependencyCoding.decodeWritten("{\"a\":x}") == nil)
    }
}
