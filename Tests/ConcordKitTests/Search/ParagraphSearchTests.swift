import Testing
@testable import ConcordKit

@Suite struct ParagraphSearchTests {
    @Test func userInputIsQuotedSoOperatorsAreInert() {
        #expect(ParagraphSearch.matchExpression(for: "enforced disappearance") == "\"enforced\" \"disappearance\"")
        #expect(ParagraphSearch.matchExpression(for: "NOT OR (\"x") == "\"NOT\" \"OR\" \"x\"")
        #expect(ParagraphSearch.matchExpression(for: "migra*") == "\"migra\"*")
        #expect(ParagraphSearch.matchExpression(for: " -- ") == nil)
    }

    @Test func findsStemmedWordsWithHighlightedSnippets() throws {
        let (knowledgeBase, _) = try TestKnowledgeBase.seeded()
        let hits = try knowledgeBase.read { db in try ParagraphSearch().search("enforced disappearance", in: db) }
        #expect(!hits.isEmpty)
        for hit in hits {
            #expect(hit.snippet.contains(ParagraphSearch.highlightStart))
            #expect(hit.snippet.lowercased().contains("enforced"))
        }
        // BM25: results come best first.
        #expect(hits.map(\.rank) == hits.map(\.rank).sorted())
    }

    @Test func anEmptyQueryIsAClearError() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        #expect(throws: SearchError.emptyQuery) {
            try knowledgeBase.read { db in try ParagraphSearch().search("  ", in: db) }
        }
    }
}
