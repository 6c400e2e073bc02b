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

    /// Every statement `work` runs, with its arguments in place (GRDB's trace).
    static func statements(in db: Database, _ work: () throws -> Void) throws -> [String] {
        var statements: [String] = []
        db.trace(options: .statement) { event in
            if case let .statement(statement) = event { statements.append(statement.expandedSQL) }
        }
        defer { db.trace(options: []) }
        try work()
        return statements
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

/// Every statement the prompt's hot paths run (find, links, path, search, Tab completion) is
/// captured with GRDB's trace and explained: none may scan a whole table or index, the
/// scans that made them slow on the 1M-entity base. Scans of a partial index of the few
/// merged or deleted entities, of CTE results and of FTS5 tables through MATCH are allowed.
extension QueryPlanTests {
    static let largeTables: Set<String> = ["entities", "aliases", "relations", "paragraphs", "documents", "mentions"]
    static let smallPartialIndexes = ["entities_by_merged_into", "entities_deleted"]

    /// The plan lines of every statement `work` runs that scan a large table (by name or alias).
    static func fullScans(in db: Database, _ work: () throws -> Void) throws -> [String] {
        var scans: [String] = []
        for sql in try statements(in: db, work) where sql.uppercased().hasPrefix("SELECT") || sql.uppercased().hasPrefix("WITH") {
            let details = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
            for detail in details where detail.hasPrefix("SCAN ") {
                let table = String(detail.split(separator: " ")[1])
                let isLarge = largeTables.contains(table) || largeTables.contains(where: { sql.contains("\($0) \(table) ") })
                if isLarge && !smallPartialIndexes.contains(where: detail.contains) {
                    scans.append("\(detail) in: \(sql.prefix(160))")
                }
            }
        }
        return scans
    }

    @Test func findReadsOnlyIndexes() throws {
        let knowledgeBase = try ExploreFixture.make().knowledgeBase
        let scans = try knowledgeBase.read { db in
            try Self.fullScans(in: db) {
                for text in ["Lewsi", "Landazuri", "Workersand Membersof Thelr Families", "the", "OHCHR", "Migrant Wor"] {
                    _ = try EntityFinder().find(text, in: db)
                }
            }
        }
        #expect(scans == [])
    }

    @Test func linksAndPathReadOnlyIndexes() throws {
        let knowledgeBase = try ExploreFixture.make().knowledgeBase
        let scans = try knowledgeBase.read { db in
            try Self.fullScans(in: db) {
                let lewis = try EntityResolver().resolve(ExploreFixture.lewis, in: db)
                let mexico = try EntityResolver().resolve(ExploreFixture.mexico, in: db)
                let committee = try EntityResolver().resolve(ExploreFixture.committee, in: db)
                _ = try GraphWalk().neighbourhood(of: lewis, depth: 3, in: db)
                _ = try GraphWalk().path(from: lewis, to: committee, depth: 6, in: db)
                _ = try GraphWalk().path(from: mexico, to: committee, depth: 6, in: db)
            }
        }
        #expect(scans == [])
    }

    @Test func searchAndCompletionReadOnlyIndexes() throws {
        let knowledgeBase = try ExploreFixture.make().knowledgeBase
        let scans = try knowledgeBase.read { db in
            try Self.fullScans(in: db) {
                _ = try ParagraphSearch().search("migrant workers", in: db)
                for typed in ["M", "Mr", "mr. l", "the"] { _ = try EntityNameCompletion().names(beginningWith: typed, in: db) }
                _ = try EntityNameCompletion().ids(beginningWith: "person:", in: db)
            }
        }
        #expect(scans == [])
    }

    @Test func theFullScanCheckCatchesAScan() throws {
        let knowledgeBase = try ExploreFixture.make().knowledgeBase
        let scans = try knowledgeBase.read { db in
            try Self.fullScans(in: db) { _ = try Row.fetchAll(db, sql: "SELECT id FROM entities WHERE lower(name) = 'x'") }
        }
        #expect(scans.count == 1)
    }

    @Test func aHubsFirstRelationsComeInIndexOrderWithoutSortingAllOfThem() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        let plan = try knowledgeBase.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + GraphAdjacency.limitedEdgesSQL(near: "subject_id", far: "object_id", direction: "out"),
                arguments: ["x", 51]
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("relations_by_subject") })
        #expect(!plan.contains { $0.contains("TEMP B-TREE") })
    }
}

extension QueryPlanTests {
    @Test func searchRanksTheMatchesOnceAndBuildsSnippetsOnlyForTheHitsItReturns() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        let plan = try knowledgeBase.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + ParagraphSearch.rankedSQL, arguments: ["\"x\"", 20, "[", "]", "\"x\""])
                .map { $0["detail"] as String }
        }
        // One pass over every match (the ranking); the snippet pass looks hits up by rowid.
        #expect(plan.filter { $0.contains("paragraph_search VIRTUAL TABLE INDEX 0:M") }.count == 1)
        #expect(plan.contains { $0.contains("paragraph_search VIRTUAL TABLE INDEX 0:=M") })
    }
}

extension QueryPlanTests {
    /// The plan lines of every `SELECT` that `work` runs.
    static func plans(in db: Database, _ work: () throws -> Void) throws -> [String] {
        try statements(in: db, work).filter { $0.uppercased().hasPrefix("SELECT") }.flatMap { sql in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
        }
    }

    @Test func findsPrefixScansReadTheirRowsFromTheIndexesAlone() throws {
        let knowledgeBase = try ExploreFixture.make().knowledgeBase
        let plans = try knowledgeBase.read { db in try Self.plans(in: db) { _ = try EntityFinder().find("Migrant Wor", in: db) } }
        #expect(plans.contains { $0.contains("USING COVERING INDEX entities_by_name_covering") })
        #expect(plans.contains { $0.contains("USING COVERING INDEX aliases_by_normalized_alias_covering") })
        #expect(!plans.contains { $0.contains("entities_by_name ") || $0.contains("aliases_by_normalized_alias ") })
    }

    @Test func findReadsTheTrigramIndexRowsByNumberFromItsContentTable() throws {
        let knowledgeBase = try ExploreFixture.make().knowledgeBase
        let plans = try knowledgeBase.read { db in try Self.plans(in: db) { _ = try EntityFinder().find("Landazuri", in: db) } }
        #expect(plans.contains { $0.contains("SEARCH name_search_content USING INTEGER PRIMARY KEY (rowid=?)") })
    }
}
