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

extension QueryPlanTests {
    @Test func anEntityNamedInAnotherCaseIsFoundAndItsNameIsLookedUpThroughTheNameIndex() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        try knowledgeBase.write("add") { db in
            try Entity(id: "person:00000000000000aa", kind: .person, name: "Ana Kabedori").insert(db)
        }
        let found = try knowledgeBase.read { db in try EntityResolver().resolve("ANA KABEDORI", in: db) }
        #expect(found.id == "person:00000000000000aa")
        let plan = try knowledgeBase.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM entities WHERE name = ? COLLATE NOCASE", arguments: ["x"])
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("entities_by_name") })
    }
}
