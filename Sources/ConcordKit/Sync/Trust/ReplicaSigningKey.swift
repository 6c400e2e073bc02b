import Crypto
import Foundation

/// This replica's Ed25519 signing key: it signs every change the replica makes and
/// every changeset file it writes.
///
/// Kept in a file beside the database (see ``ReplicaKeyFile``), bound to the replica id;
/// in-memory knowledge bases get a fresh key each time. The private key never leaves
/// this machine; peers learn the public key (`concord key`) and trust it
/// (`concord trust add`).
public struct ReplicaSigningKey: @unchecked Sendable {
    // Curve25519.Signing.PrivateKey is an immutable value; it is not marked Sendable by swift-crypto.
    private let privateKey: Curve25519.Signing.PrivateKey

    /// A new random key.
    public init() {
        privateKey = Curve25519.Signing.PrivateKey()
    }

    /// The key whose 32-byte private seed is `rawRepresentation`.
    public init(rawRepresentation: Data) throws {
        privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation)
    }

    /// The 32 raw bytes of the private key (only ever written to the key file).
    var rawRepresentation: Data { privateKey.rawRepresentation }

    /// The 32 raw bytes of the public key.
    public var publicKey: Data { privateKey.publicKey.rawRepresentation }

    /// `3fa4 c1e2 9b0e 7701`: see ``PublicKeyText/fingerprint(_:)``.
    public var fingerprint: String { PublicKeyText.fingerprint(publicKey) }

    /// The 64-byte Ed25519 signature of `message`.
    public func signature(for message: some DataProtocol) throws -> Data {
        try privateKey.signature(for: message)
    }
}
