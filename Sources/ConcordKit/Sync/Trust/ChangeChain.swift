import Crypto
import Foundation

/// The hash chain that lets one signature authenticate a whole run of a replica's changes
/// (changeset format 3, `sync/FORMAT.md`, "Authenticity").
///
/// Every change has a *chain hash*: `chain(n) = SHA-256(tag || chain(n-1) || body(n))`, where
/// `chain(0)` is 32 zero bytes and `body(n)` is the change's canonical body (its v2 unsigned record
/// body, ``ChangesetFileWriter/body(of:file:)``: deterministic from the record's fields). A *chain
/// signature* by the origin's key over `(tag, replica, n, chain(n))` therefore authenticates
/// changes 1…n at once: a reader that knows `chain(first-1)` recomputes the chain over the bodies
/// it reads (one SHA-256 each) and checks one Ed25519 signature at the end of the run.
public enum ChangeChain {
    /// The chain hash before a replica's first change.
    public static let origin = Data(repeating: 0, count: 32)
    /// The size of a chain hash.
    public static let hashSize = 32
    static let hashTag = Array("concord change chain v3\u{0}".utf8)
    static let signatureTag = Array("concord change chain signature v3\u{0}".utf8)

    /// `chain(n)` from `chain(n-1)` (`previous`) and the record `n`.
    public static func hash(of record: ChangeRecord, after previous: some DataProtocol) throws -> Data {
        hash(body: try ChangesetFileWriter.body(of: record, file: "change log"), after: previous)
    }

    /// `chain(n)` from `chain(n-1)` and the canonical body of record `n`.
    static func hash(body: some DataProtocol, after previous: some DataProtocol) -> Data {
        var hasher = SHA256()
        hasher.update(data: hashTag)
        hasher.update(data: previous)
        hasher.update(data: body)
        return Data(hasher.finalize())
    }

    /// The bytes a chain signature signs: the tag, the replica id (16 bytes), the sequence (8, big-endian), the chain hash.
    static func signedMessage(replicaID: String, sequence: Int64, chainHash: some DataProtocol) -> [UInt8] {
        var message = BinaryEncoder(reservingCapacity: signatureTag.count + 56)
        message.append(signatureTag)
        message.appendReplica(replicaID)
        message.append(UInt64(max(0, sequence)))
        message.append(Array(chainHash))
        return message.bytes
    }

    /// The origin's signature of changes 1…`sequence` of `replicaID`, whose chain hash is `chainHash`.
    public static func sign(replicaID: String, sequence: Int64, chainHash: Data, with key: ReplicaSigningKey) throws -> Data {
        try key.signature(for: signedMessage(replicaID: replicaID, sequence: sequence, chainHash: chainHash))
    }

    /// `true` if `signature` is `publicKey`'s chain signature of changes 1…`sequence` of `replicaID` with chain hash `chainHash`.
    public static func isValid(
        _ signature: some DataProtocol, replicaID: String, sequence: Int64, chainHash: some DataProtocol, publicKey: Data
    ) -> Bool {
        guard signature.count == ChangeSignature.size, chainHash.count == hashSize,
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: signedMessage(replicaID: replicaID, sequence: sequence, chainHash: chainHash))
    }

    /// `true` if `record`'s chain hash follows from `before` (the chain hash of the change before it) and its
    /// fields, and its chain signature is `publicKey`'s signature of that hash.
    public static func isProved(_ record: ChangeRecord, after before: Data, publicKey: Data) -> Bool {
        guard let chainHash = record.chainHash, let signature = record.chainSignature,
              (try? hash(of: record, after: before)) == chainHash else { return false }
        return isValid(signature, replicaID: record.replicaID, sequence: record.sequence, chainHash: chainHash, publicKey: publicKey)
    }
}
