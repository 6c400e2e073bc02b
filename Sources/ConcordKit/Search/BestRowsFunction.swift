import CConcordSearch
import GRDB

/// `concord_bm25_top(paragraph_search, K)`: FTS5's BM25 rank for the rows that may be among
/// the K best, `+Infinity` for the others (C, `Sources/CConcordSearch`).
///
/// `bm25()` reads each matching row's length with one statement per row inside FTS5: a word
/// in 48,465 of the 1M base's 500,000 paragraphs spent 50–90 ms there. This function computes
/// the same score, bit for bit, but first bounds it from the row's phrase counts and the
/// position of its last matched word (no read); a row whose bound is below the K-th best score
/// already seen is not read. `ORDER BY concord_bm25_top(t, K), rowid LIMIT K` returns what
/// `ORDER BY bm25(t), rowid LIMIT K` returns.
///
/// FTS5 functions are registered per connection; ``statement(_:in:)`` registers it the first
/// time a connection prepares a statement that needs it.
///
/// Related SQLite documentation: https://www.sqlite.org/fts5.html#custom_auxiliary_functions
enum TopRankingFunction {
    /// The SQL name of the function.
    static let name = "concord_bm25_top"

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
        let code = concord_search_register_bm25_top(db.sqliteConnection)
        guard code == 0 else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "could not add \(name) to FTS5")
        }
    }
}
