// concord_bm25_best(): the K best rows of an FTS5 query by bm25(), found in one call.
// See include/concord_search.h for what it returns and why.
#include "concord_search.h"

#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

// The score must come out bit for bit as bm25()'s: no fused multiply-adds.
#pragma STDC FP_CONTRACT OFF

static const double bestK1 = 1.2;
static const double bestB = 0.75;

// One phrase's matching rows, in rowid order, as xQueryPhrase visits them.
typedef struct BestPhraseRows {
    sqlite3_int64 *rowids;
    int *counts;     // instances of the phrase in the row
    int *ends;       // last matched position + 1 in the row (over its columns)
    int used, allocated;
    sqlite3_int64 hits; // rows holding the phrase (those read may be fewer: see BestFilter)
} BestPhraseRows;

// A row holding every phrase.
typedef struct BestCandidate {
    sqlite3_int64 rowid;
    double bound;    // score if the row were as short as its last matched position allows
    int first;       // index of its phrase counts in the counts table
} BestCandidate;

typedef struct BestEntry {
    double score;
    sqlite3_int64 rowid;
} BestEntry;

static int bestAppend(BestPhraseRows *rows, sqlite3_int64 rowid, int count, int end) {
    if (rows->used == rows->allocated) {
        int allocated = rows->allocated ? rows->allocated * 2 : 1024;
        sqlite3_int64 *rowids = sqlite3_realloc64(rows->rowids, sizeof(sqlite3_int64) * (sqlite3_uint64)allocated);
        if (rowids == 0) return SQLITE_NOMEM;
        rows->rowids = rowids;
        int *counts = sqlite3_realloc64(rows->counts, sizeof(int) * (sqlite3_uint64)allocated);
        if (counts == 0) return SQLITE_NOMEM;
        rows->counts = counts;
        int *ends = sqlite3_realloc64(rows->ends, sizeof(int) * (sqlite3_uint64)allocated);
        if (ends == 0) return SQLITE_NOMEM;
        rows->ends = ends;
        rows->allocated = allocated;
    }
    rows->rowids[rows->used] = rowid;
    rows->counts[rows->used] = count;
    rows->ends[rows->used] = end;
    rows->used++;
    return SQLITE_OK;
}

static int bestCollectRow(const Fts5ExtensionApi *api, Fts5Context *fts, BestPhraseRows *rows, sqlite3_int64 rowid);

// xQueryPhrase callback: notes the row, its instance count and its last matched position.
static int bestCollect(const Fts5ExtensionApi *api, Fts5Context *fts, void *context) {
    return bestCollectRow(api, fts, context, api->xRowid(fts));
}

// Reads the instances of one row into `rows`.
static int bestCollectRow(const Fts5ExtensionApi *api, Fts5Context *fts, BestPhraseRows *rows, sqlite3_int64 rowid) {
    int instances = 0, end = 0;
    int rc = api->xInstCount(fts, &instances);
    for (int index = 0; rc == SQLITE_OK && index < instances; index++) {
        int phrase, column, offset;
        rc = api->xInst(fts, index, &phrase, &column, &offset);
        if (rc == SQLITE_OK && offset + 1 > end) end = offset + 1;
    }
    if (rc != SQLITE_OK) return rc;
    return bestAppend(rows, rowid, instances, end);
}

static int bestCount(const Fts5ExtensionApi *api, Fts5Context *fts, void *context) {
    (void)api;
    (void)fts;
    *(sqlite3_int64 *)context += 1;
    return SQLITE_OK;
}

// Another phrase's rows, read only where the rarest phrase is too (the others are skipped
// without decoding their positions).
typedef struct BestFilter {
    const BestPhraseRows *rarest;
    int cursor;
    BestPhraseRows *rows;
} BestFilter;

