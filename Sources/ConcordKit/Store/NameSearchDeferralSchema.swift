/// Lets a bulk write maintain `find`'s trigram index (``NameSearchSchema``) once, before it
/// commits, instead of at every statement (see ``NameSearchMaintenance``).
///
/// FTS5 writes the terms it holds in memory to disk as a new index segment whenever a statement
/// savepoint opens, and every statement that fires a trigger opens one: an import writing 100k
/// entity and alias rows wrote about as many tiny segments, then merged them (half of the time
/// it spent writing entities and aliases, perf). While `name_search_deferral` holds a row, the
/// triggers add each name's net change to `name_search_queue` instead, and
/// ``NameSearchMaintenance/flush(in:)`` applies the queue to the index with a few statements.
/// With the flag table empty (every committed state) the triggers update the index at once,
/// as before. The migration only replaces triggers: it reads and rewrites no index rows, so it is
/// as quick on a 1M-entity base as on an empty one.
enum NameSearchDeferralSchema {
    static let migrationName = "v10: find's name index can be maintained once per bulk write (deferral flag and queue)"

    /// The six triggers of ``NameSearchSchema``, each split into an immediate one (flag table empty)
    /// and a deferred one (flag set) with the same effect on the index once the queue is flushed.
    static var sql: String {
        let immediate = "WHEN NOT EXISTS (SELECT 1 FROM name_search_deferral)"
        let deferred = "WHEN EXISTS (SELECT 1 FROM name_search_deferral)"
        return """
            CREATE TABLE name_search_deferral (
              -- Holds one row only inside a transaction that defers find's name index maintenance
              -- (bulk writes: import, ingest); empty in every committed state. Local, never synced.
              id INTEGER PRIMARY KEY
            );
            CREATE TABLE name_search_queue (
              -- Inside such a transaction: how many index rows (entity_id, name) gain (delta > 0) or
              -- lose (delta < 0); applied to name_search and emptied before the transaction commits.
              entity_id TEXT NOT NULL,
              name      TEXT NOT NULL,  -- as name_search stores it
              delta     INTEGER NOT NULL,
              PRIMARY KEY (entity_id, name)
            ) WITHOUT ROWID;
            DROP TRIGGER entities_name_search_insert;
            DROP TRIGGER entities_name_search_update;
            DROP TRIGGER entities_name_search_delete;
            DROP TRIGGER aliases_name_search_insert;
            DROP TRIGGER aliases_name_search_update;
            DROP TRIGGER aliases_name_search_delete;
            CREATE TRIGGER entities_name_search_insert AFTER INSERT ON entities \(immediate) BEGIN
              INSERT INTO name_search (entity_id, name) VALUES (new.id, \(NameSearchSchema.compact("new.name")));
            END;
            CREATE TRIGGER entities_name_search_update AFTER UPDATE OF id, name ON entities \(immediate) BEGIN
              \(NameSearchSchema.delete(entityID: "old.id", expression: "old.name"))
              INSERT INTO name_search (entity_id, name) VALUES (new.id, \(NameSearchSchema.compact("new.name")));
            END;
            CREATE TRIGGER entities_name_search_delete AFTER DELETE ON entities \(immediate) BEGIN
              \(NameSearchSchema.delete(entityID: "old.id", expression: "old.name"))
            END;
            CREATE TRIGGER aliases_name_search_insert AFTER INSERT ON aliases \(immediate) BEGIN
              INSERT INTO name_search (entity_id, name) VALUES (new.entity_id, \(NameSearchSchema.compact("new.normalized_alias")));
            END;
            CREATE TRIGGER aliases_name_search_update AFTER UPDATE ON aliases \(immediate) BEGIN
              \(NameSearchSchema.delete(entityID: "old.entity_id", expression: "old.normalized_alias"))
              INSERT INTO name_search (entity_id, name) VALUES (new.entity_id, \(NameSearchSchema.compact("new.normalized_alias")));
            END;
            CREATE TRIGGER aliases_name_search_delete AFTER DELETE ON aliases \(immediate) BEGIN
              \(NameSearchSchema.delete(entityID: "old.entity_id", expression: "old.normalized_alias"))
            END;
            CREATE TRIGGER entities_name_search_insert_deferred AFTER INSERT ON entities \(deferred) BEGIN
              \(queue(entityID: "new.id", expression: "new.name", delta: 1))
            END;
            CREATE TRIGGER entities_name_search_update_deferred AFTER UPDATE OF id, name ON entities \(deferred) BEGIN
              \(queue(entityID: "old.id", expression: "old.name", delta: -1))
              \(queue(entityID: "new.id", expression: "new.name", delta: 1))
            END;
            CREATE TRIGGER entities_name_search_delete_deferred AFTER DELETE ON entities \(deferred) BEGIN
              \(queue(entityID: "old.id", expression: "old.name", delta: -1))
            END;
            CREATE TRIGGER aliases_name_search_insert_deferred AFTER INSERT ON aliases \(deferred) BEGIN
              \(queue(entityID: "new.entity_id", expression: "new.normalized_alias", delta: 1))
            END;
            CREATE TRIGGER aliases_name_search_update_deferred AFTER UPDATE ON aliases \(deferred) BEGIN
              \(queue(entityID: "old.entity_id", expression: "old.normalized_alias", delta: -1))
              \(queue(entityID: "new.entity_id", expression: "new.normalized_alias", delta: 1))
            END;
            CREATE TRIGGER aliases_name_search_delete_deferred AFTER DELETE ON aliases \(deferred) BEGIN
              \(queue(entityID: "old.entity_id", expression: "old.normalized_alias", delta: -1))
            END;
            """
    }

    /// A statement adding `delta` to the queued change of the index row of `entityID` with the text of `expression`.
    static func queue(entityID: String, expression: String, delta: Int) -> String {
        """
        INSERT INTO name_search_queue (entity_id, name, delta) VALUES (\(entityID), \(NameSearchSchema.compact(expression)), \(delta))
          ON CONFLICT (entity_id, name) DO UPDATE SET delta = delta + excluded.delta;
        """
    }
}
