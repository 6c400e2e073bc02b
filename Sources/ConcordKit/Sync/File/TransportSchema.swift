/// The local tables of the sync transport: what each peer has, and which files of a
/// sync folder were already imported or written here. Neither is ever synced.
///
/// Registered as a migration at the end of ``StoreSchema/migrator``.
enum TransportSchema {
    static let migrationName = "v3: sync transport: peers and sync-folder files"

    static let sql = """
        CREATE TABLE sync_peers (
          -- What each other replica had when it wrote its latest file imported here
          -- (the file header's version vector); makes export --for REPLICA possible. Local.
          replica_id     TEXT PRIMARY KEY NOT NULL,
          version_vector TEXT NOT NULL,  -- JSON object {"<replica id>": highest sequence, ...}
          last_file      TEXT NOT NULL,  -- name of the newest file of it imported here
          written_at     TEXT NOT NULL,  -- ISO 8601 UTC, when that file was written
          imported_at    TEXT NOT NULL   -- ISO 8601 UTC
        );

        CREATE TABLE sync_folder_files (
          -- Changeset files of a sync folder already imported (or written) here, so that
          -- sync skips them without reading them again. Local.
          folder      TEXT NOT NULL,   -- absolute path of the sync folder
          name        TEXT NOT NULL,   -- '<replica id>/<file name>' inside it
          size        INTEGER NOT NULL,
          checksum    TEXT NOT NULL,   -- hex SHA-256 from the file's trailer
          ranges      TEXT NOT NULL,   -- JSON [["<replica id>", first, last], ...]: the changes it holds
          direction   TEXT NOT NULL CHECK (direction IN ('imported', 'written')),
          recorded_at TEXT NOT NULL,   -- ISO 8601 UTC
          PRIMARY KEY (folder, name)
        );
        """
}