static int bestCollectFiltered(const Fts5ExtensionApi *api, Fts5Context *fts, void *context) {
    BestFilter *filter = context;
    sqlite3_int64 rowid = api->xRowid(fts);
    while (filter->cursor < filter->rarest->used && filter->rarest->rowids[filter->cursor] < rowid) filter->cursor++;
    if (filter->cursor == filter->rarest->used || filter->rarest->rowids[filter->cursor] != rowid) return SQLITE_OK;
    return bestCollectRow(api, fts, filter->rows, rowid);
}

// Everything one call works with.
typedef struct BestQuery {
    int phraseCount;
    double averageLength;
    double *inverseFrequencies;   // per phrase, as bm25() computes them
    BestPhraseRows *phrases;
    BestCandidate *candidates;    // rows holding every phrase, in rowid order
    int candidateCount;
    double *counts;               // candidateCount x phraseCount instance counts
    BestEntry *best;              // min-heap of the best `capacity` (worst at best[0])
    int capacity, kept;
    sqlite3_blob *lengths;        // the %_docsize row being read
    const char *lengthTable;
} BestQuery;

// bm25()'s sum for the candidate's counts and a length in tokens. Monotonic in `length`.
static double bestScore(const BestQuery *query, const double *counts, double length) {
    double score = 0.0;
    for (int phrase = 0; phrase < query->phraseCount; phrase++) {
        double frequency = counts[phrase];
        score += query->inverseFrequencies[phrase]
            * ((frequency * (bestK1 + 1.0))
               / (frequency + bestK1 * (1 - bestB + bestB * length / query->averageLength)));
    }
    return score;
}

// 1 when (score, rowid) ranks below `entry`: a lower score, or the same score and a later rowid.
static int bestWorse(double score, sqlite3_int64 rowid, const BestEntry *entry) {
    return score < entry->score || (score == entry->score && rowid > entry->rowid);
}

static void bestKeep(BestQuery *query, double score, sqlite3_int64 rowid) {
    BestEntry *heap = query->best;
    int at;
    if (query->kept < query->capacity) {
        at = query->kept++;
        while (at > 0 && bestWorse(score, rowid, &heap[(at - 1) / 2])) {
            heap[at] = heap[(at - 1) / 2];
            at = (at - 1) / 2;
        }
        heap[at] = (BestEntry){score, rowid};
        return;
    }
    if (bestWorse(score, rowid, &heap[0])) return;
    at = 0;
    for (;;) {
        int child = 2 * at + 1;
        if (child >= query->kept) break;
        if (child + 1 < query->kept && bestWorse(heap[child + 1].score, heap[child + 1].rowid, &heap[child])) child++;
        if (!bestWorse(heap[child].score, heap[child].rowid, &(BestEntry){score, rowid})) break;
        heap[at] = heap[child];
        at = child;
    }
    heap[at] = (BestEntry){score, rowid};
}

// The row's length in tokens, summed over its columns: the varints of its %_docsize row.
static int bestLength(sqlite3 *db, BestQuery *query, sqlite3_int64 rowid, int *length) {
    int rc = query->lengths == 0
        ? sqlite3_blob_open(db, "main", query->lengthTable, "sz", rowid, 0, &query->lengths)
        : sqlite3_blob_reopen(query->lengths, rowid);
    if (rc != SQLITE_OK) return rc;
    unsigned char bytes[64];
    int size = sqlite3_blob_bytes(query->lengths);
    if (size > (int)sizeof(bytes)) return SQLITE_TOOBIG; // more columns than a varint each in 64 bytes
    rc = sqlite3_blob_read(query->lengths, bytes, size, 0);
    if (rc != SQLITE_OK) return rc;
    int total = 0;
    for (int at = 0; at < size;) {
        unsigned int value = 0;
        int read = 0;
        do { value = (value << 7) | (bytes[at] & 0x7f); read++; } while ((bytes[at++] & 0x80) && at < size && read < 5);
        total += (int)value;
    }
    *length = total;
    return SQLITE_OK;
}

