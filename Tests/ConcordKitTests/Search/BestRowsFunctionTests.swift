import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// `concord_bm25_best` ranks exactly as FTS5's `bm25()`: same rows, same order, same scores.
@Suite struct BestRowsFunctionTests {
    /// A table of random paragraphs: a Zipf-like vocabulary, lengths from 1 to 120 words, and
    /// some short rows, so the best rows for a common word are short ones found late as well as early.
    static func randomTable(rows: Int, seed: UInt64) throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        var random = SeededGenerator(seed: seed)
        let vocabulary = (0..<400).map { "w\($0)" }
        try queue.write { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE paragraph_search USING fts5(
                  paragraph_id UNINDEXED, text, tokenize = 'porter unicode61 remove_diacritics 2')
                """)
            for row in 0..<rows {
                let length = random.next(below: 10) == 0 ? 1 + random.next(below: 4) : 1 + random.next(below: 120)
                let words = (0..<length).map { _ in
                    // Rank r drawn with probability about 1/r: w0 is in most rows, w399 in few.
                    vocabulary[Int(Double(vocabulary.count) * pow(random.unit(), 3))]
                }
                try db.execute(sql: "INSERT INTO paragraph_search (paragraph_id, text) VALUES (?, ?)",
                               arguments: ["p\(row)", words.joined(separator: " ")])
            }
        }
        return queue
    }

    @Test func theBestRowsAndTheirScoresAreBm25s() throws {
        let queue = try Self.randomTable(rows: 3000, seed: 7)
        let queries = [
            "\"w0\"", "\"w1\"", "\"w2\" \"w0\"", "\"w5\"", "\"w3\" \"w1\"", "\"w1\"*", "\"w40\"", "\"w399\"",
            "\"w7\" \"w8\" \"w9\"", "\"w2\" \"w2\"", "\"w11 w12\"", "\"nowhere\"",
        ]
        try queue.read { db in
            for query in queries {
                for limit in [1, 3, 10, 30, 5000] {
                    let expected = try Row.fetchAll(db, sql: """
                        SELECT rowid, bm25(paragraph_search) FROM paragraph_search WHERE paragraph_search MATCH ?
                        ORDER BY 2, 1 LIMIT ?
                        """, arguments: [query, limit]).map { BestRowsFunction.RankedRow(rowid: $0[0], rank: $0[1]) }
                    let actual = try BestRowsFunction.bestRows(matching: query, count: limit, in: db)
                    #expect(actual == expected, "\(query) LIMIT \(limit)")
                }
            }
        }
    }

    @Test func aCountBelowOneIsAnError() throws {
        let queue = try Self.randomTable(rows: 10, seed: 1)
        _ = try queue.read { db in
            #expect(throws: DatabaseError.self) {
                _ = try BestRowsFunction.bestRows(matching: "\"w0\"", count: 0, in: db)
            }
        }
    }

    @Test func theFunctionIsRegisteredOncePerConnection() throws {
        let queue = try Self.randomTable(rows: 50, seed: 3)
        try queue.read { db in
            let first = try BestRowsFunction.bestRows(matching: "\"w0\"", count: 5, in: db)
            let again = try BestRowsFunction.bestRows(matching: "\"w0\"", count: 5, in: db)
            #expect(first == again)
            #expect(first.count == 5)
        }
    }
}

/// `search` returns what ranking every match with `bm25()` in SQL returned.
@Suite struct SearchMatchesBm25Tests {
    /// The query `search` ran before ``BestRowsFunction``: every match ranked by `bm25()`.
    static let everyMatchSQL = """
        WITH best(hit, rank) AS MATERIALIZED (
          SELECT rowid, bm25(paragraph_search) FROM paragraph_search
          WHERE paragraph_search MATCH ?1 ORDER BY 2, 1 LIMIT ?2 + 10)
        SELECT p.id, snippet(paragraph_search, 1, ?3, ?4, '…', 24) AS snippet, best.rank
        FROM best
        CROSS JOIN paragraph_search ON paragraph_search.rowid = best.hit
        JOIN paragraphs p ON p.rowid = paragraph_search.rowid
        JOIN documents d ON d.id = p.document_id
        WHERE paragraph_search MATCH ?1
        ORDER BY best.rank, p.id
        LIMIT ?2
        """

    @Test(arguments: ["migrant workers", "committee", "state", "the", "rights", "women", "children", "disappearance*", "report", "of the"])
    func sameHitsAsRankingEveryMatch(text: String) throws {
        let (knowledgeBase, _) = try TestKnowledgeBase.seeded()
        let query = try #require(ParagraphSearch.matchExpression(for: text))
        for limit in [1, 5, 20] {
            let hits = try knowledgeBase.read { db in try ParagraphSearch().search(text, limit: limit, in: db) }
            let expected = try knowledgeBase.read { db in
                try Row.fetchAll(db, sql: Self.everyMatchSQL, arguments: [
                    query, limit, ParagraphSearch.highlightStart, ParagraphSearch.highlightEnd,
                ]).map { row -> [DatabaseValue] in [row[0], row[1], row[2]] }
            }
            #expect(!hits.isEmpty)
            #expect(hits.map { [$0.paragraphID.databaseValue, $0.snippet.databaseValue, $0.rank.databaseValue] } == expected)
        }
    }

    /// 30 paragraphs tie on rank, inserted so that rowid order and paragraph id order differ:
    /// the hits are the first by paragraph id among the best `limit` + 10 by rowid, as before.
    @Test func tiesAtTheLastPlaceAreOrderedByParagraphID() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        try knowledgeBase.write("tied paragraphs") { db in
            try db.execute(sql: """
                INSERT INTO documents (id, source_name, document_kind, content_sha256, character_count, ingested_at)
                VALUES ('doc:tie', 'tie.txt', 'other', 'tie', 1, '2024-01-01T00:00:00Z')
                """)
            for ordinal in (1...30).reversed() {
                let text = ordinal % 7 == 0 ? "alpha beta" : "alpha beta gamma"
                try db.execute(sql: """
                    INSERT INTO paragraphs (id, document_id, ordinal, paragraph_kind, text)
                    VALUES (?, 'doc:tie', ?, 'text', ?)
                    """, arguments: ["doc:tie:\(String(format: "%02d", ordinal))", ordinal, text])
            }
        }
        let query = try #require(ParagraphSearch.matchExpression(for: "alpha"))
        for limit in [1, 3, 4, 5, 12, 40] {
            let hits = try knowledgeBase.read { db in try ParagraphSearch().search("alpha", limit: limit, in: db) }
            let expected = try knowledgeBase.read { db in
                try Row.fetchAll(db, sql: Self.everyMatchSQL, arguments: [
                    query, limit, ParagraphSearch.highlightStart, ParagraphSearch.highlightEnd,
                ]).map { row -> [DatabaseValue] in [row[0], row[1], row[2]] }
            }
            #expect(hits.count == min(limit, 30))
            #expect(hits.map { [$0.paragraphID.databaseValue, $0.snippet.databaseValue, $0.rank.databaseValue] } == expected)
        }
    }
}
