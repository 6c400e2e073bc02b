import Foundation
import GRDB
import Testing
@testable import ConcordKit

@Suite struct ChangesetCodingTests {
    @Test func capturedUpdateTellsUnchangedFromNull() throws {
        let replica = try SyncTestReplica.make("ana", baseline: nil)
        let id = try replica.addEntity("Mr. Lewis")
        try replica.edit("set", "UPDATE entities SET summary = 'x', place = NULL WHERE id = ?", [id])
        try replica.edit("clear", "UPDATE entities SET summary = NULL WHERE id = ?", [id])
        let stored = try replica.knowledgeBase.read { db in try ChangeLog().record(replica: replica.replicaID, sequence: 3, in: db) }
        let last = try #require(stored)
        let changes = try ChangesetIterator.changes(in: last.changeset)
        #expect(changes.count == 1)
        let change = try #require(changes.first)
        #expect(change.table == "entities" && change.operation == .update)
        #expect(change.primaryKey == [.text(id)])
        let summary = 3, place = 5
        #expect(change.newValues[summary] == .null)  // set to NULL
        #expect(change.oldValues[summary] == .text("x"))
        #expect(change.newValues[place] == nil)  // not changed
    }

    @Test func encodedChangesetsReadBackUnchanged() throws {
        let changes = [
            ChangesetChange(
                table: "aliases", operation: .insert, primaryKeyColumns: [true, true, false],
                oldValues: [nil, nil, nil], newValues: [.text("person:1"), .text(String(repeating: "é", count: 300)), .text("e")]),
            ChangesetChange(
                table: "aliases", operation: .delete, primaryKeyColumns: [true, true, false],
                oldValues: [.text("person:1"), .text("B"), .null], newValues: [nil, nil, nil]),
            ChangesetChange(
                table: "entities", operation: .update, primaryKeyColumns: [true, false, false, false, false, false, false, false],
                oldValues: [.text("person:2"), nil, .text("A"), nil, nil, nil, nil, .integer(-7)],
                newValues: [nil, nil, .text("B"), nil, nil, nil, nil, .integer(1 << 40)]),
            ChangesetChange(
                table: "documents", operation: .insert, primaryKeyColumns: [true, false],
                oldValues: [nil, nil], newValues: [.real(2.5), .blob(Data([0, 1, 2]))]),
        ]
        var encoder = ChangesetEncoder()
        for change in changes { encoder.append(change) }
        #expect(try ChangesetIterator.changes(in: encoder.changeset) == changes)
    }
}
