import GRDB

/// The writer connection's page cache, temporary storage and automatic checkpoints while a
/// pipeline runs, and what they were before.
///
/// The page cache is ``BulkWritePageCache``'s. A statement that writes several rows (many
/// rows per statement, or rows firing triggers) journals the pages it changes, to a temporary file once past 64 KiB unless temporary storage is in
/// memory (https://www.sqlite.org/tempfiles.html#stmtjrnl): perf showed those writes at
/// 8% of the writer's time. Changing `temp_store` drops the connection's temporary tables,
/// so it is changed only on a connection that has none. A commit that leaves the WAL past
/// `wal_autocheckpoint` pages copies them into the database file: nearly every batch did at
/// the default 1,000, copying again the pages (indexes, full-text segments) each batch
/// changes again (https://www.sqlite.org/wal.html#automatic_checkpoint).
struct IngestWriterSettings {
    /// WAL pages past which a commit checkpoints, while the pipeline runs (32 MiB of 4 KiB pages).
    static let checkpointPages = 8_192

    var cacheSize: Int
    var checkpointPages: Int
    /// `nil` when left as it was.
    var tempStore: Int?

    static func apply(cacheKibibytes: Int, to database: any DatabaseWriter) throws -> IngestWriterSettings {
        try database.writeWithoutTransaction { db in
            var previous = IngestWriterSettings(
                cacheSize: try BulkWritePageCache.current(in: db),
                checkpointPages: try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 1_000)
            try BulkWritePageCache.set(-cacheKibibytes, in: db)
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.checkpointPages)")
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.sqlite_master") == 0 {
                previous.tempStore = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
            }
            return previous
        }
    }

    func restore(_ database: any DatabaseWriter) {
        try? database.writeWithoutTransaction { db in
            try BulkWritePageCache.set(cacheSize, in: db)
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(checkpointPages)")
            if let tempStore, try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.sqlite_master") == 0 {
                try db.execute(sql: "PRAGMA temp_store = \(tempStore)")
            }
        }
    }
}
