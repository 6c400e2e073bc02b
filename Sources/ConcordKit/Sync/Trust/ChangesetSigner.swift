import Foundation

/// What a changeset file writer needs to sign: the writing replica's key, and the
/// public keys of the replicas whose signed records the file carries (its key table).
///
/// Made from a knowledge base: ``keysAndChainHashes(for:)`` reads the keys bound in
/// `sync_replica_keys` and chain hashes from the log, so call it outside any open read of the same knowledge base.
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

    /// The keys bound here of the replicas with a signed record in `records` (plus the writer's), and the chain
    /// hash of the change before each run of consecutive records (where the log holds it), which a chain proof
    /// of the run starts from (see ``ChangesetExportPlan``).
    func keysAndChainHashes(for records: [ChangeRecord]) throws -> (keys: [String: Data], chainHashes: [RecordKey: Data]) {
        let signing = Set(records.filter { $0.signature != nil || $0.chainSignature != nil }.map(\.replicaID))
        let befores = ChangesetFileHeader.ranges(of: records).filter { $0.first > 1 }
            .map { RecordKey(replicaID: $0.replicaID, sequence: $0.first - 1) }
        var keys: [String: Data] = [:]
        var hashes: [RecordKey: Data] = [:]
        try knowledgeBase?.read { db in
            for before in befores {
                hashes[before] = try? ChangeLog().chainHash(replica: before.replicaID, sequence: before.sequence, in: db)
            }
            keys = try ReplicaKeyDirectory().keys(of: signing, in: db)
        }
        keys[replicaID] = key.publicKey
        return (keys, hashes)
    }
}
