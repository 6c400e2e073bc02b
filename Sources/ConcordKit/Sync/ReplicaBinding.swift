import Foundation
import GRDB

/// Ties a replica id to one database file, so a copied file does not keep writing
/// under the same id as its original.
///
/// The file's device and inode are recorded next to the replica id. Opening a file
/// whose identity differs (a copy, or a restored backup) gives it a fresh replica id
/// before it writes anything, so its changes can never be confused with the original's;
/// the old id stays in the change log for the changes made under it. Moving or renaming
/// a file keeps its inode and its id. In-memory knowledge bases are not bound.
public enum ReplicaBinding {
    /// This file's replica id, made fresh (derived from `newKey`) when the file is new or is not the one
    /// the id was made for; `isNew` says so, and then `newKey` is the replica's key from now on.
    static func replicaID(_ db: Database, path: String?, newKey: ReplicaSigningKey) throws -> (id: String, isNew: Bool) {
        let loaded = try ReplicaIdentity.loadOrCreate(db, newKey: newKey)
        let current = (id: loaded.id, isNew: loaded.created)
        guard let path, let identity = fileIdentity(path) else { return current }
        let recorded = try SyncState.value("file_identity", in: db).flatMap(String.fromDatabaseValue)
        if recorded == identity { return current }
        try SyncState.set("file_identity", identity, in: db)
        guard recorded != nil, !current.isNew else { return current }
        return (try renew(db, current: current.id, key: newKey), true)
    }

    /// Gives this file the replica id derived from `key`, keeping `current` among its previous ids.
    static func renew(_ db: Database, current: String, key: ReplicaSigningKey) throws -> String {
        let fresh = ReplicaKeyBinding.derivedReplicaID(for: key.publicKey)
        try db.execute(sql: "UPDATE replica_settings SET value = ? WHERE key = 'replica_id'", arguments: [fresh])
        let previous = try SyncState.value("previous_replica_ids", in: db).flatMap(String.fromDatabaseValue)
        try SyncState.set("previous_replica_ids", [previous, current].compactMap { $0 }.joined(separator: " "), in: db)
        return fresh
    }

    /// "device:inode" of the file at `path`, or `nil` if it cannot be read.
    static func fileIdentity(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return "\(status.st_dev):\(status.st_ino)"
    }
}
