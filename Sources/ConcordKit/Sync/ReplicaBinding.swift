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
    /// This file's replica id, made fresh when the file is not the one the id was made for.
    static func replicaID(_ db: Database, path: String?) throws -> String {
        let current = try ReplicaIdentity.loadOrCreate(db)
        guard let path, let identity = fileIdentity(path) else { return current }
        let recorded = try SyncState.value("file_identity", in: db).flatMap(String.fromDatabaseValue)
        if recorded == identity { return current }
        try SyncState.set("file_identity", identity, in: db)
        guard recorded != nil else { return current }
        let fresh = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
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
