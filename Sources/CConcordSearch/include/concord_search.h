// An FTS5 auxiliary function that finds the K best rows of a query by bm25() without reading
// the length of every matching row.
//
// bm25() needs each matching row's length in tokens, which FTS5 reads from the %_docsize
// table with one statement per row: ranking a word that matches 48,465 of 500,000 paragraphs
// spent most of its 50-90 ms there, and every row also went through SQLite's sorter.
//
// concord_bm25_best(table, K, 'table name') is called once, on the query's first row (the
// statement ends with LIMIT 1). It reads each phrase's rows through xQueryPhrase (the pass
// bm25() already makes to count them for the IDF), keeps the rows holding every phrase, and
// bounds each row's score from its phrase counts and the position of its last matched token
// (a row is at least that long). Rows are scored exactly, reading their length from
// %_docsize, highest bounds first; a row whose bound is below the K-th best exact score
// found so far cannot be among the K best and is never read.
//
// It returns JSON, [[rowid, place, rank bits], ...]: the K (or fewer) best rows ordered as
// `ORDER BY bm25(table), rowid LIMIT K` orders them; `place` is the position of the first
// row with the same rank (rows that tie share it); the rank, bm25()'s value bit for bit, is
// given by its IEEE-754 bits as a signed 64-bit integer (a decimal might not round-trip).
//
// Only for MATCH expressions that are an AND of phrases ("a" "b"* ...): a row matches
// when it holds every phrase. OR, NOT and NEAR would need FTS5's own evaluation.
//
// Related SQLite documentation: https://www.sqlite.org/fts5.html#custom_auxiliary_functions
#ifndef CONCORD_SEARCH_H
#define CONCORD_SEARCH_H

// The connection type, declared here so that Swift sees this header without a second copy
// of sqlite3.h beside GRDB's (an `OpaquePointer` there, as GRDB's `sqliteConnection`).
struct sqlite3;

/// Registers concord_bm25_best() with the FTS5 module of `db`. Returns an SQLite result code
/// (SQLITE_ERROR when the library has no FTS5). Registering again adds a second copy, so
/// call it once per connection. Every connection the process opens gets it without asking:
/// loading this library registers it with sqlite3_auto_extension().
int concord_search_register_bm25_best(struct sqlite3 *db);

#endif
