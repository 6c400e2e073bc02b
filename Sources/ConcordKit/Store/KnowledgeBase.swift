import Foundation
import GRDB

/// An open Concord knowledge base: one SQLite file in WAL mode, migrated to the
/// current schema, with the identity of this replica.
///
/// Every change goes through ``write(_:_:)``, which runs it as one transaction;
/// the sync layer hooks in there to capture the change. Reads may run
/// concurrently with a write (WAL).
public final class KnowledgeBase: Sendable {
    /// The underlying GRDB connection pool (or queue, for in-memory bases).
    public let database: any DatabaseWriter
    /// The file path, or `nil` for an in-memory knowledge base.
    public let path: String?
    /// This replica's random id, made when the database was created.
    public let replicaID: String
    /// Who is making changes in this process (`--author`, `CONCORD_AUTHOR`, or the login name).
    public let author: String
    /// This replica's signing key: it signs every change made here and every file written here
    /// (kept in `<path>.key`, see ``ReplicaKeyFile``; in memory, a fresh key per open).
    public let signingKey: ReplicaSigningKey

    /// How long a writer waits for another process's write to finish before giving up.
    public static let busyTimeout: TimeInterval = 5

    init(database: any DatabaseWriter, path: String?, author: String) throws {
        self.database = database
        self.path = path
        self.author = author
        try StoreSchema.migrator.migrate(database)
        // Bound to this file: a copied file gets a new id (see ReplicaBinding).
        let replicaID = try database.write { db in try ReplicaBinding.replicaID(db, path: path) }
        self.replicaID = replicaID
        // Bound to the replica id: a copy, with its new id, makes its own key (see ReplicaKeyFile).
        let signingKey = try ReplicaKeyFile.loadOrCreate(databasePath: path, replicaID: replicaID)
        self.signingKey = signingKey
        try database.write { db in try ReplicaKeyDirectory().adoptOwnKey(signingKey, replicaID: replicaID, in: db) }
    }

    /// Opens (creating if needed) the knowledge base at `path`. Does not ingest anything:
    /// see ``KnowledgeBaseLoader`` for opening with seeding.
    public static func open(path: String, author: String) throws -> KnowledgeBase {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "concord"
        configuration.prepareDatabase { db in
            if db.configuration.readonly { try db.execute(sql: "PRAGMA mmap_size = \(readerMapSize)") }
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // Fail early on a file that is not SQLite at all.
            _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notAKnowledgeBase(path: path)
        }
        if let unknown = try pool.read({ db in try unknownMigration(db) }) {
            throw StoreError.newerSchema(path: path, migration: unknown)
        }
        return try KnowledgeBase(database: pool, path: path, author: author)
    }

    /// Bytes of the file read connections map into memory instead of copying pages with `pread`.
    static let readerMapSize = 1 << 31

    /// An in-memory knowledge base, for tests and benchmarks.
    public static func inMemory(author: String = "test") throws -> KnowledgeBase {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        return try KnowledgeBase(database: try DatabaseQueue(configuration: configuration), path: nil, author: author)
    }

    /// Runs `updates` as one transaction: all of it happens, or none of it does.
    ///
    /// The sync layer captures what it changes (SQLite session on the synced tables) and
    /// appends it to the change log as this replica's next change, in the same transaction
    /// (see ``ChangeCapture``).
    ///
    /// - Parameter summary: what the change does, in words ("set name of person:3fa4…"), for `log`.
    public func write<T>(_ summary: String, _ updates: (Database) throws -> T) throws -> T {
        try database.write { db in try ChangeCapture.capture(summary, by: self, in: db, updates) }
    }

    /// Closes the database; the knowledge base must not be used afterwards.
    public func close() throws {
        if let pool = database as? DatabasePool {
            // Move everything from the WAL into the main file, so the file alone is complete.
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            try pool.close()
        }
        if let queue = database as? DatabaseQueue { try queue.close() }
    }

    /// Runs `value` on a consistent snapshot of the database.
    public func read<T>(_ value: (Database) throws -> T) throws -> T {
        try database.read { db in try value(db) }
    }

    private static func unknownMigration(_ db: Database) throws -> String? {
        guard try db.tableExists("grdb_migrations") else { return nil }
        let known = Set(StoreSchema.migrator.migrations)
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        return applied.first { !known.contains($0) }
    }
}
