// concord_bm25_top(): BM25 as FTS5's bm25() computes it, for the rows that may be among
// the K best. See include/concord_search.h for what it returns and why.
#include "concord_search.h"

#include <sqlite3.h>

#include <math.h>
#include <string.h>

// The score must come out bit for bit as bm25()'s: no fused multiply-adds.
#pragma STDC FP_CONTRACT OFF

// BM25's constants, as in FTS5's bm25().
static const double concordK1 = 1.2;
static const double concordB = 0.75;

// What one query computes once (corpus statistics) and keeps between rows (the best scores).
typedef struct ConcordBm25TopQuery {
    int phraseCount;
    int columnCount;
    double averageLength;       // tokens per row over the whole table
    double *inverseFrequencies; // one per phrase
    double *frequencies;        // the current row's instances of each phrase
    int *columnEnds;            // the current row's last matched position + 1, per column
    int capacity;               // K
    int count;                  // scores held in `best`, at most K
    double *best;               // min-heap of the K best scores seen so far (best[0] is the K-th best)
    int hasLast;                // the last row computed, in case SQLite asks for it twice
    sqlite3_int64 lastRowid;
    double lastResult;
} ConcordBm25TopQuery;

static int concordCountRow(const Fts5ExtensionApi *api, Fts5Context *fts, void *context) {
    (void)api;
    (void)fts;
    *(sqlite3_int64 *)context += 1;
    return SQLITE_OK;
}

// The query's state, made on its first row: average length and each phrase's IDF over the
// whole table, exactly as bm25() computes them.
static int concordQuery(const Fts5ExtensionApi *api, Fts5Context *fts, int capacity, ConcordBm25TopQuery **out) {
    ConcordBm25TopQuery *query = api->xGetAuxdata(fts, 0);
    if (query != 0) {
        *out = query;
        return SQLITE_OK;
    }
    int phrases = api->xPhraseCount(fts);
    int columns = api->xColumnCount(fts);
    sqlite3_int64 bytes = sizeof(ConcordBm25TopQuery) + (sqlite3_int64)sizeof(double) * (2 * phrases + capacity)
        + (sqlite3_int64)sizeof(int) * columns;
    query = sqlite3_malloc64(bytes);
    if (query == 0) return SQLITE_NOMEM;
    memset(query, 0, (size_t)bytes);
    query->phraseCount = phrases;
    query->columnCount = columns;
    query->capacity = capacity;
    query->inverseFrequencies = (double *)&query[1];
    query->frequencies = &query->inverseFrequencies[phrases];
    query->best = &query->frequencies[phrases];
    query->columnEnds = (int *)&query->best[capacity];

    sqlite3_int64 rows = 0, tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc == SQLITE_OK) query->averageLength = (double)tokens / (double)rows;
    for (int phrase = 0; rc == SQLITE_OK && phrase < phrases; phrase++) {
        sqlite3_int64 hits = 0;
        rc = api->xQueryPhrase(fts, phrase, &hits, concordCountRow);
        if (rc == SQLITE_OK) {
            double idf = log((rows - hits + 0.5) / (hits + 0.5));
            query->inverseFrequencies[phrase] = idf <= 0.0 ? 1e-6 : idf;
        }
    }
    if (rc == SQLITE_OK) rc = api->xSetAuxdata(fts, query, sqlite3_free);
    else sqlite3_free(query);
    *out = rc == SQLITE_OK ? query : 0;
    return rc;
}

// bm25()'s sum for a row of `length` tokens with the current row's phrase counts (positive:
// higher is better). Every step is monotonic in `length`, so a shorter length gives a score
// at least as high, in floating point too.
static double concordScore(const ConcordBm25TopQuery *query, double length) {
    double score = 0.0;
    for (int phrase = 0; phrase < query->phraseCount; phrase++) {
        double frequency = query->frequencies[phrase];
        score += query->inverseFrequencies[phrase]
            * ((frequency * (concordK1 + 1.0))
               / (frequency + concordK1 * (1 - concordB + concordB * length / query->averageLength)));
    }
    return score;
}

