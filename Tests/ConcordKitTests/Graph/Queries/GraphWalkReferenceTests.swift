import GRDB
import Testing
@testable import ConcordKit

/// Neighbourhoods read through batched, merged and cached statements equal the ones a plain
/// walk over every relation row computes by the documented rules, and a relation stated in
/// several paragraphs cites the earliest.
@Suite struct GraphWalkReferenceTests {
    static let documents = ["doc:0000000000000a01", "doc:0000000000000a02"]

    /// 80 entities, 600 relations (parallel ones, both directions, some stated in several
    /// paragraphs, some by hand) with two hubs of more than ``GraphWalk/followLimit`` relations,
    /// some relations deleted, one entity deleted and two merged into others.
    static func randomGraph(seed: UInt64) throws -> (KnowledgeBase, [String]) {
        let knowledgeBase = try TestKnowledgeBase.empty()
        var random = SeededGenerator(seed: seed)
        func next(_ bound: Int) -> Int { random.next(below: bound) }
        let ids = (0..<80).map { "person:" + String(format: "%016x", $0 + 1) }
        try knowledgeBase.database.write { db in
            try insertDocuments(db)
            for (index, id) in ids.enumerated() {
                try Entity(id: id, kind: .person, name: "Person \(index % 50)", isDeleted: index == 7).insert(db)
            }
            try db.execute(sql: "UPDATE entities SET merged_into = ? WHERE id = ?", arguments: [ids[3], ids[4]])
            try db.execute(sql: "UPDATE entities SET merged_into = ? WHERE id = ?", arguments: [ids[12], ids[13]])
            let predicates = RelationPredicate.allCases.prefix(4)
            for number in 0..<600 {
                // Entities 0 and 1 are hubs; pairs repeat so that one relation is stated in several paragraphs.
                let subject = ids[next(4) == 0 ? next(2) : next(30)], object = ids[next(ids.count)]
                let paragraph = next(5) == 0 ? nil : Paragraph.id(documentID: documents[next(2)], ordinal: 1 + next(9))
                var relation = Relation(
                    subjectID: subject, predicate: predicates[next(predicates.count)], objectID: object, paragraphID: paragraph,
                    isDeleted: next(12) == 0)
                relation.id = "relation:" + String(format: "%016x", next(1 << 30) * 1024 + number)
                try relation.insert(db)
            }
        }
        return (knowledgeBase, ids)
    }

    static func insertDocuments(_ db: Database) throws {
        for (index, id) in documents.enumerated() {
            try Document(
                id: id, sourceName: "70\(index)_walk.txt", symbol: nil, documentKind: .other, title: nil, dated: nil,
                meetingStartedAt: nil, meetingEndedAt: nil, contentSHA256: String(repeating: "\(index)", count: 64),
                characterCount: 90, ingestedAt: "2024-01-01T00:00:00Z"
            ).insert(db)
            for ordinal in 1...9 {
                try Paragraph(
                    id: Paragraph.id(documentID: id, ordinal: ordinal), documentID: id, ordinal: ordinal, number: ordinal + 10,
                    paragraphKind: .text, section: nil, text: "Paragraph \(ordinal)."
                ).insert(db)
            }
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func everyNeighbourhoodEqualsTheOneAPlainWalkFinds(seed: UInt64) throws {
        let (knowledgeBase, ids) = try Self.randomGraph(seed: seed)
        try knowledgeBase.read { db in
            let reference = try ReferenceWalk(in: db)
            var cut = 0
            for id in ids.prefix(30) where ![ids[4], ids[7], ids[13]].contains(id) {
                let start = try EntityResolver().resolve(id, in: db)
                for depth in 1...3 {
                    let found = try GraphWalk().neighbourhood(of: start, depth: depth, in: db)
                    let expected = reference.neighbourhood(of: id, depth: depth)
                    #expect(found.reached.map(ReferenceWalk.summary) == expected.reached, "from \(id), depth \(depth)")
                    #expect(found.cutEntities.map(\.id) == expected.cut, "from \(id), depth \(depth)")
                    cut += found.cutEntities.count
                }
            }
            #expect(cut > 0, "the hubs are followed only up to the limit somewhere")
        }
    }

    @Test func aRelationStatedInSeveralParagraphsCitesTheEarliest() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        let lewis = "person:00000000000000b1", office = "body:00000000000000b2", meeting = "event:00000000000000b3"
        try knowledgeBase.database.write { db in
            try Self.insertDocuments(db)
            try Entity(id: lewis, kind: .person, name: "Benjamin Lewis").insert(db)
            try Entity(id: office, kind: .body, name: "OHCHR").insert(db)
            try Entity(id: meeting, kind: .event, name: "Meeting").insert(db)
            // The later paragraph's relation has the smaller id, and a relation added by hand the smallest.
            for (suffix, paragraph) in [("3", 8), ("2", nil), ("9", 2), ("1", 5)] as [(String, Int?)] {
                var relation = Relation(
                    subjectID: lewis, predicate: .represents, objectID: office,
                    paragraphID: paragraph.map { Paragraph.id(documentID: Self.documents[suffix == "3" ? 0 : 1], ordinal: $0) })
                relation.id = "relation:000000000000000" + suffix
                try relation.insert(db)
            }
            try Relation(subjectID: meeting, predicate: .heldBy, objectID: office, paragraphID: nil).insert(db)
        }
        let reached = try knowledgeBase.read { db in
            try GraphWalk().neighbours(of: try EntityResolver().resolve(meeting, in: db), depth: 2, in: db)
        }
        let viaOffice = try #require(reached.first { $0.entity.id == lewis })
        // ¶8 of 700 comes before ¶2 and ¶5 of 701.
        #expect(viaOffice.steps.last?.place?.label == "700:¶18")
        #expect(viaOffice.steps.last?.relationID == "relation:0000000000000003")
    }
}
