import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// The views of ``BrowsableSchema`` show what Concord's own commands show, after merges and deletions.
@Suite struct BrowsableViewsTests {
    /// The fixture after: Ben (alias "Benny", represents the Office and OHCHR) merged into Ana; the Office
    /// deleted; a seeded person (Mr. Nowosad) deleted.
    static func editedFixture() throws -> EditingFixture {
        let fixture = try EditingFixture()
        let entities = fixture.entityEditor, relations = fixture.relationEditor
        _ = try entities.alias(fixture.ben.id, alias: "Benny")
        _ = try relations.link(fixture.ben.id, "represents", fixture.office.id)
        _ = try relations.link(fixture.ben.id, "represents", "OHCHR")
        _ = try entities.merge(fixture.ana.id, fixture.ben.id)
        _ = try entities.delete(fixture.office.id)
        _ = try entities.delete("Mr. Nowosad")
        return fixture
    }

    @Test func liveEntitiesAreTheEntitiesConcordListsWithTheAliasesOfMergedOnes() throws {
        let fixture = try Self.editedFixture()
        let (listed, viewed, anaAliases, merges) = try fixture.knowledgeBase.read { db in
            (try EntityListing().entities(in: db).map(\.id).sorted(),
             try String.fetchAll(db, sql: "SELECT id FROM live_entities ORDER BY id"),
             try String.fetchOne(db, sql: "SELECT aliases FROM live_entities WHERE id = ?", arguments: [fixture.ana.id]),
             try String.fetchAll(db, sql: "SELECT merged_name || ' -> ' || canonical_name FROM entity_merges"))
        }
        #expect(viewed == listed)
        #expect(!viewed.contains(fixture.ben.id) && !viewed.contains(fixture.office.id))
        #expect(viewed.contains(fixture.ana.id))
        #expect(anaAliases == "Ben Sample; Benny")
        #expect(merges == ["Ben Sample -> Ana Example"])
    }

    @Test func namedRelationsAreTheRelationsConcordListsWithNamesAndPlaces() throws {
        let fixture = try Self.editedFixture()
        let (listed, viewed) = try fixture.knowledgeBase.read { db in
            (Set(try RelationListing().relations(in: db).map { item in
                let place = item.sourceName.map { DocumentLabel.short($0) + ":" + (item.number.map { "¶\($0)" } ?? "#\(item.ordinal ?? 0)") }
                return "\(item.subjectName)|\(item.predicate)|\(item.objectName)|\(place ?? "-")"
            }),
             try String.fetchAll(db, sql: """
                SELECT subject || '|' || predicate || '|' || object || '|' || ifnull(paragraph, '-') FROM named_relations
                """))
        }
        #expect(Set(viewed) == listed)
        #expect(listed.count > 100)
        #expect(viewed.contains("Ana Example|represents|Office of the United Nations High Commissioner for Human Rights|-"))
        #expect(!viewed.contains { $0.contains("Office of Examples") || $0.contains("Nowosad") })
    }

    @Test func paragraphPlacesAreTheLabelsConcordPrints() throws {
        let knowledgeBase = try TestKnowledgeBase.seeded().knowledgeBase
        let (printed, viewed) = try knowledgeBase.read { db in
            (try ParagraphPlace.fetchAll(Set(String.fetchAll(db, sql: "SELECT id FROM paragraphs")), in: db)
                .map { "\($0.key) \($0.value.documentLabel) \($0.value.label)" }.sorted(),
             try String.fetchAll(db, sql: "SELECT paragraph_id || ' ' || document || ' ' || paragraph FROM paragraph_places ORDER BY 1"))
        }
        #expect(viewed == printed)
        #expect(printed.count == 408)
        try knowledgeBase.close()
    }

    @Test func namedMentionsCountWhatEntitiesCountPerEntity() throws {
        let fixture = try Self.editedFixture()
        let (listed, viewed) = try fixture.knowledgeBase.read { db in
            (Dictionary(uniqueKeysWithValues: try EntityListing().entities(in: db).filter { $0.mentionCount > 0 }.map { ($0.id, $0.mentionCount) }),
             Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT entity_id, count(*) FROM named_mentions GROUP BY entity_id")
                .map { ($0[0] as String, $0[1] as Int) }))
        }
        #expect(viewed == listed)
        #expect(!listed.isEmpty)
    }
}
