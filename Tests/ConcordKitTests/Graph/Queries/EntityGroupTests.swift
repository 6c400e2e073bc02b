import GRDB
import Testing
@testable import ConcordKit

@Suite struct EntityGroupTests {
    @Test func mergedEntitiesBelongToTheEndOfTheirChain() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        try knowledgeBase.write("chain") { db in
            for id in ["body:a", "body:b", "body:c", "body:d"] { try Entity(id: id, kind: .body, name: id).insert(db) }
            try db.execute(sql: "UPDATE entities SET merged_into = 'body:b' WHERE id = 'body:c'")
            try db.execute(sql: "UPDATE entities SET merged_into = 'body:a' WHERE id = 'body:b'")
        }
        try knowledgeBase.read { db in
            let a = try #require(try Entity.fetchOne(db, key: "body:a"))
            #expect(try EntityGroup.of(a, in: db).memberIDs == ["body:a", "body:b", "body:c"])
            let c = try #require(try Entity.fetchOne(db, key: "body:c"))
            #expect(try EntityResolver().canonical(c, in: db).id == "body:a")
            #expect(try EntityResolver().resolve("body:c", in: db).id == "body:a")
        }
    }

    @Test func aMergeCycleEndsAtTheSmallestIdInTheLoopInSQLAndSwiftAlike() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        try knowledgeBase.write("cycle") { db in
            for id in ["body:a", "body:m", "body:z"] { try Entity(id: id, kind: .body, name: id).insert(db) }
            // a leads into the loop m <-> z; a itself is not in the loop.
            try db.execute(sql: "UPDATE entities SET merged_into = 'body:z' WHERE id = 'body:m'")
            try db.execute(sql: "UPDATE entities SET merged_into = 'body:m' WHERE id IN ('body:z', 'body:a')")
        }
        try knowledgeBase.read { db in
            let a = try #require(try Entity.fetchOne(db, key: "body:a"))
            #expect(try EntityResolver().canonical(a, in: db).id == "body:m")
            let rows = try Row.fetchAll(
                db, sql: "WITH RECURSIVE \(EntityGroup.redirectsSQL) SELECT id, canonical_id FROM entity_redirect ORDER BY id")
            #expect(rows.map { "\($0[0] as String)>\($0[1] as String)" } == ["body:a>body:m", "body:m>body:m", "body:z>body:m"])
        }
    }
}
