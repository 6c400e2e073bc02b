import Foundation
import GRDB

/// Decides, before anything of a verified changeset file is applied, whether its
/// signers may be believed: every key must match the key its replica is bound to
/// (else impersonation, always refused) and be trusted, or this replica's own;
/// unsigned changes and untrusted keys are accepted only with `--allow-untrusted`.
///
/// The reader has already checked every signature against the file's key table; this
/// check is about the table's keys. See `sync/FORMAT.md`, "Authenticity".
struct ChangesetTrustCheck {
    /// What a file's signatures say, as the reader found them.
    struct Signers {
        /// Each replica that signed records or the file, with the key it signed with.
        var keys: [String: Data]
        /// Replicas with records that carry no signature (every record of a v1 file).
        var unsignedReplicas: Set<String>
        /// The replica that wrote the file.
        var writer: String
    }

    /// What accepting the file means: bindings to record, and what was accepted without trust.
    struct Verdict {
        var bindings: [String: Data]
        var untrustedKeys: [Data]
        var acceptsUnsigned: Bool

        /// Binds new replicas to their keys and records what was accepted once, in the import's transaction.
        func record(file: String, in db: Database) throws {
            let directory = ReplicaKeyDirectory()
            for (replicaID, key) in bindings.sorted(by: { $0.key < $1.key }) { try directory.bind(replicaID, to: key, in: db) }
            for key in untrustedKeys { try TrustStore().recordAcceptance(of: key, file: file, in: db) }
            if acceptsUnsigned { try TrustStore().recordAcceptance(of: nil, file: file, in: db) }
        }
    }

    let localReplicaID: String
    let ownKey: Data
    let allowUntrusted: Bool

    /// The verdict for a file named `file` signed as `signers`; throws a ``ChangesetFileError`` to refuse it.
    func evaluate(_ signers: Signers, file: String, in db: Database) throws -> Verdict {
        let directory = ReplicaKeyDirectory(), trust = TrustStore()
        var verdict = Verdict(bindings: [:], untrustedKeys: [], acceptsUnsigned: false)
        for (replicaID, key) in signers.keys.sorted(by: { $0.key < $1.key }) {
            let bound = replicaID == localReplicaID ? ownKey : try directory.key(of: replicaID, in: db)
            if let bound, bound != key {
                throw ChangesetFileError.impersonation(
                    file: file, replica: replicaID, claimed: PublicKeyText.fingerprint(key), bound: PublicKeyText.fingerprint(bound))
            }
            if bound == nil {
                try checkBinding(replicaID, to: key, writer: signers.writer, file: file, in: db)
                verdict.bindings[replicaID] = key
            }
        }
        for (replicaID, key) in signers.keys.sorted(by: { $0.key < $1.key })
        where key != ownKey && !verdict.untrustedKeys.contains(key) {
            guard try !trust.isTrusted(key, in: db) else { continue }
            guard allowUntrusted else {
                throw ChangesetFileError.untrustedKey(file: file, fingerprint: PublicKeyText.fingerprint(key), replica: replicaID)
            }
            verdict.untrustedKeys.append(key)
        }
        if let replicaID = signers.unsignedReplicas.sorted().first {
            guard allowUntrusted else { throw ChangesetFileError.unsigned(file: file, replica: replicaID) }
            verdict.acceptsUnsigned = true
        }
        return verdict
    }

    /// Refuses a first binding of `replicaID` to `key` that ``ReplicaKeyBinding`` does not allow.
    private func checkBinding(_ replicaID: String, to key: Data, writer: String, file: String, in db: Database) throws {
        let legacy = try String.fetchAll(
            db, sql: "SELECT replica_id FROM sync_replica_keys WHERE public_key = ? AND replica_id <> ?", arguments: [key, replicaID]
        ).filter(ReplicaKeyBinding.isLegacyShape)
        let others = ReplicaKeyBinding.isLegacyShape(replicaID) ? legacy : []
        if let problem = ReplicaKeyBinding.problem(binding: replicaID, to: key, writer: writer, otherLegacyReplicas: others) {
            throw ChangesetFileError.keyNotBoundToReplica(
                file: file, replica: replicaID, fingerprint: PublicKeyText.fingerprint(key), reason: problem)
        }
    }
}
