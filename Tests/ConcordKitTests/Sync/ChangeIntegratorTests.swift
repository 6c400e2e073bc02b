import Foundation
import GRDB
import Testing
@testable import ConcordKit

@Suite struct ChangeIntegratorTests {
    /// Two replicas that share an entity added by `ana` and received by `ben`.
    private func pair() throws -> (SyncTestReplica, SyncTestReplica, String) {
        let ana = try SyncTestReplica.make("ana"), ben = try SyncTestReplica.make("ben")
        let id = try ana.addEntity("Ms. Diallo")
        try ana.send(to: ben)
        return (ana, ben, id)
    }

    @Test func editsOfDifferentFieldsBothSurvive() throws {
        let (ana, ben, id) = try pair()
        try ana.edit("rename", "UPDATE entities SET name = 'Aminata Diallo' WHERE id = ?", [id])
        try ben.edit("summary", "UPDATE entities SET summary = 'Rapporteur' WHERE id = ?", [id])
        try ana.send(to: ben)
        try ben.send(to: ana)
        for replica in [ana, ben] {
            #expect(try replica.entityField(id, "name") == "Aminata Diallo")
            #expect(try replica.entityField(id, "summary") == "Rapporteur")
            #expect(try replica.conflicts().isEmpty)
        }
        #expect(try ana.hash() == ben.hash())
    }

    @Test func concurrentWritesOfOneFieldKeepTheLoserAsAConflict() throws {
        let (ana, ben, id) = try pair()
        try ana.edit("ana's place", "UPDATE entities SET place = 'Geneva' WHERE id = ?", [id])
        try ben.edit("ben's place", "UPDATE entities SET place = 'New York' WHERE id = ?", [id])
        try ana.send(to: ben)
        try ben.send(to: ana)
        #expect(try ana.entityField(id, "place") == ben.entityField(id, "place"))
        #expect(try ana.hash() == ben.hash())
        let conflicts = try ana.conflicts()
        #expect(conflicts.count == 1)
        let conflict = try #require(conflicts.first)
        #expect(conflict.column == "place" && conflict.subject == id)
        #expect(Set(conflict.versions.map(\.text)) == ["Geneva", "New York"])
        #expect(Set(conflict.versions.map(\.author)) == ["ana", "ben"])
        #expect(try ben.conflicts().map(\.id) == [conflict.id])
        // The later write (by clock, then replica id) is the one shown.
        #expect(conflict.versions[0].text == (try ana.entityField(id, "place")))
    }

    @Test func resolvingSyncsAndClosesTheConflictEverywhere() throws {
        let (ana, ben, id) = try pair()
        try ana.edit("a", "UPDATE entities SET place = 'Geneva' WHERE id = ?", [id])
        try ben.edit("b", "UPDATE entities SET place = 'New York' WHERE id = ?", [id])
        try ana.send(to: ben)
        try ben.send(to: ana)
        let shown = try ben.entityField(id, "place")
        // Keeping the value already shown still has to close the conflict on the other side.
        let conflictID = try #require(try ben.conflicts().first?.id)
        let keep: ConflictList.Choice = shown == "New York" ? .mine : .theirs
        let resolution = try ConflictList(localReplicaID: ben.replicaID).resolve(conflictID, keeping: keep, in: ben.knowledgeBase)
        #expect(resolution.keptValue == shown)
        #expect(try ben.conflicts().isEmpty)
        try ben.send(to: ana)
        #expect(try ana.conflicts().isEmpty)
        #expect(try ana.entityField(id, "place") == shown)
        #expect(try ana.hash() == ben.hash())
        // A typed value resolves too.
        try ana.edit("a2", "UPDATE entities SET place = 'Paris' WHERE id = ?", [id])
        try ben.edit("b2", "UPDATE entities SET place = 'Rome' WHERE id = ?", [id])
        try ana.send(to: ben)
        try ben.send(to: ana)
        let second = try #require(try ana.conflicts().first?.id)
        _ = try ConflictList(localReplicaID: ana.replicaID).resolve(second, keeping: .value("Vienna"), in: ana.knowledgeBase)
        try ana.send(to: ben)
        #expect(try ben.entityField(id, "place") == "Vienna")
        #expect(try ben.conflicts().isEmpty && ana.conflicts().isEmpty)
    }