// Reads every phrase's rows (one pass each, as bm25()'s IDF count does) and keeps the rows
// holding all of them, with their counts and the bound of their score.
static int bestCandidates(const Fts5ExtensionApi *api, Fts5Context *fts, BestQuery *query) {
    sqlite3_int64 rows = 0, tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc != SQLITE_OK) return rc;
    query->averageLength = (double)tokens / (double)rows;
    if (query->phraseCount == 0) return SQLITE_OK;
    // Each phrase's count (its IDF), then the rarest phrase's rows, then the others' rows
    // where the rarest is. One phrase needs one pass.
    int smallest = 0;
    for (int phrase = 0; phrase < query->phraseCount; phrase++) {
        sqlite3_int64 hits = 0;
        rc = query->phraseCount == 1 ? api->xQueryPhrase(fts, phrase, &query->phrases[phrase], bestCollect)
                                     : api->xQueryPhrase(fts, phrase, &hits, bestCount);
        if (rc != SQLITE_OK) return rc;
        if (query->phraseCount == 1) hits = query->phrases[phrase].used;
        double idf = log((rows - hits + 0.5) / (hits + 0.5));
        query->inverseFrequencies[phrase] = idf <= 0.0 ? 1e-6 : idf;
        if (phrase == 0 || hits < query->phrases[smallest].hits) smallest = phrase;
        query->phrases[phrase].hits = hits;
    }
    if (query->phraseCount > 1) {
        rc = api->xQueryPhrase(fts, smallest, &query->phrases[smallest], bestCollect);
        for (int phrase = 0; rc == SQLITE_OK && phrase < query->phraseCount; phrase++) {
            if (phrase == smallest) continue;
            BestFilter filter = {&query->phrases[smallest], 0, &query->phrases[phrase]};
            rc = api->xQueryPhrase(fts, phrase, &filter, bestCollectFiltered);
        }
        if (rc != SQLITE_OK) return rc;
    }
    int most = query->phrases[smallest].used;
    query->candidates = sqlite3_malloc64(sizeof(BestCandidate) * (sqlite3_uint64)(most + 1));
    query->counts = sqlite3_malloc64(sizeof(double) * (sqlite3_uint64)(most + 1) * (sqlite3_uint64)query->phraseCount);
    int *cursors = sqlite3_malloc64(sizeof(int) * (sqlite3_uint64)query->phraseCount);
    if (query->candidates == 0 || query->counts == 0 || cursors == 0) {
        sqlite3_free(cursors);
        return SQLITE_NOMEM;
    }
    memset(cursors, 0, sizeof(int) * (size_t)query->phraseCount);
    // Rows are in rowid order in every list: walk the shortest and advance the others.
    for (int at = 0; at < most; at++) {
        sqlite3_int64 rowid = query->phrases[smallest].rowids[at];
        double *counts = &query->counts[(size_t)query->candidateCount * (size_t)query->phraseCount];
        int end = 0, everywhere = 1;
        for (int phrase = 0; phrase < query->phraseCount && everywhere; phrase++) {
            BestPhraseRows *list = &query->phrases[phrase];
            int *cursor = &cursors[phrase];
            while (*cursor < list->used && list->rowids[*cursor] < rowid) (*cursor)++;
            if (*cursor == list->used || list->rowids[*cursor] != rowid) { everywhere = 0; break; }
            counts[phrase] = (double)list->counts[*cursor];
            if (list->ends[*cursor] > end) end = list->ends[*cursor];
        }
        if (!everywhere) continue;
        BestCandidate *candidate = &query->candidates[query->candidateCount];
        candidate->rowid = rowid;
        candidate->first = query->candidateCount * query->phraseCount;
        candidate->bound = bestScore(query, counts, (double)end);
        query->candidateCount++;
    }
    sqlite3_free(cursors);
    return SQLITE_OK;
}

