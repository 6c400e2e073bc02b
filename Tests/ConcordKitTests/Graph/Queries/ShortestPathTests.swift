import GRDB
import Testing
@testable import ConcordKit

/// The bidirectional search finds the same chains as the recursive CTE it replaced.
@Suite struct ShortestPathTests {
    /// A seeded random graph: 30 entities, 60 relations (parallel ones and both directions),
    /// some relations deleted, one entity deleted and two merged into others.
    static func randomGraph(seed: UInt64) throws -> (KnowledgeBase, [String]) {
        let knowledgeBase = try TestKnowledgeBase.empty()
        var random = SeededGenerator(seed: seed)
        func next(_ bound: Int) -> Int { random.next(below: bound) }
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

extension ShortestPathTests {
    /// Two meetings with 20 speakers each, `shared` of each meeting's speakers also speaking at the
    /// other, each chaired by its own person; with 3 shared, the second meeting also refers to the
    /// first. Both sides' frontiers hold a hub after one step, so the search looks the frontiers'
    /// pairs up instead of expanding a hub, and must still find the chain the recursive query finds.
    static func twoHubs(shared: Int) throws -> KnowledgeBase {
        let knowledgeBase = try TestKnowledgeBase.empty()
        try knowledgeBase.database.write { db in
            let hubs = ["event:00000000000000a1", "event:00000000000000a2"]
            for hub in hubs { try Entity(id: hub, kind: .event, name: "Meeting \(hub.suffix(2))").insert(db) }
            for (index, id) in ["person:00000000000000c1", "person:00000000000000c2"].enumerated() {
                try Entity(id: id, kind: .person, name: "Chair \(index)").insert(db)
                try Relation(subjectID: id, predicate: .chaired, objectID: hubs[index], paragraphID: nil).insert(db)
            }
            for number in 0..<40 {
                let id = "person:" + String(format: "%016x", number + 1)
                try Entity(id: id, kind: .person, name: "Speaker \(number)").insert(db)
                try Relation(subjectID: id, predicate: .spokeAt, objectID: hubs[number % 2], paragraphID: nil).insert(db)
                if number < shared * 2 {
                    try Relation(subjectID: id, predicate: .spokeAt, objectID: hubs[1 - number % 2], paragraphID: nil).insert(db)
                }
            }
            if shared == 3 { try Relation(subjectID: hubs[1], predicate: .refersTo, objectID: hubs[0], paragraphID: nil).insert(db) }
        }
        return knowledgeBase
    }

    @Test(arguments: [0, 1, 3])
    func aChainBetweenTwoHubsIsTheOneTheRecursiveQueryFinds(shared: Int) throws {
        let knowledgeBase = try Self.twoHubs(shared: shared)
        try knowledgeBase.read { db in
            let ends = try ["person:00000000000000c1", "person:00000000000000c2", "person:0000000000000001"]
                .map { try EntityResolver().resolve($0, in: db) }
            for start in ends {
                for goal in ends where goal.id != start.id {
                    let expected = try LegacyPathQuery.path(from: start.id, to: goal.id, depth: 5, in: db)
                    let steps = try GraphWalk().path(from: start, to: goal, depth: 5, in: db)
                    #expect(steps.map { $0.map { [$0.relationID, $0.direction.rawValue, $0.entity.id] } } == expected)
                    let chairs = start.id.hasSuffix("c1") && goal.id.hasSuffix("c2") || start.id.hasSuffix("c2") && goal.id.hasSuffix("c1")
                    let viaFirst = start.id.hasSuffix("c1") || goal.id.hasSuffix("c1")
                    let length: Int? = chairs ? (shared == 0 ? nil : shared == 1 ? 4 : 3) : viaFirst ? 2 : shared == 0 ? nil : 2
                    #expect(steps?.count == length, "\(start.id) → \(goal.id)")
                }
            }
        }
    }
}
