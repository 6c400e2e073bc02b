import Crypto
import Foundation

/// The rule that binds a replica id to the key that may speak for it, so that no key, however
/// trusted, can sign changes under another replica's id (see `sync/FORMAT.md`, "Identity").
///
/// A replica made by this Concord has an id *derived* from its public key: the first 16 bytes of
/// `SHA-256("concord replica id v1" 00 || public key)`, with the high four bits of byte 6 set to
/// `0xd` (hex digit 12 of the id is `d`). Only that key can ever be bound to it. Replicas made by
/// earlier Concords have random ids (UUID version 4: hex digit 12 is `4`); such a *legacy* id is
/// bound, when first seen, only to the key of a file the replica wrote itself (the file's writer),
/// and only if that key speaks for no other legacy replica here. Any other id is refused.
public enum ReplicaKeyBinding {
    static let context = Array("concord replica id v1\u{0}".utf8)

    /// The replica id derived from `publicKey`.
    public static func derivedReplicaID(for publicKey: Data) -> String {
        var bytes = Array(SHA256.hash(data: context + Array(publicKey)).prefix(16))
        bytes[6] = 0xD0 | (bytes[6] & 0x0F)
        return ReplicaIDCoding.text(bytes)
    }

    /// Whether `replicaID` has the shape of a derived id (its 13th hex digit is `d`).
    public static func isDerivedShape(_ replicaID: String) -> Bool {
        replicaID.utf8.count == 32 && Array(replicaID.utf8)[12] == UInt8(ascii: "d")
    }

    /// Whether `replicaID` has the shape of an id made by an earlier Concord (a random UUID version 4).
    public static func isLegacyShape(_ replicaID: String) -> Bool {
        replicaID.utf8.count == 32 && Array(replicaID.utf8)[12] == UInt8(ascii: "4")
    }

    /// Why `publicKey` may not be bound to the unbound `replicaID`, or `nil` when it may.
    ///
    /// - Parameters:
    ///   - writer: the replica that wrote the file announcing the binding.
    ///   - otherLegacyReplicas: legacy replicas already bound to `publicKey` here.
    static func problem(binding replicaID: String, to publicKey: Data, writer: String, otherLegacyReplicas: [String]) -> String? {
        if isDerivedShape(replicaID) {
            return derivedReplicaID(for: publicKey) == replicaID ? nil : "whose id is derived from another key"
        }
        guard isLegacyShape(replicaID) else { return "whose id is neither derived from a key nor made by an earlier Concord" }
        guard replicaID == writer else {
            return "an older replica this one has not yet heard from directly (import a file it wrote itself first)"
        }
        guard otherLegacyReplicas.isEmpty else {
            return "but it already speaks here for replica \(otherLegacyReplicas[0].prefix(8))"
        }
        return nil
    }
}
