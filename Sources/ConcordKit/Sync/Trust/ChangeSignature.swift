import Crypto
import Foundation

/// What is signed, and how a signature is checked: each change record by its origin
/// replica, and each changeset file by its writer.
///
/// A record's signature covers a context tag and the record's body exactly as the file
/// format encodes it without the signature (replica, sequence, timestamp, dependencies,
/// author, summary, changeset; `sync/FORMAT.md`), so a relay can forward it unchanged and
/// every reader can check it against the bytes it read. A file's signature covers another
/// tag and the SHA-256 of the file's bytes from its header to its end marker, so the
/// header's claims (writer, version vector, ranges, key table) are authenticated too.
/// The tags keep one kind of signature from being passed off as the other.
public enum ChangeSignature {
    /// The size of an Ed25519 signature.
    public static let size = 64
    static let recordContext = Array("concord change record v2\u{0}".utf8)
    static let fileContext = Array("concord changeset file v2\u{0}".utf8)

    /// The signature of `record` by `key` (its origin's key).
    public static func sign(_ record: ChangeRecord, with key: ReplicaSigningKey) throws -> Data {
        try key.signature(for: recordContext + ChangesetFileWriter.body(of: record, file: "change log"))
    }

    /// `true` if `signature` is `publicKey`'s signature of a record whose unsigned body is `body`.
    static func isValid(_ signature: some DataProtocol, recordBody body: some Collection<UInt8>, publicKey: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: recordContext + Array(body))
    }

    /// `true` if `signature` is `publicKey`'s signature of a record (re-encoded from its fields).
    public static func isValid(_ record: ChangeRecord, publicKey: Data) -> Bool {
        guard let signature = record.signature,
              let body = try? ChangesetFileWriter.body(of: record, file: "change log") else { return false }
        return isValid(signature, recordBody: body, publicKey: publicKey)
    }

    /// The writer's signature of a file whose bytes up to its end marker hash to `digest`.
    static func signFile(digest: some Sequence<UInt8>, with key: ReplicaSigningKey) throws -> Data {
        try key.signature(for: fileContext + Array(digest))
    }

    /// `true` if `signature` is `publicKey`'s signature of a file whose bytes up to its end marker hash to `digest`.
    static func isValidFileSignature(_ signature: some DataProtocol, digest: some Sequence<UInt8>, publicKey: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: fileContext + Array(digest))
    }
}
