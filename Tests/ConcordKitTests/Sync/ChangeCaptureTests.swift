import Foundation
import GRDB
import Testing
@testable import ConcordKit

@Suite struct ChangeCaptureTests {
    @Test func eachWriteBecomesTheNextLocalChange() throws {
        let replica = try SyncTestReplica.make("ana")
        let id = try replica.addEntity("Ms. Diallo")
        try replica.edit("set summary", "UPDATE entities SET summary = 'Chair' WHERE id = ?", [id])
        // A write that changes nothing is not a change.
        try replica.edit("nothing", "UPDATE entities SET summary = 'Chair' WHERE id = ?", [id])
        let log = try replica.knowledgeBase.read { db in try ChangeLog().recent(limit: 10, localReplica: replica.replicaID, in: db) }
        #expect(log.map(\.record.sequence) == [2, 1])
        #expect(log.map(\.record.summary) == ["set summary", "add Ms. Diallo"])
        #expect(log.allSatisfy { $0.isLocal && $0.record.author == "ana" })
        #expect(log[0].record.timestamp > log[1].record.timestamp)
        let vector = try replica.knowledgeBase.read { db in try ChangeLog().versionVector(in: db) }
        #expect(vector == [replica.replicaID: 2])
    }

    @Test func theSeedBuildIsABaselineNotAChange() throws {
        let replica = try SyncTestReplica.make("ana")
        let count = try replica.knowledgeBase.read { db in try ChangeLog().count(in: db) }
        #expect(count == 0)
        let baseline = try replica.knowledgeBase.read { db in try SyncBaseline.identifier(in: db) }
        #expect(baseline.hasPrefix("seeds:"))
    }

    @Test func ingestIsCapturedButNotTheSearchIndex() throws {
        let replica = try SyncTestReplica.make("ana", baseline: nil)
        try Ingestor().ingest(text: SyncTestReplica.baselineText, sourceName: "x.txt", into: replica.knowledgeBase)
        let stored = try replica.knowledgeBase.read { db in try ChangeLog().record(replica: replica.replicaID, sequence: 1, in: db) }
        let record = try #require(stored)
        let tables = Set(try ChangesetIterator.changes(in: record.changeset).map(\.table))
        #expect(tables.contains("documents") && tables.contains("paragraphs") && tables.contains("entities"))
        #expect(tables.allSatisfy { SyncedTable.names.contains($0) })
    }

    @Test func removingAnEntityRowIsRefused() throws {
        let replica = try SyncTestReplica.make("ana", baseline: nil)
        let id = try replica.addEntity("Ms. Diallo")
        #expect(throws: SyncError.hardDelete(table: "entities")) {
            try replica.edit("drop", "DELETE FROM entities WHERE id = ?", [id])
        }
        #expect(try replica.entityField(id, "name") == "Ms. Diallo")
    }

    @Test func aCopiedDatabaseFileTakesANewReplicaID() throws {
        let folder = try TestKnowledgeBase.temporaryDirectory()
        let original = try KnowledgeBase.open(path: folder + "/a.db", author: "ana")
        let originalID = original.replicaID
        try original.close()
        try FileManager.default.copyItem(atPath: folder + "/a.db", toPath: folder + "/b.db")
        let copy = try KnowledgeBase.open(path: folder + "/b.db", author: "ana")
        let reopened = try KnowledgeBase.open(path: folder + "/a.db", author: "ana")
        #expect(reopened.replicaID == originalID)
        #expect(copy.replicaID != originalID)
        try reopened.close()
        try copy.close()
        // Moved with its key file (the database alone is refused: its key would be missing).
        try FileManager.default.moveItem(atPath: folder + "/a.db", toPath: folder + "/moved.db")
        #expect(throws: TrustError.self) { try KnowledgeBase.open(path: folder + "/moved.db", author: "ana") }
        try FileManager.default.moveItem(atPath: folder + "/a.db.key", toPath: folder + "/moved.db.key")
        #expect(try KnowledgeBase.open(path: folder + "/moved.db", author: "ana").replicaID == originalID)
    }
}
