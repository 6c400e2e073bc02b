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