// The `rank`-th largest of `values` (0 = largest); reorders them.
static double bestSelect(double *values, int count, int rank) {
    int low = 0, high = count - 1;
    while (low < high) {
        double pivot = values[(low + high) / 2];
        int left = low, right = high;
        while (left <= right) {
            while (values[left] > pivot) left++;
            while (values[right] < pivot) right--;
            if (left <= right) {
                double swap = values[left]; values[left] = values[right]; values[right] = swap;
                left++; right--;
            }
        }
        if (rank <= right) high = right;
        else if (rank >= left) low = left;
        else break;
    }
    return values[rank];
}

// Scores the candidates that may still be among the best: those with the highest bounds
// first (so the K-th best score is high early), then the rest whose bound reaches it.
static int bestRank(sqlite3 *db, BestQuery *query) {
    int count = query->candidateCount;
    if (count == 0) return SQLITE_OK;
    double *bounds = sqlite3_malloc64(sizeof(double) * (sqlite3_uint64)count);
    unsigned char *scored = sqlite3_malloc64((sqlite3_uint64)count);
    if (bounds == 0 || scored == 0) {
        sqlite3_free(bounds);
        sqlite3_free(scored);
        return SQLITE_NOMEM;
    }
    memset(scored, 0, (size_t)count);
    for (int at = 0; at < count; at++) bounds[at] = query->candidates[at].bound;
    int early = query->capacity * 4 < count ? query->capacity * 4 : count;
    double earlyBound = bestSelect(bounds, count, early - 1);
    sqlite3_free(bounds);
    int rc = SQLITE_OK;
    for (int pass = 0; pass < 2 && rc == SQLITE_OK; pass++) {
        for (int at = 0; at < count && rc == SQLITE_OK; at++) {
            BestCandidate *candidate = &query->candidates[at];
            if (scored[at] || (pass == 0 && candidate->bound < earlyBound)) continue;
            scored[at] = 1;
            // Skipped only when strictly below the K-th best (a tie might still win on rowid).
            if (query->kept == query->capacity && candidate->bound < query->best[0].score) continue;
            int length = 0;
            rc = bestLength(db, query, candidate->rowid, &length);
            if (rc == SQLITE_OK) bestKeep(query, bestScore(query, &query->counts[candidate->first], (double)length), candidate->rowid);
        }
    }
    sqlite3_free(scored);
    return rc;
}

static int bestCompare(const void *left, const void *right) {
    const BestEntry *a = left, *b = right;
    if (a->score != b->score) return a->score > b->score ? -1 : 1;
    return a->rowid < b->rowid ? -1 : a->rowid > b->rowid;
}

static void bestFree(BestQuery *query) {
    if (query->lengths) sqlite3_blob_close(query->lengths);
    for (int phrase = 0; query->phrases && phrase < query->phraseCount; phrase++) {
        sqlite3_free(query->phrases[phrase].rowids);
        sqlite3_free(query->phrases[phrase].counts);
        sqlite3_free(query->phrases[phrase].ends);
    }
    sqlite3_free(query->phrases);
    sqlite3_free(query->inverseFrequencies);
    sqlite3_free(query->candidates);
    sqlite3_free(query->counts);
    sqlite3_free(query->best);
    sqlite3_free((void *)query->lengthTable);
}

// The result as JSON: [[rowid, place, rank bits], ...], best first. `place` is the position of
// the first row with the same rank (ties share it); the rank's IEEE-754 bits are given as a
// signed 64-bit integer, so the double comes back unchanged (a decimal might not).
static char *bestJSON(const BestQuery *query) {
    sqlite3_str *text = sqlite3_str_new(0);
    sqlite3_str_appendchar(text, 1, '[');
    int place = 0;
    for (int at = 0; at < query->kept; at++) {
        double rank = -1.0 * query->best[at].score;
        if (at > 0 && query->best[at].score != query->best[at - 1].score) place = at;
        sqlite3_int64 bits;
        memcpy(&bits, &rank, sizeof(bits));
        sqlite3_str_appendf(text, "%s[%lld,%d,%lld]", at ? "," : "", query->best[at].rowid, place, bits);
    }
    sqlite3_str_appendchar(text, 1, ']');
    return sqlite3_str_finish(text);
}

