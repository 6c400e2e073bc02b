import GRDB
import Testing
@testable import ConcordKit

/// The trigram index `find` reads (``NameSearchSchema``) holds every name and alias and
/// follows every write, through triggers.
@Suite struct EntityNameSearchTests {
    static let loner = "person:00000000000000c1"

    func find(_ text: String, in knowledgeBase: KnowledgeBase) throws -> [EntityFinder.Match] {
        try knowledgeBase.read { db in try EntityFinder().find(text, in: db) }
    }

    func indexed(_ id: String, in knowledgeBase: KnowledgeBase) throws -> [String] {
        try knowledgeBase.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM name_search WHERE entity_id = ? ORDER BY name", arguments: [id])
        }
    }

    @Test func aNameWithoutAliasRowsIsFoundByAWordOfItAndWithATypo() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        try knowledgeBase.write("add") { db in
            try Entity(id: Self.loner, kind: .person, name: "Ms. Ana Kabedori").insert(db)
        }
        #expect(try indexed(Self.loner, in: knowledgeBase) == ["MsAnaKabedori"])
        let word = try find("Kabe", in: knowledgeBase)
        #expect(word.map(\.entity.id) == [Self.loner])
        #expect(word.first?.quality == .wordPrefix)
        let typo = try find("Ms. Ana Kabedpri", in: knowledgeBase)
        #expect(typo.first?.entity.id == Self.loner)
        #expect(typo.first?.quality == .fuzzy)
        #expect(try find("Kabedoru", in: knowledgeBase).first?.entity.id == Self.loner)
    }

    @Test func renamingAddingAndRemovingAliasesKeepTheIndexCurrent() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        try knowledgeBase.write("add") { db in
            try Entity(id: Self.loner, kind: .person, name: "Ms. Ana Kabedori").insert(db)
            try Alias(entityID: Self.loner, alias: "Ana Kabedóri-Luz").insert(db)
            try Alias(entityID: Self.loner, alias: "AK").insert(db)
        }
        #expect(try indexed(Self.loner, in: knowledgeBase) == ["MsAnaKabedori", "ak", "anakabedoriluz"])
        try knowledgeBase.write("rename") { db in
            try db.execute(sql: "UPDATE entities SET name = 'Dr. Ana Kabedori' WHERE id = ?", arguments: [Self.loner])
            try db.execute(sql: "DELETE FROM aliases WHERE entity_id = ? AND alias = 'AK'", arguments: [Self.loner])
            try db.execute(sql: "DELETE FROM aliases WHERE entity_id = ? AND alias = 'Ana Kabedóri-Luz'", arguments: [Self.loner])
        }
        #expect(try indexed(Self.loner, in: knowledgeBase) == ["DrAnaKabedori"])
        #expect(try find("Luz", in: knowledgeBase).isEmpty)
        #expect(try find("Dr. Ana", in: knowledgeBase).first?.quality == .prefix)
    }

    @Test func piecesCoverEveryAllowedEditOfLongTextAndFallBackToTrigramsOfShortText() {
        // 13 letters allow 2 edits: 3 pieces, one of which any 2 edits leave whole.
        #expect(EntityFinder.pieces(of: "msanakabedpri") == ["msan", "akab", "edpri"])
        #expect(EntityFinder.pieces(of: "lewsi") == ["ews", "lew", "wsi"])
        #expect(EntityFinder.pieces(of: "un") == [])
    }
}
