/// Local tables that keep one bad peer from stalling a sync folder: the files refused here
/// (reported once, then only counted) and the replicas `trust ignore` silenced. Never synced.
///
/// Registered as a migration at the end of ``StoreSchema/migrator``.
enum SyncFolderRefusalSchema {
    static let migrationName = "v16: sync folder refusals and ignored replicas"

    static let sql = """
        CREATE TABLE sync_folder_refusals (
          -- Files of a sync folder refused here: a later run reports a file again only if it changed. Local.
          folder     TEXT NOT NULL,   -- absolute path of the sync folder
          name       TEXT NOT NULL,   -- '<replica id>/<file name>' inside it
          size       INTEGER NOT NULL,
          checksum   TEXT NOT NULL,   -- hex SHA-256 from the file's trailer ('' if it has none)
          reason     TEXT NOT NULL,   -- the refusal, as reported
          refused_at TEXT NOT NULL,   -- ISO 8601 UTC
          PRIMARY KEY (folder, name)
        );

        CREATE TABLE sync_ignored_replicas (
          -- Replicas whose sync-folder files are neither imported nor reported here (trust ignore). Local.
          replica_id TEXT PRIMARY KEY NOT NULL,
          ignored_at TEXT NOT NULL    -- ISO 8601 UTC
        );
        """
}
