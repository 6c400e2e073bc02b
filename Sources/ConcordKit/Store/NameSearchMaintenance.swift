import GRDB

/// Maintains `find`'s trigram index (``NameSearchSchema``) once per bulk write instead of at every
/// statement (``NameSearchDeferralSchema`` says why).
///
/// Wrap the statements of a bulk write, inside its transaction:
///
///     try knowledgeBase.database.write { db in
///         try NameSearchMaintenance.deferring(in: db) { try importEverything(db) }
///     }
///
/// Inside `body`, writes of entity names and aliases are queued, not indexed, so `find` inside
/// `body` does not see them yet; when `body` returns the queue is applied to the index, so every
/// committed state has the index current. Writes outside `deferring` update the index at once.
public enum NameSearchMaintenance {
    /// Runs `body` with the index maintenance deferred, then brings the index up to date — all in the
    /// caller's transaction. If `body` throws, the index is still brought up to date with what `body`
    /// wrote (in case the caller commits anyway) and the error is rethrown. Nested calls defer to the outermost.
    public static func deferring<T>(in db: Database, _ body: () throws -> T) throws -> T {
        if try isDeferring(in: db) { return try body() }
        try db.execute(sql: "INSERT INTO name_search_deferral (id) VALUES (1)")
        let result: T
        do {
            result = try body()
        } catch {
            // A rolled-back transaction drops the flag and the queue anyway; this is for a caller that commits.
            try? finish(in: db)
            throw error
        }
        try finish(in: db)
        return result
    }

    /// Whether index maintenance is deferred right now on this connection's transaction.
    static func isDeferring(in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM name_search_deferral)")) ?? false
    }

    /// Applies the queue to the index, empties it and stops deferring.
    private static func finish(in db: Database) throws {
        try flush(in: db)
        try db.execute(sql: "DELETE FROM name_search_deferral")
    }

    /// Applies the queued net changes to `name_search`: for each (entity id, name), removes or adds as
    /// many index rows as its delta says, one statement per kind and per repetition (a delta beyond ±1 —
    /// two aliases of one entity that read the same once compacted — needs a second pass), so FTS5 writes
    /// a handful of segments, not one per name. Rows are found for removal as the triggers find them.
    static func flush(in db: Database) throws {
        let most = try Int.fetchOne(db, sql: "SELECT max(abs(delta)) FROM name_search_queue") ?? 0
        if most > 0 {
            for pass in 1...most {
                try db.execute(sql: removeSQL, arguments: [-pass])
                try db.execute(sql: addSQL, arguments: [pass])
            }
        }
        try db.execute(sql: "DELETE FROM name_search_queue")
    }

    /// Removes one index row of each queued name whose delta is at most `?` (a negative number).
    private static let removeSQL = """
        DELETE FROM name_search WHERE rowid IN (
          SELECT CASE WHEN length(q.name) >= 3 THEN
              (SELECT rowid FROM name_search WHERE name_search MATCH '"' || replace(q.name, '"', '""') || '"'
                 AND entity_id = q.entity_id AND name = q.name LIMIT 1)
            ELSE
              (SELECT rowid FROM name_search WHERE entity_id = q.entity_id AND name = q.name LIMIT 1)
            END
          FROM name_search_queue AS q WHERE q.delta <= ?)
        """

    /// Adds one index row of each queued name whose delta is at least `?` (a positive number).
    private static let addSQL = """
        INSERT INTO name_search (entity_id, name) SELECT entity_id, name FROM name_search_queue WHERE delta >= ?
        """
}
