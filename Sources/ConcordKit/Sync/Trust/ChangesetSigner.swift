import Foundation

/// What a changeset file writer needs to sign: the writing replica's key, and the
/// public keys of the replicas whose signed records the file carries (its key table).
///
/// Made from a knowledge base: ``keyTable(for:)`` reads the keys bound in
/// `sync_replica_keys`, so call it outside any open read of the same knowledge base.
public struct ChangesetSigner: Sendable {
    public let replicaID: String
    public let key: ReplicaSigningKey
    private let knowledgeBase: KnowledgeBase?

    /// Signs as `knowledgeBase`'s replica, with its key table.
    public init(knowledgeBase: KnowledgeBase) {
        replicaID = knowledgeBase.replicaID
        key = knowledgeBase.signingKey
        self.knowledgeBase = knowledgeBase
    }

    /// Signs as `replicaID` with `key`; the key table holds only that key (for tests and tools).
    public init(replicaID: String, key: ReplicaSigningKey) {
        self.replicaID = replicaID
        self.key = key
        knowledgeBase = nil
    }

    /// The public key of the writer and of each replica with a signed record in `records`, and the records
    /// as they are to be written: a signature whose replica's key is not known here cannot be checked by
    /// anyone, so it is left out (the record travels unsigned).
    public func keyTable(for records: [ChangeRecord]) throws -> (keys: [String: Data], records: [ChangeRecord]) {
        let signing = Set(records.filter { $0.signature != nil }.map(\.replicaID))
        var keys = try knowledgeBase?.read { db in try ReplicaKeyDirectory().keys(of: signing, in: db) } ?? [:]
        keys[replicaID] = key.publicKey
        guard signing.contains(where: { keys[$0] == nil }) else { return (keys, records) }
        let carried = records.map { record in
            var record = record
            if keys[record.replicaID] == nil { record.signature = nil }
            return record
        }
        return (keys, carried)
    }
}