static int bestResult(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3 *db, int capacity, const char *table,
                      char **json) {
    BestQuery query;
    memset(&query, 0, sizeof(query));
    query.capacity = capacity;
    query.phraseCount = api->xPhraseCount(fts);
    query.lengthTable = sqlite3_mprintf("%s_docsize", table);
    query.phrases = sqlite3_malloc64(sizeof(BestPhraseRows) * (sqlite3_uint64)query.phraseCount);
    query.inverseFrequencies = sqlite3_malloc64(sizeof(double) * (sqlite3_uint64)query.phraseCount);
    query.best = sqlite3_malloc64(sizeof(BestEntry) * (sqlite3_uint64)capacity);
    int rc = query.lengthTable && query.phrases && query.inverseFrequencies && query.best ? SQLITE_OK : SQLITE_NOMEM;
    if (query.phrases) memset(query.phrases, 0, sizeof(BestPhraseRows) * (size_t)query.phraseCount);
    if (rc == SQLITE_OK) rc = bestCandidates(api, fts, &query);
    if (rc == SQLITE_OK) rc = bestRank(db, &query);
    if (rc == SQLITE_OK) {
        qsort(query.best, (size_t)query.kept, sizeof(BestEntry), bestCompare);
        *json = bestJSON(&query);
        if (*json == 0) rc = SQLITE_NOMEM;
    }
    bestFree(&query);
    return rc;
}

static void concordBm25Best(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                            int argumentCount, sqlite3_value **arguments) {
    int capacity = argumentCount == 2 ? sqlite3_value_int(arguments[0]) : 0;
    const char *table = argumentCount == 2 ? (const char *)sqlite3_value_text(arguments[1]) : 0;
    if (capacity < 1 || table == 0) {
        sqlite3_result_error(context, "concord_bm25_best(table, K, 'table name') needs K >= 1", -1);
        return;
    }
    // Kept for the query's other rows, if it asks for more than the first.
    char *json = api->xGetAuxdata(fts, 0);
    if (json == 0) {
        int rc = bestResult(api, fts, sqlite3_context_db_handle(context), capacity, table, &json);
        if (rc == SQLITE_OK) rc = api->xSetAuxdata(fts, json, sqlite3_free);
        if (rc != SQLITE_OK) {
            sqlite3_result_error_code(context, rc);
            return;
        }
    }
    sqlite3_result_text(context, json, -1, SQLITE_TRANSIENT);
}

int concord_search_register_bm25_best(struct sqlite3 *db) {
    fts5_api *fts5 = 0;
    sqlite3_stmt *statement = 0;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, 0);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_pointer(statement, 1, (void *)&fts5, "fts5_api_ptr", 0);
    sqlite3_step(statement);
    rc = sqlite3_finalize(statement);
    if (rc != SQLITE_OK) return rc;
    if (fts5 == 0 || fts5->iVersion < 2) return SQLITE_ERROR;
    return fts5->xCreateFunction(fts5, "concord_bm25_best", 0, concordBm25Best, 0);
}

// Runs for every connection the process opens (sqlite3_auto_extension): the function is there
// as soon as a connection is, like FTS5's own. A connection without FTS5 opens all the same.
static int concordSearchEntryPoint(sqlite3 *db, char **error, const struct sqlite3_api_routines *api) {
    (void)error;
    (void)api;
    concord_search_register_bm25_best(db);
    return SQLITE_OK;
}

__attribute__((constructor)) static void concordSearchAutoRegister(void) {
    sqlite3_auto_extension((void (*)(void))concordSearchEntryPoint);
}