    @Test func outOfOrderChangesWaitForTheirDependencies() throws {
        let (ana, ben, id) = try pair()
        try ana.edit("1", "UPDATE entities SET summary = 'one' WHERE id = ?", [id])
        try ana.edit("2", "UPDATE entities SET summary = 'two' WHERE id = ?", [id])
        try ana.edit("3", "INSERT INTO aliases VALUES (?, 'A. Diallo', 'a. diallo')", [id])
        let records = try ana.changes(missingFrom: ben)
        #expect(records.count == 3)
        #expect(try ben.receive([records[2]]) == [.waiting])
        #expect(try ben.receive([records[1], records[2]]) == [.waiting, .alreadyPresent])
        let pending = try ben.knowledgeBase.read { db in try ChangeIntegrator(knowledgeBase: ben.knowledgeBase).pending(in: db) }
        #expect(pending.map(\.sequence) == [3, 4])
        #expect(pending[0].missing == [ana.replicaID: 2])
        #expect(try ben.entityField(id, "summary") == nil)
        #expect(try ben.receive([records[0]]) == [.applied])
        #expect(try ben.entityField(id, "summary") == "two")
        #expect(try ben.value("SELECT count(*) FROM aliases WHERE entity_id = ?", [id]) == 1.databaseValue)
        #expect(try ana.hash() == ben.hash())
        // Importing everything again changes nothing.
        let before = try ben.hash()
        #expect(try ben.receive(records).allSatisfy { $0 == .alreadyPresent })
        #expect(try ben.hash() == before)
        #expect(try ben.knowledgeBase.read { db in try ChangeLog().count(in: db) } == 4)
    }

    @Test func receivedChangesAreNotRecapturedAsLocal() throws {
        let (ana, ben, _) = try pair()
        let local = try ben.knowledgeBase.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_changes WHERE replica_id = ?", arguments: [ben.replicaID])
        }
        #expect(local == 0)
        #expect(try ben.changes(missingFrom: ana).isEmpty)
    }

    @Test func aConcurrentDeleteAndEditIsAVisibleConflictOnDeletion() throws {
        let (ana, ben, id) = try pair()
        try ana.edit("delete", "UPDATE entities SET is_deleted = 1 WHERE id = ?", [id])
        try ben.edit("edit", "UPDATE entities SET summary = 'still here' WHERE id = ?", [id])
        try ana.send(to: ben)
        try ben.send(to: ana)
        #expect(try ana.hash() == ben.hash())
        let conflict = try #require(try ana.conflicts().first)
        #expect(conflict.fieldDescription == "deleted")
        #expect(Set(conflict.versions.map(\.text)) == ["0", "1"])
        #expect(try ana.entityField(id, "summary") == "still here")
        // Ben's edit came later (he made it after receiving nothing, with a later clock): it wins and revives.
        #expect(try ana.entityField(id, "is_deleted") == (conflict.versions[0].text))
    }

    @Test func anAliasRemovedOnOneSideAndEditedOnTheOtherMerges() throws {
        let (ana, ben, id) = try pair()
        try ana.edit("alias", "INSERT INTO aliases VALUES (?, 'Diallo', 'diallo')", [id])
        try ana.send(to: ben)
        try ana.edit("unalias", "DELETE FROM aliases WHERE entity_id = ?", [id])
        try ben.edit("renormalize", "UPDATE aliases SET normalized_alias = 'diallo!' WHERE entity_id = ?", [id])
        try ana.send(to: ben)
        try ben.send(to: ana)
        #expect(try ana.hash() == ben.hash())
        #expect(try ana.conflicts().map(\.column) == [SyncedTable.rowColumn])
    }

    @Test func aChangeUnderOurOwnIdFromElsewhereIsRefused() throws {
        let (ana, _, _) = try pair()
        var forged = try #require(try ana.knowledgeBase.read { db in try ChangeLog().record(replica: ana.replicaID, sequence: 1, in: db) })
        forged.sequence = 2
        #expect(throws: SyncError.replicaIDCollision(replica: ana.replicaID, sequence: 2)) { try ana.receive([forged]) }
        forged.sequence = 1
        forged.changeset = Data()
        #expect(throws: SyncError.replicaIDCollision(replica: ana.replicaID, sequence: 1)) { try ana.receive([forged]) }
    }
}
