import Foundation
import GRDB

/// The files of a sync folder refused here (`sync_folder_refusals`) and the replicas ignored
/// (`sync_ignored_replicas`): a refused file is reported on the run that first meets it (or meets it
/// changed) and only counted afterwards; an ignored replica's folder is not read at all.
public struct SyncFolderRefusals: Sendable {
    public init() {}

    /// Whether the file `name` of `folder`, of this size and checksum, was refused before.
    func wasRefused(folder: String, name: String, size: Int64, checksum: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM sync_folder_refusals WHERE folder = ? AND name = ? AND size = ? AND checksum = ?)",
            arguments: [folder, name, size, checksum]) ?? false
    }

    /// Remembers that the file was refused, and why.
    func remember(folder: String, name: String, size: Int64, checksum: String, reason: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO sync_folder_refusals (folder, name, size, checksum, reason, refused_at) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [folder, name, size, checksum, reason, Timestamp.now()])
    }

    /// Forgets a refusal (the file imported after all).
    func forget(folder: String, name: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM sync_folder_refusals WHERE folder = ? AND name = ?", arguments: [folder, name])
    }

    /// The replicas ignored here, sorted.
    public func ignored(in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT replica_id FROM sync_ignored_replicas ORDER BY replica_id")
    }

    /// Ignores `replicaID`'s sync-folder files from now on; `false` if it was ignored already.
    public func ignore(_ replicaID: String, in db: Database) throws -> Bool {
        try db.execute(
            sql: "INSERT OR IGNORE INTO sync_ignored_replicas (replica_id, ignored_at) VALUES (?, ?)",
            arguments: [replicaID, Timestamp.now()])
        return db.changesCount > 0
    }

    /// Reads `replicaID`'s sync-folder files again; `false` if it was not ignored.
    public func unignore(_ replicaID: String, in db: Database) throws -> Bool {
        try db.execute(sql: "DELETE FROM sync_ignored_replicas WHERE replica_id = ?", arguments: [replicaID])
        return db.changesCount > 0
    }

    /// Ignores (or reads again) the replica `reference` names (see ``replicaID(for:in:)``), in one
    /// transaction; returns its full id and whether that changed anything.
    public func setIgnored(
        _ ignored: Bool, replica reference: String, in knowledgeBase: KnowledgeBase
    ) throws -> (replicaID: String, changed: Bool) {
        try knowledgeBase.database.write { db in
            guard let replicaID = try replicaID(for: reference, in: db) else { throw TrustError.unknownReplica(reference) }
            return (replicaID, ignored ? try ignore(replicaID, in: db) : try unignore(replicaID, in: db))
        }
    }

    /// The full replica id `reference` names: itself (32 hex digits), or the one replica known here (bound to a
    /// key, or with a folder refused here) that it is a prefix (8 hex digits or more) of.
    public func replicaID(for reference: String, in db: Database) throws -> String? {
        let text = reference.lowercased()
        if ReplicaIDCoding.isValid(text) { return text }
        guard text.count >= 8, text.allSatisfy(\.isHexDigit) else { return nil }
        let known = try String.fetchAll(db, sql: """
            SELECT replica_id FROM sync_replica_keys
            UNION SELECT substr(name, 1, 32) FROM sync_folder_refusals
            UNION SELECT replica_id FROM sync_versions
            """)
        let matches = Set(known.filter { $0.hasPrefix(text) })
        return matches.count == 1 ? matches.first : nil
    }
}
