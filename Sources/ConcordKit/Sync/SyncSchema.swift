/// The tables the sync engine keeps beside the knowledge base (migration "v2: sync").
///
/// None of them is synced as rows: they describe this replica's view of the
/// change history. See `sync/MERGE.md` for the model.
enum SyncSchema {
    static let v2 = """
        CREATE TABLE sync_changes (
          -- The change log: every change applied here, local or received, in the order applied
          -- (a causal order: a change comes after everything it depends on).
          position     INTEGER PRIMARY KEY,
          replica_id   TEXT NOT NULL,               -- the replica that made the change
          sequence     INTEGER NOT NULL,            -- its number among that replica's changes, from 1
          timestamp    INTEGER NOT NULL,            -- hybrid logical clock: ms since 1970 << 16 | counter
          author       TEXT NOT NULL,
          summary      TEXT NOT NULL,
          dependencies TEXT NOT NULL,               -- JSON {replica: highest sequence applied} at the origin
          changeset    BLOB NOT NULL,               -- the SQLite changeset of the synced tables
          applied_at   TEXT NOT NULL,               -- ISO 8601 UTC, when it was applied here
          UNIQUE (replica_id, sequence)
        );

        CREATE TABLE sync_versions (
          -- The version vector: the highest sequence applied here per replica (all lower ones are too).
          replica_id TEXT PRIMARY KEY NOT NULL,
          sequence   INTEGER NOT NULL
        );

        CREATE TABLE sync_pending (
          -- Changes received before something they depend on; applied as soon as it arrives.
          replica_id   TEXT NOT NULL,
          sequence     INTEGER NOT NULL,
          timestamp    INTEGER NOT NULL,
          author       TEXT NOT NULL,
          summary      TEXT NOT NULL,
          dependencies TEXT NOT NULL,
          changeset    BLOB NOT NULL,
          received_at  TEXT NOT NULL,
          PRIMARY KEY (replica_id, sequence)
        );

        CREATE TABLE sync_cells (
          -- Per-field versions: for each field written since the baseline, the writes no later
          -- write has seen ("heads"). One head = settled; heads with different values = a conflict.
          -- column_name '+row' is the existence of a row of a table without is_deleted.
          table_name  TEXT NOT NULL,
          row_key     TEXT NOT NULL,                -- primary key values joined by U+001F
          column_name TEXT NOT NULL,
          replica_id  TEXT NOT NULL,                -- '' for the baseline value
          sequence    INTEGER NOT NULL,
          timestamp   INTEGER NOT NULL,
          value,
          PRIMARY KEY (table_name, row_key, column_name, replica_id, sequence)
        ) WITHOUT ROWID;

        CREATE TABLE sync_undo (
          -- Local changes that undo has reverted, and the change that reverted each (NULL: nothing was left to revert).
          undone_sequence INTEGER PRIMARY KEY,
          undo_sequence   INTEGER
        );

        CREATE TABLE sync_state (
          -- Local sync facts: hlc (last clock value), file_identity, baseline, previous_replica_ids.
          key   TEXT PRIMARY KEY NOT NULL,
          value
        );
        """
}
