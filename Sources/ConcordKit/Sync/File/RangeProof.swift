import Foundation

/// How a changeset file (format 3) proves that the changes of one of its ranges were made by
/// their origin replica (see `sync/FORMAT.md`, "Authenticity").
///
/// A relay forwards what it can prove: a chain signature it received or made, the per-change
/// signatures of changes it received under format 2, or nothing for changes made before Concord
/// signed changes.
public enum RangeProof: Sendable, Hashable {
    /// Changes never signed: each is reported as unsigned (refused without `--allow-untrusted`).
    case unsigned
    /// Each change carries its own format-2 signature (or none), checked one by one.
    case recordSignatures
    /// One origin chain signature at the range's last change; `before` is the chain hash of the
    /// change before the range's first (``ChangeChain/origin`` when it starts at 1).
    case chain(before: Data, signature: Data)

    /// The kind byte written in the file.
    var kind: UInt8 {
        switch self {
        case .unsigned: 0
        case .recordSignatures: 1
        case .chain: 2
        }
    }

    /// A short name for `changeset show`: `chain`, `per-change signatures`, `unsigned`.
    public var name: String {
        switch self {
        case .unsigned: "unsigned"
        case .recordSignatures: "per-change signatures"
        case .chain: "chain signature"
        }
    }
}

extension ChangesetFileHeader {
    /// Who signed what, one line each, for `changeset show`: the writer's key, then per range its proof and
    /// the key it is checked against (`3fa4c1e2 1…4: chain signature by key 3fa4 c1e2 9b0e 7701`). These are
    /// the file's claims; reading the file to its end checks every one of them.
    public var signatureDescriptions: [String] {
        guard isSigned else { return ["unsigned (format \(formatVersion))"] }
        var lines = ["file signed by its writer's key \(publicKeys[originReplicaID].map(PublicKeyText.fingerprint) ?? "?")"]
        for (index, range) in ranges.enumerated() {
            let proof = proof(ofRange: index)
            let key = publicKeys[range.replicaID].map { " by key " + PublicKeyText.fingerprint($0) } ?? ""
            lines.append("\(range.replicaID.prefix(8)) \(range.first)…\(range.last): \(proof.name)\(proof == .unsigned ? "" : key)")
        }
        return lines
    }
}
