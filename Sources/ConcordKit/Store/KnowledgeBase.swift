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

    /// `true` when the file or its folder cannot be written (read-only media): reads work, ``write(_:_:)`` refuses.
    public let isReadOnly: Bool

    /// How long a writer waits for another process's write to finish before giving up.
    public static let busyTimeout: TimeInterval = 5

    init(database: any DatabaseWriter, path: String?, author: String) throws {
        self.database = database
        self.path = path
        self.author = author
        self.isReadOnly = false
        try StoreSchema.migrator.migrate(database)
        // Bound to this file: a new or copied file gets a new id, derived from its new key (see ReplicaBinding,
        // ReplicaKeyBinding); the key file is written before the id commits, so an id never lacks its key.
        let newKey = ReplicaSigningKey()
        let (replicaID, signingKey) = try database.write { db in
            let identity = try ReplicaBinding.replicaID(db, path: path, newKey: newKey)
            return (identity.id, try ReplicaKeyFile.key(databasePath: path, replicaID: identity.id, made: identity.isNew ? newKey : nil))
        }
        self.replicaID = replicaID
        self.signingKey = signingKey
        try database.write { db in try ReplicaKeyDirectory().adoptOwnKey(signingKey, replicaID: replicaID, in: db) }
    }

    /// Opens a knowledge base that cannot be written: its schema must be current; its key is read if it is
    /// there (nothing is signed without writing anyway).
    init(readOnly database: any DatabaseWriter, path: String, author: String) throws {
        self.database = database
        self.path = path
        self.author = author
        self.isReadOnly = true
        guard let replicaID = try database.read({ db in
            try String.fetchOne(db, sql: "SELECT value FROM replica_settings WHERE key = 'replica_id'")
        }) else { throw StoreError.missingReplicaID(path: path) }
        if try database.read({ db in try !StoreSchema.migrator.hasCompletedMigrations(db) }) {
            throw StoreError.readOnlyNeedsUpgrade(path: path)
        }
        self.replicaID = replicaID
        let stored = try? ReplicaKeyFile.load(ReplicaKeyFile.path(forDatabase: path))
        self.signingKey = stored?.replicaID == replicaID ? stored!.key : ReplicaSigningKey()
    }

    /// Opens (creating if needed) the knowledge base at `path`. Does not ingest anything:
    /// see ``KnowledgeBaseLoader`` for opening with seeding. An empty (0-byte) file is refused; a file
    /// on read-only media, or one this process may not write, opens read-only (``isReadOnly``).
    public static func open(path: String, author: String) throws -> KnowledgeBase {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber, size.intValue == 0 {
            throw StoreError.emptyFile(path: path)
        }
        if FileManager.default.fileExists(atPath: path), let readOnly = try ReadOnlyOpening.open(path: path) {
            return try KnowledgeBase(readOnly: readOnly, path: path, author: author)
        }
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
        if isReadOnly, let path { throw StoreError.readOnly(path: path) }
        return try database.write { db in try ChangeCapture.capture(summary, by: self, in: db, updates) }
    }

    /// Closes the database; the knowledge base must not be used afterwards.
    public func close() throws {
        if let pool = database as? DatabasePool, !isReadOnly {
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
