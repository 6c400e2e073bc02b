import Foundation
import GRDB

/// Which public key each replica signs with (`sync_replica_keys`): this replica's own,
/// and every other's as first seen on a verified signed change.
///
/// The binding is what makes impersonation visible: a file whose records claim a known
/// replica under another key is refused. It is learned on first use (the first verified
/// file from a replica binds it); trust (``TrustStore``) is separate and decides whether
/// the key's changes are accepted at all.
public struct ReplicaKeyDirectory: Sendable {
    public init() {}

    /// The key `replicaID` is bound to, if any.
    public func key(of replicaID: String, in db: Database) throws -> Data? {
        try Data.fetchOne(db, sql: "SELECT public_key FROM sync_replica_keys WHERE replica_id = ?", arguments: [replicaID])
    }

    /// The keys of `replicaIDs` that are bound, by replica.
    public func keys(of replicaIDs: some Sequence<String>, in db: Database) throws -> [String: Data] {
        var keys: [String: Data] = [:]
        for replicaID in Set(replicaIDs) {
            if let key = try key(of: replicaID, in: db) { keys[replicaID] = key }
        }
        return keys
    }

    /// Binds `replicaID` to `publicKey` unless it is bound already.
    func bind(_ replicaID: String, to publicKey: Data, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO sync_replica_keys (replica_id, public_key, fingerprint, first_seen_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (replica_id) DO NOTHING
                """,
            arguments: [replicaID, publicKey, PublicKeyText.fingerprint(publicKey), Timestamp.now()])
    }

    /// Makes `key` this replica's bound key and makes sure every change this replica made carries its chain signature.
    ///
    /// On the first open after the chain migration, and whenever the key changed (a lost key
    /// file replaced by a new key), the replica's own changes are chain-signed (again) with `key`,
    /// in one transaction; their per-change (v2) signatures, made by an earlier Concord, are dropped
    /// (the chain signatures prove the same changes). Changes of other replicas, including ones made
    /// under this file's previous replica ids, are never signed here: only their origin can.
    func adoptOwnKey(_ key: ReplicaSigningKey, replicaID: String, in db: Database) throws {
        let unsigned = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM sync_changes WHERE replica_id = ? AND chain_signature IS NULL)",
            arguments: [replicaID]) ?? false
        if try self.key(of: replicaID, in: db) == key.publicKey, !unsigned { return }
        try db.execute(sql: "DELETE FROM sync_replica_keys WHERE replica_id = ?", arguments: [replicaID])
        try bind(replicaID, to: key.publicKey, in: db)
        let rows = try Row.fetchCursor(
            db, sql: "SELECT sequence, chain_hash FROM sync_changes WHERE replica_id = ? ORDER BY sequence", arguments: [replicaID])
        var signatures: [(Int64, Data)] = []
        while let row = try rows.next() {
            let sequence: Int64 = row[0]
            guard let chainHash: Data = row[1] else { throw ChangeChainError.missingChainHash(replica: replicaID, sequence: sequence) }
            signatures.append((sequence, try ChangeChain.sign(replicaID: replicaID, sequence: sequence, chainHash: chainHash, with: key)))
        }
        let update = try db.cachedStatement(
            sql: "UPDATE sync_changes SET chain_signature = ?, signature = NULL WHERE replica_id = ? AND sequence = ?")
        for (sequence, signature) in signatures { try update.execute(arguments: [signature, replicaID, sequence]) }
    }
}
