import GRDB

/// The writer connection's page cache while a bulk write runs (a changeset import, a pipelined
/// ingest), and the reading and setting of `PRAGMA cache_size` both do.
///
/// SQLite's default cache is 2 MiB. A transaction's dirty pages beyond the cache are spilled to
/// the WAL mid-transaction and written again when changed later (perf: a fifth of a
/// 100k-change import's CPU, and a share of every ingest batch). The larger cache is bounded,
/// so a file or a corpus of any size is still written in bounded memory.
/// Related SQLite documentation: https://www.sqlite.org/pragma.html#pragma_cache_size
enum BulkWritePageCache {
    /// The cache a bulk write may fill: 64 MiB.
    static let kibibytes = 64 * 1024

    /// The connection's `cache_size` as SQLite reports it (negative: KiB; positive: pages).
    static func current(in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
    }

    /// Sets the connection's `cache_size` to `cacheSize`, in ``current(in:)``'s terms.
    static func set(_ cacheSize: Int, in db: Database) throws {
        try db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
    }

    /// Runs `body` with the connection's cache at `kibibytes`, then puts the previous size back.
    static func during<T>(kibibytes: Int = kibibytes, in db: Database, _ body: () throws -> T) throws -> T {
        let previous = try current(in: db)
        try set(-kibibytes, in: db)
        defer { try? set(previous, in: db) }
        return try body()
    }
}
