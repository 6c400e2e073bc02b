import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// `concord_bm25_top` ranks exactly as FTS5's `bm25()`: same rows, same order, same scores.
@Suite struct TopRankingFunctionTests {
    /// A table of random paragraphs: a Zipf-like vocabulary, lengths from 1 to 120 words, and
    /// some short rows, so the best rows for a common word are short ones found late as well as early.
    static func randomTable(rows: Int, seed: UInt64) throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        var random = SplitMix(seed: seed)
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
        let queries = ["\"w0\"", "\"w1\"", "\"w2\" \"w0\"", "\"w5\"", "\"w3\" \"w1\"", "\"w1\"*", "\"w40\"", "\"w399\"", "\"w7\" \"w8\" \"w9\""]
        try queue.read { db in
            var pruned = 0
            for query in queries {
                for limit in [1, 3, 10, 30, 5000] {
                    let expected = try Self.rows(function: "bm25(paragraph_search)", query: query, limit: limit, in: db)
                    let actual = try Self.rows(function: "\(TopRankingFunction.name)(paragraph_search, \(limit))", query: query, limit: limit, in: db)
                    #expect(actual == expected, "\(query) LIMIT \(limit)")
                    pruned += try Self.prunedCount(query: query, limit: limit, in: db)
                }
            }
            // The test means something only if rows were actually skipped.
            #expect(pruned > 1000)
        }
    }

    @Test func aLimitBelowOneIsAnError() throws {
        let queue = try Self.randomTable(rows: 10, seed: 1)
        try queue.read { db in
            #expect(throws: DatabaseError.self) {
                try Self.rows(function: "\(TopRankingFunction.name)(paragraph_search, 0)", query: "\"w0\"", limit: 5, in: db)
            }
        }
    }

    @Test func registeringTwiceOnAConnectionIsNotNeeded() throws {
        let queue = try Self.randomTable(rows: 50, seed: 3)
        try queue.read { db in
            let first = try Self.rows(function: "\(TopRankingFunction.name)(paragraph_search, 5)", query: "\"w0\"", limit: 5, in: db)
            let again = try Self.rows(function: "\(TopRankingFunction.name)(paragraph_search, 5)", query: "\"w0\"", limit: 5, in: db)
            #expect(first == again)
            #expect(!first.isEmpty)
        }
    }

    /// (rowid, rank) pairs of `SELECT rowid, function ... ORDER BY 2, 1 LIMIT limit`.
    static func rows(function: String, query: String, limit: Int, in db: Database) throws -> [RankedRow] {
        let sql = "SELECT rowid, \(function) FROM paragraph_search WHERE paragraph_search MATCH ? ORDER BY 2, 1 LIMIT ?"
        return try Row.fetchAll(try TopRankingFunction.statement(sql, in: db), arguments: [query, limit]).map {
            RankedRow(rowid: $0[0], rank: $0[1])
        }
    }

    /// How many matching rows the function skipped (ranked +Infinity) for this query.
    static func prunedCount(query: String, limit: Int, in db: Database) throws -> Int {
        let sql = """
            SELECT rowid, \(TopRankingFunction.name)(paragraph_search, \(limit)) FROM paragraph_search
            WHERE paragraph_search MATCH ? ORDER BY 1
            """
        return try Row.fetchAll(try TopRankingFunction.statement(sql, in: db), arguments: [query])
            .filter { ($0[1] as Double).isInfinite }.count
    }

    struct RankedRow: Equatable {
        var rowid: Int64
        var rank: Double
    }

    /// A small seeded generator (SplitMix64), so the table is the same on every run.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }
}

/// `search` returns what ranking every match with `bm25()` returned.
@Suite struct SearchMatchesBm25Tests {
    @Test(arguments: ["migrant workers", "committee", "state", "the", "rights", "women", "children", "disappearance*", "report"])
    func sameHitsAsRankingEveryMatch(text: String) throws {
        let (knowledgeBase, _) = try TestKnowledgeBase.seeded()
        let call = "\(TopRankingFunction.name)(paragraph_search, ?2 + \(ParagraphSearch.tieMargin))"
        #expect(ParagraphSearch.rankedSQL.contains(call))
        let everyMatchSQL = ParagraphSearch.rankedSQL.replacingOccurrences(of: call, with: "bm25(paragraph_search)")
        for limit in [1, 5, 20] {
            let hits = try knowledgeBase.read { db in try ParagraphSearch().search(text, limit: limit, in: db) }
            let expected = try knowledgeBase.read { db in
                try Row.fetchAll(db, sql: everyMatchSQL, arguments: [
                    ParagraphSearch.matchExpression(for: text), limit, ParagraphSearch.highlightStart,
                    ParagraphSearch.highlightEnd, ParagraphSearch.matchExpression(for: text),
                ]).map { row -> [DatabaseValue] in [row[2], row[5], row[6]] }
            }
            #expect(!hits.isEmpty)
            #expect(hits.map { [$0.paragraphID.databaseValue, $0.snippet.databaseValue, $0.rank.databaseValue] } == expected)
        }
    }
}
