// An FTS5 auxiliary function that ranks like bm25() but skips reading the length of
// rows that cannot be among the best few.
//
// bm25() reads every matching row's length in tokens from the %_docsize table, one
// statement per row inside FTS5: ranking a word that matches 48,465 of 500,000
// paragraphs spent most of its 90 ms there. concord_bm25_top(table, K) computes the same
// score, bit for bit, for every row that may still be among the K best rows seen so far.
// A row's phrase counts and the position of its last matched token come from its position
// lists (no extra read); the last position bounds its length from below, which bounds its
// score from above. A row whose bound is below the K-th best score already seen cannot be
// among the K best, so its length is not read and it gets +Infinity, which sorts after
// every real rank (ranks are negative).
//
// So `ORDER BY concord_bm25_top(t, K), rowid LIMIT K` returns the same rows in the same
// order with the same ranks as `ORDER BY bm25(t), rowid LIMIT K`: whenever K or more rows
// match, at least K of them get a real rank.
//
// Related SQLite documentation: https://www.sqlite.org/fts5.html#custom_auxiliary_functions
#ifndef CONCORD_SEARCH_H
#define CONCORD_SEARCH_H

// The connection type, declared here so that Swift sees this header without a second copy
// of sqlite3.h beside GRDB's (an `OpaquePointer` there, as GRDB's `sqliteConnection`).
struct sqlite3;

/// The name the ranking function is registered under.
#define CONCORD_BM25_TOP_NAME "concord_bm25_top"

/// Registers concord_bm25_top() with the FTS5 module of `db`. Returns an SQLite result code
/// (SQLITE_ERROR when the library has no FTS5). Registering again adds a second copy, so
/// call it once per connection.
int concord_search_register_bm25_top(struct sqlite3 *db);

#endif
