import Foundation
import Testing
@testable import ConcordKit

/// Names complete as people type them: from the start of any word, from aliases, with or
/// without accents, unquoted with spaces; and the values of options, document labels and tags.
@Suite struct NameCompletionTests {
    let provider: CompletionProvider

    init() throws {
        let fixture = try ReplFixture()
        let knowledgeBase = try KnowledgeBase.open(path: fixture.databasePath, author: "tester")
        try knowledgeBase.write("add a many-word name sharing a beginning with Guatemala, and a tag") { db in
            try db.execute(sql: "INSERT INTO entities (id, kind, name) VALUES ('body:00000000000000d1', 'body', 'Guatemalan Migration Board')")
            try Alias(entityID: "body:00000000000000d1", alias: "Guatemalan Migration Board").insert(db, onConflict: .ignore)
        }
        provider = CompletionProvider(knowledgeBase: knowledgeBase)
        _ = try knowledgeBase.write("tag") { db in
            try db.execute(sql: """
                INSERT INTO annotations (id, target_kind, target_id, annotation_kind, body, author, created_at)
                VALUES ('annotation:00000000000000e1', 'entity', 'body:00000000000000d1', 'tag', 'follow-up', 'tester', '2026-01-01T00:00:00Z')
                """)
        }
    }

    func complete(_ line: String) -> [String] {
        provider.complete(line: line, cursor: line.unicodeScalars.count).candidates
    }

    @Test func aNameCompletesFromTheStartOfAnyOfItsWords() {
        #expect(complete("show Boter") == ["\"Mr. Botero Navarro\""])
        #expect(complete("show Lewis").contains("\"Benjamin Lewis\""))
        #expect(complete("show Navar") == ["\"Mr. Botero Navarro\""])
        // Not from the middle of a word.
        #expect(!complete("show otero").contains("\"Mr. Botero Navarro\""))
    }

    @Test func aSecondTabListsEachNameWithItsKind() {
        let line = "show Lewis"
        let completion = provider.complete(line: line, cursor: line.unicodeScalars.count)
        #expect(completion.candidates.count > 1)
        #expect(completion.listed?.contains("Benjamin Lewis (person)") == true, "\(completion.listed ?? [])")
        #expect(completion.listed?.count == completion.candidates.count)
    }

    @Test func aWordLookupThatRunsTooLongIsAbandoned() throws {
        let knowledgeBase = try KnowledgeBase.inMemory()
        let endless = try knowledgeBase.read { db in
            try EntityNameCompletion.withinBudget(db) {
                try Int.fetchOne(db, sql: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")
            }
        }
        #expect(endless == nil)
        let quick = try knowledgeBase.read { db in try EntityNameCompletion.withinBudget(db) { try Int.fetchOne(db, sql: "SELECT 7") } }
        #expect(quick == .some(7))
    }

    @Test func anAliasCompletes() {
        #expect(complete("show OHC").first == "OHCHR")
    }

    @Test func accentsMayBeTypedOrNot() {
        for typed in ["Landá", "Landa", "landa"] {
            #expect(complete("show \(typed)") == ["\"Ms. Landázuri de Mora\""], "\(typed)")
        }
        #expect(complete("show Lié") == ["\"Ms. Martinez Liévano\""])
        #expect(complete("show Lie") == ["\"Ms. Martinez Liévano\""])
        #expect(complete("show Traoré") == ["\"Ms. Traoré Bazie\""])
    }

    @Test func anUnquotedNameWithSpacesCompletes() {
        let line = "show Mr. Bot"
        let completion = provider.complete(line: line, cursor: line.unicodeScalars.count)
        #expect(completion.candidates == ["Botero Navarro"])
        #expect(completion.start == 9)
        #expect(complete("show Benjamin L") == ["Lewis"])
    }

    @Test func aOneWordAndAManyWordNameSharingABeginningAreBothOffered() {
        let candidates = complete("show Guatem")
        #expect(candidates == ["Guatemala", "\"Guatemalan Migration Board\""])
        // The first Tab inserts their shared beginning, bare; the second lists both.
        #expect(LineEditorState.commonPrefix(candidates, atLeast: "Guatem") == "Guatemala")
        #expect(LineEditorState.commonPrefix(["OHCHR", "\"OHCHR Recommended Principles\""], atLeast: "OHC") == "OHCHR")
    }

    @Test func formatValuesDocumentLabelsAndTagsComplete() {
        #expect(complete("graph OHCHR --format s") == ["svg"])
        #expect(complete("export --format g") == ["graphml"])
        #expect(complete("doc 00") == ["000", "001", "002", "003", "004"])
        #expect(complete("untag \"Guatemalan Migration Board\" fol") == ["follow-up"])
        #expect(complete("notes --tag f") == ["follow-up"])
    }
}
