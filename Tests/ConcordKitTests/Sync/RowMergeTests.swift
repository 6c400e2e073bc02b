import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// The batched row merge (one read of a row's heads, one statement for the heads a change
/// removes, one for the versions it adds, one upsert or update of the row) must give what
/// merging field by field, record by record, gives.
@Suite struct RowMergeTests {
    /// Every stored field version, as text that compares whole.
    private func cells(of replica: SyncTestReplica) throws -> [String] {
        try replica.knowledgeBase.read { db in
            try String.fetchAll(db, sql: """
                SELECT table_name || '|' || row_key || '|' || column_name || '|' || replica_id || '|' || sequence
                  || '|' || timestamp || '|' || quote(value)
                FROM sync_cells ORDER BY 1
                """)
        }
    }

    private func row(_ id: String, of replica: SyncTestReplica) throws -> [String] {
        try replica.knowledgeBase.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM entities WHERE id = ?", arguments: [id]))
            return row.databaseValues.map(\.description)
        }
    }

    @Test func aRowWrittenBySeveralRecordsInOneFileEndsAsIfAppliedOneByOne() throws {
        let ana = try SyncTestReplica.make("ana")
        let id = try ana.addEntity("Ms. Diallo")
        try ana.edit("summary", "UPDATE entities SET summary = 'Rapporteur' WHERE id = ?", [id])
        try ana.edit("place", "UPDATE entities SET place = 'Geneva', summary = 'Chair' WHERE id = ?", [id])
        try ana.edit("delete", "UPDATE entities SET is_deleted = 1 WHERE id = ?", [id])
        try ana.edit("revive", "UPDATE entities SET is_deleted = 0, date = '2024-05-01' WHERE id = ?", [id])
        try ana.edit("alias", "INSERT INTO aliases VALUES (?, 'Diallo', 'diallo')", [id])
        try ana.edit("attribute", "INSERT INTO entity_attributes VALUES (?, 'role', 'chair')", [id])
        try ana.edit("attribute again", "UPDATE entity_attributes SET value = 'member' WHERE entity_id = ?", [id])
        try ana.edit("unalias", "DELETE FROM aliases WHERE entity_id = ?", [id])

        let together = try SyncTestReplica.make("ben")
        let records = try ana.changes(missingFrom: together)
        #expect(records.count == 9)
        try together.receive(records)  // one transaction, as an import of one file
        let oneByOne = try SyncTestReplica.make("cleo")
        for record in records { try oneByOne.receive([record]) }

        #expect(try row(id, of: together) == row(id, of: ana))
        #expect(try row(id, of: oneByOne) == row(id, of: ana))
        #expect(try together.hash() == ana.hash())
        #expect(try oneByOne.hash() == ana.hash())
        #expect(try cells(of: together) == cells(of: oneByOne))
        #expect(try together.value("SELECT value FROM entity_attributes WHERE entity_id = ?", [id]) == "member".databaseValue)
        #expect(try together.value("SELECT count(*) FROM aliases WHERE entity_id = ?", [id]) == 0.databaseValue)
    }

    @Test func receivingAChangeTwiceInOneTransactionChangesNothing() throws {
        let ana = try SyncTestReplica.make("ana"), ben = try SyncTestReplica.make("ben")
        let id = try ana.addEntity("Ms. Diallo")
        try ana.edit("summary", "UPDATE entities SET summary = 'Rapporteur' WHERE id = ?", [id])
        let records = try ana.changes(missingFrom: ben)
        let outcomes = try ben.receive(records + records)
        #expect(outcomes == [.applied, .applied, .alreadyPresent, .alreadyPresent])
        #expect(try cells(of: ben).count == cells(of: ana).count)
        #expect(try ben.hash() == ana.hash())
    }

    @Test func anInsertOfARowAlreadyThereMergesItsFieldsWithTheRow() throws {
        let ana = try SyncTestReplica.make("ana"), ben = try SyncTestReplica.make("ben")
        let id = try ana.addEntity("Ms. Diallo")
        try ana.send(to: ben)
        // Both insert the same attribute row (same key), with different values: each side's insert
        // arrives where the row already exists, and the field's two heads are a conflict.
        try ana.edit("ana's role", "INSERT INTO entity_attributes VALUES (?, 'role', 'chair')", [id])
        try ben.edit("ben's role", "INSERT INTO entity_attributes VALUES (?, 'role', 'member')", [id])
        // The same alias on both sides: equal values are no conflict.
        try ana.edit("ana's alias", "INSERT INTO aliases VALUES (?, 'Diallo', 'diallo')", [id])
        try ben.edit("ben's alias", "INSERT INTO aliases VALUES (?, 'Diallo', 'diallo')", [id])
        try ana.send(to: ben)
        try ben.send(to: ana)

        #expect(try ana.hash() == ben.hash())
        let role = try ana.value("SELECT value FROM entity_attributes WHERE entity_id = ? AND name = 'role'", [id])
        let roleAtBen = try ben.value("SELECT value FROM entity_attributes WHERE entity_id = ? AND name = 'role'", [id])
        #expect(role == roleAtBen)
        #expect(role == "member".databaseValue || role == "chair".databaseValue)
        #expect(try ana.conflicts().map(\.column) == ["value"])
        #expect(try ana.value("SELECT count(*) FROM aliases WHERE entity_id = ?", [id]) == 1.databaseValue)
    }

    @Test func aReceivedDeleteKeepsTheSameBaselineVersionsAsTheLocalOne() throws {
        let ana = try SyncTestReplica.make("ana"), ben = try SyncTestReplica.make("ben")
        // A baseline alias (from the seed build): its fields have no versions until the delete.
        let (entity, alias) = try #require(try ana.knowledgeBase.read { db in
            try Row.fetchOne(db, sql: "SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias LIMIT 1")
                .map { ($0[0] as String, $0[1] as String) }
        })
        try ana.edit("unalias", "DELETE FROM aliases WHERE entity_id = ? AND alias = ?", [entity, alias])
        try ana.send(to: ben)
        let baselines = try cells(of: ben).filter { $0.contains("|aliases|") || $0.hasPrefix("aliases|") }
        #expect(baselines.contains { $0.contains("|normalized_alias||0|0|") })
        #expect(try cells(of: ben) == cells(of: ana))
        #expect(try ben.hash() == ana.hash())
    }
}
