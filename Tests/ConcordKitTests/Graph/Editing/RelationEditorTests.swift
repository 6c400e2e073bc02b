import GRDB
import Testing
@testable import ConcordKit

@Suite struct RelationEditorTests {
    private func liveRelations(_ fixture: EditingFixture) throws -> [String] {
        try fixture.knowledgeBase.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT subject_id, predicate, object_id, coalesce(paragraph_id, '-') FROM relations
                    WHERE is_deleted = 0 AND subject_id IN (SELECT id FROM entities WHERE name IN ('Ana Example', 'Ben Sample'))
                    ORDER BY 1, 2, 3
                    """
            ).map { "\($0[0] as String) \($0[1] as String) \($0[2] as String) \($0[3] as String)" }
        }
    }

    @Test func linkMakesAHandMadeRelationWithAContentDerivedID() throws {
        let fixture = try EditingFixture()
        let result = fixture.run("link \"Ana Example\" represents OoE")
        let id = Relation.id(subjectID: fixture.ana.id, predicate: "represents", objectID: fixture.office.id, paragraphID: nil)
        #expect(result.output == "linked Ana Example (\(fixture.ana.id)) represents Office of Examples (\(fixture.office.id)) (\(id))\n")
        let stored = try #require(try fixture.knowledgeBase.read { db in try Relation.fetchOne(db, key: id) })
        #expect(stored.paragraphID == nil && !stored.isDeleted)
        // Linking again is a no-op that says so.
        let before = try fixture.contents()
        #expect(fixture.run("link ana\\ example Represents \(fixture.office.id)").output.hasPrefix("already linked:"))
        #expect(try fixture.contents() == before)
    }

    @Test func predicatesAreCheckedAndListed() throws {
        let fixture = try EditingFixture()
        let error = try fixture.failure("link \"Ana Example\" works_for OoE")
        #expect(error.contains("unknown predicate 'works_for'; predicates are represents, member_of, spoke_at"))
        #expect(fixture.run("link \"Ana Example\" member-of OoE").succeeded)
        #expect(try liveRelations(fixture) == ["\(fixture.ana.id) member_of \(fixture.office.id) -"])
    }

    @Test func badEndsAreRefusedWithoutWriting() throws {
        let fixture = try EditingFixture()
        #expect(try fixture.failure("link \"Ana Example\" represents \"Nobody Atall\"").contains("no entity matches 'Nobody Atall'"))
        #expect(try fixture.failure("link \"Ana Example\" chaired \(fixture.ana.id)").contains("cannot be linked to itself"))
        _ = try fixture.entityEditor.add(kind: "body", name: "Ben Sample")
        #expect(try fixture.failure("link \"Ben Sample\" member_of OoE").contains("'Ben Sample' could be 2 entities"))
    }

    @Test func unlinkTombstonesEveryMatchingRelationIncludingExtractedOnes() throws {
        let fixture = try EditingFixture()
        let paragraphID = try #require(try fixture.knowledgeBase.read { db in try String.fetchOne(db, sql: "SELECT id FROM paragraphs LIMIT 1") })
        _ = try fixture.relationEditor.link(fixture.ana.id, "represents", fixture.office.id)
        let extracted = Relation(subjectID: fixture.ana.id, predicate: .represents, objectID: fixture.office.id, paragraphID: paragraphID)
        try fixture.knowledgeBase.write("test: an extracted relation") { db in try extracted.insert(db) }
        _ = try fixture.relationEditor.link(fixture.ben.id, "represents", fixture.office.id)
        let result = fixture.run("unlink \"Ana Example\" represents OoE")
        #expect(result.output.hasSuffix("(2 relations removed)\n"))
        #expect(try liveRelations(fixture) == ["\(fixture.ben.id) represents \(fixture.office.id) -"])
        let tombstones = try fixture.knowledgeBase.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM relations WHERE subject_id = ? AND is_deleted = 1", arguments: [fixture.ana.id])
        }
        #expect(tombstones == 2)
        let error = try fixture.failure("unlink \"Ana Example\" represents OoE")
        #expect(error.contains("\"Ana Example\" (\(fixture.ana.id)) is not linked to \"Office of Examples\" (\(fixture.office.id)) by represents"))
        // Linking again brings the hand-made row back instead of adding another.
        let relinked = try fixture.relationEditor.link(fixture.ana.id, "represents", fixture.office.id)
        #expect(relinked.revives)
        #expect(try liveRelations(fixture).count == 2)
    }

    @Test func mergeRedirectsTheDuplicateAndMovesNothing() throws {
        let fixture = try EditingFixture()
        let duplicate = try fixture.entityEditor.add(kind: "person", name: "A. Example").entity
        _ = try fixture.relationEditor.link(duplicate.id, "member_of", fixture.office.id)
        _ = try fixture.annotationStore.note(duplicate.id, text: "same person as Ana?")
        let before = try fixture.knowledgeBase.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM relations WHERE subject_id = ?", arguments: [duplicate.id])
        }
        let result = fixture.run("merge \"Ana Example\" \"A. Example\"")
        #expect(result.output == """
            merged A. Example (\(duplicate.id)) into Ana Example (\(fixture.ana.id))
            its 1 alias, 1 relation and 1 note or tag now show under Ana Example; \(duplicate.id) leads there too

            """)
        #expect(try fixture.stored(duplicate.id)?.mergedInto == fixture.ana.id)
        let after = try fixture.knowledgeBase.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM relations WHERE subject_id = ?", arguments: [duplicate.id])
        }
        #expect(before == after)
        let resolved = try fixture.knowledgeBase.read { db in
            (try EntityResolver().resolve(duplicate.id, in: db).id, try EntityResolver().resolve("A. Example", in: db).id)
        }
        #expect(resolved.0 == fixture.ana.id && resolved.1 == fixture.ana.id)
        // The duplicate's relation counts as Ana's now.
        #expect(fixture.run("link \"Ana Example\" member_of OoE").output.hasPrefix("already linked:"))
        #expect(fixture.run("unlink \(duplicate.id) member_of OoE").succeeded)
    }

    @Test func mergeFollowsChainsAndRefusesSelfAndOtherKinds() throws {
        let fixture = try EditingFixture()
        let second = try fixture.entityEditor.add(kind: "person", name: "Ana E.").entity
        let third = try fixture.entityEditor.add(kind: "person", name: "A.E.").entity
        _ = try fixture.entityEditor.merge(fixture.ana.id, second.id)
        // Merging into the duplicate's id lands on the end of its chain.
        _ = try fixture.entityEditor.merge(second.id, third.id)
        #expect(try fixture.stored(third.id)?.mergedInto == fixture.ana.id)
        #expect(try fixture.failure("merge \(fixture.ana.id) \(fixture.ana.id)").contains("are already the same entity"))
        #expect(try fixture.failure("merge \(fixture.ana.id) \(second.id)").contains("are already the same entity"))
        #expect(try fixture.failure("merge \(second.id) \(fixture.ana.id)").contains("are already the same entity"))
        #expect(try fixture.failure("merge \(fixture.ana.id) OoE").contains("they are of different kinds"))
    }
}