// Adds `score` to the K best if it belongs there.
static void concordKeep(ConcordBm25TopQuery *query, double score) {
    double *heap = query->best;
    int at;
    if (query->count < query->capacity) {
        at = query->count++;
        while (at > 0 && heap[(at - 1) / 2] > score) {
            heap[at] = heap[(at - 1) / 2];
            at = (at - 1) / 2;
        }
        heap[at] = score;
        return;
    }
    if (score <= heap[0]) return;
    at = 0;
    for (;;) {
        int child = 2 * at + 1;
        if (child >= query->count) break;
        if (child + 1 < query->count && heap[child + 1] < heap[child]) child++;
        if (heap[child] >= score) break;
        heap[at] = heap[child];
        at = child;
    }
    heap[at] = score;
}

// Reads the current row's phrase counts and the lower bound of its length from its instances.
static int concordReadInstances(const Fts5ExtensionApi *api, Fts5Context *fts, ConcordBm25TopQuery *query, int *lengthAtLeast) {
    int instances = 0;
    memset(query->frequencies, 0, sizeof(double) * (size_t)query->phraseCount);
    memset(query->columnEnds, 0, sizeof(int) * (size_t)query->columnCount);
    int rc = api->xInstCount(fts, &instances);
    for (int index = 0; rc == SQLITE_OK && index < instances; index++) {
        int phrase, column, offset;
        rc = api->xInst(fts, index, &phrase, &column, &offset);
        if (rc != SQLITE_OK) break;
        query->frequencies[phrase] += 1.0;
        if (column >= 0 && column < query->columnCount && offset + 1 > query->columnEnds[column]) {
            query->columnEnds[column] = offset + 1;
        }
    }
    int total = 0;
    for (int column = 0; column < query->columnCount; column++) total += query->columnEnds[column];
    *lengthAtLeast = total;
    return rc;
}

static void concordBm25Top(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                           int argumentCount, sqlite3_value **arguments) {
    int capacity = argumentCount == 1 ? sqlite3_value_int(arguments[0]) : 0;
    if (capacity < 1) {
        sqlite3_result_error(context, "concord_bm25_top(table, K) needs K >= 1", -1);
        return;
    }
    ConcordBm25TopQuery *query = 0;
    int rc = concordQuery(api, fts, capacity, &query);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    sqlite3_int64 rowid = api->xRowid(fts);
    if (query->hasLast && query->lastRowid == rowid) {
        sqlite3_result_double(context, query->lastResult);
        return;
    }
    int lengthAtLeast = 0;
    rc = concordReadInstances(api, fts, query, &lengthAtLeast);
    double result;
    if (rc == SQLITE_OK && query->count == query->capacity
        && concordScore(query, (double)lengthAtLeast) < query->best[0]) {
        result = INFINITY; // strictly worse than K rows already seen: not among the K best
    } else if (rc == SQLITE_OK) {
        int length = 0;
        rc = api->xColumnSize(fts, -1, &length);
        double score = concordScore(query, (double)length);
        concordKeep(query, score);
        result = -1.0 * score;
    }
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    query->hasLast = 1;
    query->lastRowid = rowid;
    query->lastResult = result;
    sqlite3_result_double(context, result);
}

int concord_search_register_bm25_top(sqlite3 *db) {
    fts5_api *fts5 = 0;
    sqlite3_stmt *statement = 0;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, 0);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_pointer(statement, 1, (void *)&fts5, "fts5_api_ptr", 0);
    sqlite3_step(statement);
    rc = sqlite3_finalize(statement);
    if (rc != SQLITE_OK) return rc;
    if (fts5 == 0 || fts5->iVersion < 2) return SQLITE_ERROR;
    return fts5->xCreateFunction(fts5, CONCORD_BM25_TOP_NAME, 0, concordBm25Top, 0);
}
