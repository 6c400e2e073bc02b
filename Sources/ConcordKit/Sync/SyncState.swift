import GRDB

/// Small local facts of the sync engine, kept in `sync_state`.
enum SyncState {
    static func value(_ key: String, in db: Database) throws -> DatabaseValue? {
        try DatabaseValue.fetchOne(db.cachedStatement(sql: "SELECT value FROM sync_state WHERE key = ?"), arguments: [key])
    }

    static func set(_ key: String, _ value: some DatabaseValueConvertible, in db: Database) throws {
        try db.cachedStatement(
            sql: "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ).run([key.databaseValue, value.databaseValue])
    }

    /// The last hybrid-logical-clock value used or seen here.
    static func clock(in db: Database) throws -> UInt64 {
        guard let value = try value("hlc", in: db), let number = Int64.fromDatabaseValue(value) else { return 0 }
        return UInt64(bitPattern: number)
    }

    static func setClock(_ clock: UInt64, in db: Database) throws {
        try set("hlc", Int64(bitPattern: clock), in: db)
    }
}
