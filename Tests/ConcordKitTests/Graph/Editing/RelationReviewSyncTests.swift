import GRDB
import Testing
@testable import ConcordKit

/// Confirming an extracted relation (`link`) and rejecting one (`unlink`) are changes
/// that sync: another replica sees the relation confirmed, or gone.
@Suite struct RelationReviewSyncTests {
    func extractedRepresents(_ replica: SyncTestReplica) throws -> (id: String, source: String, deleted: Bool)? {
        try replica.knowledgeBase.read { db in
            try Row.fetchOne(
                db, sql: "SELECT id, source, is_deleted FROM relations WHERE predicate = 'represents' AND paragraph_id IS NOT NULL ORDER BY id")
                .map { ($0[0], $0[1], $0[2]) }
        }
    }

    @Test func aConfirmationAndARejectionReachTheOtherReplica() throws {
        let ana = try SyncTestReplica.make("ana"), ben = try SyncTestReplica.make("ben")
        let before = try #require(try extractedRepresents(ben))
        #expect(before.source == "extracted")
        let (subject, object) = try ana.knowledgeBase.read { db in
            try Row.fetchOne(db, sql: "SELECT subject_id, object_id FROM relations WHERE id = ?", arguments: [before.id])
                .map { ($0[0] as String, $0[1] as String) }!
        }
        let confirmed = try RelationEditor(knowledgeBase: ana.knowledgeBase).link(subject, "represents", object)
        #expect(confirmed.confirmedIDs == [before.id])
        try ana.send(to: ben)
        #expect(try extractedRepresents(ben)?.source == "edited")

        _ = try RelationEditor(knowledgeBase: ben.knowledgeBase).unlink(subject, "represents", object)
        try ben.send(to: ana)
        #expect(try extractedRepresents(ana)?.deleted == true)
        #expect(try ana.hash() == ben.hash())
    }
}
