import GRDB
import Testing
@testable import ConcordKit

/// The bidirectional search finds the same chains as the recursive CTE it replaced.
@Suite struct ShortestPathTests {
    /// A seeded random graph: 30 entities, 60 relations (parallel ones and both directions),
    /// some relations deleted, one entity deleted and two merged into others.
    static func randomGraph(seed: UInt64) throws -> (KnowledgeBase, [String]) {
        let knowledgeBase = try TestKnowledgeBase.empty()
        var state = seed
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((mixed ^ (mixed >> 31)) % UInt64(bound))
        }
        let ids = (0..<30).map { "person:" + String(format: "%016x", $0 + 1) }
        try knowledgeBase.database.write { db in
            for (index, id) in ids.enumerated() {
                try Entity(id: id, kind: .person, name: "Person \(index)", isDeleted: index == 7).insert(db)
            }
            try db.execute(sql: "UPDATE entities SET merged_into = ? WHERE id = ?", arguments: [ids[3], ids[4]])
            try db.execute(sql: "UPDATE entities SET merged_into = ? WHERE id = ?", arguments: [ids[12], ids[13]])
            let predicates = RelationPredicate.allCases
            for number in 0..<60 {
                let subject = ids[next(ids.count)], object = ids[next(ids.count)]
                var relation = Relation(
                    subjectID: subject, predicate: predicates[next(predicates.count)], objectID: object, paragraphID: nil,
                    isDeleted: next(10) == 0)
                relation.id = "relation:" + String(format: "%016x", next(1 << 30) * 64 + number)
                try relation.insert(db)
            }
        }
        return (knowledgeBase, ids)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyPathEqualsTheOneTheRecursiveQueryFound(seed: UInt64) throws {
        let (knowledgeBase, ids) = try Self.randomGraph(seed: seed)
        var found = 0
        try knowledgeBase.read { db in
            let live = try Entity.fetchAll(db, keys: ids).filter { !$0.isDeleted && $0.mergedInto == nil }
            for start in live {
                for goal in live {
                    let expected = try LegacyPathQuery.path(from: start.id, to: goal.id, depth: 4, in: db)
                    let steps = try GraphWalk().path(from: start, to: goal, depth: 4, in: db)
                    let actual = steps.map { $0.map { [$0.relationID, $0.direction.rawValue, $0.entity.id] } }
                    #expect(actual == expected, "\(start.id) → \(goal.id)")
                    if let steps, !steps.isEmpty { found += 1 }
                }
            }
        }
        #expect(found > 100)
    }
}
