import CConcordSearch
import GRDB

/// `concord_bm25_best(paragraph_search, K, 'paragraph_search')`: the K best paragraphs for
/// a MATCH expression by FTS5's BM25, found in one call (C, `Sources/CConcordSearch`).
///
/// `bm25()` reads each matching row's length with one statement per row inside FTS5 and
/// sends every row through SQLite's sorter: a word in 48,465 of the 1M base's 500,000
/// paragraphs took 50–90 ms. This function reads each phrase's rows once, bounds every row's
/// score from its phrase counts and the position of its last matched word, and reads the
/// length of only the rows whose bound can still reach the K-th best score. The rows, their
/// order and their ranks are those of `ORDER BY bm25(paragraph_search), rowid LIMIT K`.
///
/// It returns JSON, `[[rowid, place, rank bits], ...]`, best first; `place` is the position
/// of the first row with the same rank; the rank comes as its IEEE-754 bits (``rank(bits:)``).
/// It only accepts an AND of phrases (what ``ParagraphSearch/matchExpression(for:)`` makes).
/// FTS5 functions are registered per connection: the C library registers it for every
/// connection the process opens (`sqlite3_auto_extension`); ``statement(_:in:)`` registers it
/// on a connection that was opened without it.
///
/// Related SQLite documentation: https://www.sqlite.org/fts5.html#custom_auxiliary_functions
enum BestRowsFunction {
    /// The SQL name of the function.
    static let name = "concord_bm25_best"

    /// One of the best rows: its `paragraph_search` rowid and its BM25 rank (lower is better).
    struct RankedRow: Equatable {
        var rowid: Int64
        var rank: Double
    }

    /// The `count` best rows for `matchExpression`, best first (ties by rowid).
    static func bestRows(matching matchExpression: String, count: Int, in db: Database) throws -> [RankedRow] {
        let sql = """
            SELECT value ->> 0, value ->> 2 FROM json_each((
              SELECT \(name)(paragraph_search, ?2, 'paragraph_search') FROM paragraph_search
              WHERE paragraph_search MATCH ?1 LIMIT 1))
            """
        return try Row.fetchAll(statement(sql, in: db), arguments: [matchExpression, count]).map {
            RankedRow(rowid: $0[0], rank: rank(bits: $0[1]))
        }
    }

    /// A rank from the IEEE-754 bits the function gives it as (a decimal might not round-trip).
    static func rank(bits: Int64) -> Double {
        Double(bitPattern: UInt64(bitPattern: bits))
    }

    /// The cached statement for `sql` on this connection, registering the function first on a
    /// connection that has not got it yet.
    static func statement(_ sql: String, in db: Database) throws -> Statement {
        do {
            return try db.cachedStatement(sql: sql)
        } catch let error as DatabaseError where error.message?.contains("no such function: \(name)") == true {
            try register(in: db)
            return try db.cachedStatement(sql: sql)
        }
    }

    /// Adds the function to this connection's FTS5 module.
    static func register(in db: Database) throws {
        let code = concord_search_register_bm25_best(db.sqliteConnection)
        guard code == 0 else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "could not add \(name) to FTS5")
        }
    }
}
