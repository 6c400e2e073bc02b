import GRDB
import Testing

@testable import ConcordKit

/// Indexes added after the benchmark found full scans on a 1M-entity base: the queries use them.
@Suite struct QueryPlanTests {
    @Test func redirectsOfMergedEntitiesComeFromAnIndexNotATableScan() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        let plan = try knowledgeBase.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN WITH RECURSIVE \(EntityGroup.redirectsSQL) SELECT * FROM entity_redirect")
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("entities_by_merged_into") })
        #expect(!plan.contains { $0 == "SCAN entities" })
    }
}
