import Foundation
import Testing
@testable import ConcordKit

/// Ranking and snippets on the seeded knowledge base, and `search --json`'s shape.
@Suite struct SearchRankingTests {
    @Test(arguments: [
        ("Siberian river reversal", "001", 4),
        ("kafalah system", "001", 13),
        ("e-Visa system", "002", 29),
        ("Solidarity Fund for Honduran Migrants", "004", nil as Int?),
    ])
    func theBestHitForADistinctivePhraseIsTheParagraphHoldingIt(phrase: String, label: String, number: Int?) throws {
        let (knowledgeBase, _) = try TestKnowledgeBase.seeded()
        let hits = try knowledgeBase.read { db in try ParagraphSearch().search(phrase, in: db) }
        let best = try #require(hits.first)
        #expect(DocumentLabel.short(best.document) == label)
        if let number { #expect(best.number == number) }
        let text = try knowledgeBase.read { db in try Paragraph.fetchOne(db, key: best.paragraphID)?.text }
        #expect(text?.contains(phrase) == true)
    }

    @Test func snippetsHighlightEveryMatchedWord() throws {
        let (knowledgeBase, _) = try TestKnowledgeBase.seeded()
        let hits = try knowledgeBase.read { db in try ParagraphSearch().search("domestic workers", limit: 5, in: db) }
        #expect(hits.count == 5)
        for hit in hits {
            let marked = Self.highlighted(hit.snippet).map { $0.lowercased() }
            #expect(marked.contains { $0.hasPrefix("domestic") }, "\(hit.snippet)")
            #expect(marked.contains { $0.hasPrefix("worker") }, "\(hit.snippet)")
            #expect(!marked.contains { !$0.hasPrefix("domestic") && !$0.hasPrefix("worker") })
        }
        #expect(hits.map(\.rank) == hits.map(\.rank).sorted())
    }

    @Test func aPrefixQueryAndAStemmedWordBothMatch() throws {
        let (knowledgeBase, _) = try TestKnowledgeBase.seeded()
        let prefix = try knowledgeBase.read { db in try ParagraphSearch().search("xenophob*", in: db) }
        #expect(!prefix.isEmpty)
        let stemmed = try knowledgeBase.read { db in try ParagraphSearch().search("disappearances", limit: 50, in: db) }
        #expect(stemmed.contains { $0.snippet.contains("\u{2}disappearance\u{3}") })
    }

    @Test func jsonLinesParseAndHaveTheDocumentedKeys() throws {
        let path = try TestKnowledgeBase.seededCopyPath()
        let result = try ConcordProcess.run(["search", "migrant", "domestic", "workers", "--json", "--limit", "3", "--db", path])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["document", "symbol", "paragraph", "number", "snippet", "rank"])
            #expect(object["paragraph"] is Int)
            #expect(object["number"] is Int || object["number"] is NSNull)
            #expect(object["symbol"] is String || object["symbol"] is NSNull)
            #expect((object["snippet"] as? String)?.contains("«") == true)
        }
    }

    @Test func textOutputNamesTheParagraphAndMarksTheWords() throws {
        let path = try TestKnowledgeBase.seededCopyPath()
        let result = try ConcordProcess.run(["search", "Siberian", "--db", path])
        #expect(result.status == 0)
        // In a pipe: a header, then one tab-separated line per hit (document, paragraph, symbol, snippet).
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "document\tparagraph\tsymbol\tsnippet")
        #expect(lines.dropFirst().first?.hasPrefix("001\t¶4\t") == true)
        #expect(lines.dropFirst().first?.contains("«Siberian»") == true)
        #expect(!result.output.contains("\u{1B}["), "no colour when NO_COLOR is set or output is a pipe")
    }

    /// The words between highlight marks in a snippet.
    static func highlighted(_ snippet: String) -> [String] {
        snippet.components(separatedBy: ParagraphSearch.highlightStart).dropFirst().compactMap {
            $0.components(separatedBy: ParagraphSearch.highlightEnd).first
        }
    }
}
