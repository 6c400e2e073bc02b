import Foundation
import GRDB

/// Migration "v6: change chain hashes": the change log keeps each change's chain hash and the
/// chain signatures known here, so a file can prove a whole run of changes with one signature
/// (see ``ChangeChain`` and `sync/FORMAT.md`, format 3). None of it is synced as rows.
///
/// Existing logs are backfilled: every change's chain hash is computed from its replica's
/// previous one, in sequence order. Chain signatures of this replica's own changes are made
/// when the database is next opened with its key (``ReplicaKeyDirectory/adoptOwnKey(_:replicaID:in:)``);
/// other replicas' changes received before format 3 keep their per-change (v2) signatures.
enum ChangeChainSchema {
    static let migrationName = "v6: change chain hashes"

    static let sql = """
        ALTER TABLE sync_changes ADD COLUMN chain_hash BLOB; -- SHA-256 chain over the replica's changes 1..sequence (sync/FORMAT.md v3)
        ALTER TABLE sync_changes ADD COLUMN chain_signature BLOB; -- the origin's Ed25519 signature of (replica, sequence, chain_hash), if known here; NULL: none
        ALTER TABLE sync_pending ADD COLUMN chain_signature BLOB; -- as in sync_changes, kept while the change waits
        """

    /// Adds the columns and computes the chain hash of every change already in the log.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: sql)
        try backfillChainHashes(in: db)
    }

    /// Computes (again) the chain hash of every change in the log, replica by replica in sequence order.
    static func backfillChainHashes(in db: Database) throws {
        let replicas = try String.fetchAll(db, sql: "SELECT DISTINCT replica_id FROM sync_changes ORDER BY replica_id")
        for replicaID in replicas { try backfill(replicaID, in: db) }
    }

    /// Chain hashes of `replicaID`'s changes in sequence order, 10,000 at a time (the log may hold millions).
    private static func backfill(_ replicaID: String, in db: Database) throws {
        var previous = ChangeChain.origin
        var after: Int64 = 0
        while true {
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM sync_changes WHERE replica_id = ? AND sequence > ? ORDER BY sequence LIMIT 10000",
                arguments: [replicaID, after])
            guard !rows.isEmpty else { return }
            let update = try db.cachedStatement(sql: "UPDATE sync_changes SET chain_hash = ? WHERE replica_id = ? AND sequence = ?")
            for row in rows {
                let record = try ChangeLog.record(from: row)
                previous = try ChangeChain.hash(of: record, after: previous)
                try update.execute(arguments: [previous, replicaID, record.sequence])
                after = record.sequence
            }
        }
    }
}
