import Foundation

/// One captured change, as it is kept in the change log and carried between
/// replicas in changeset files.
///
/// A change is identified by `(replicaID, sequence)`: the replica that made it and
/// its position (from 1, without gaps) among that replica's changes. Relays forward
/// records unchanged. `dependencies` is the version vector the origin replica had
/// applied when it made the change (highest sequence seen per replica, itself
/// excluded); a receiver applies a record only once it has all of them, so changes
/// arrive in causal order whatever order the files come in.
public struct ChangeRecord: Sendable, Hashable {
    public var replicaID: String
    public var sequence: Int64
    /// Hybrid logical clock timestamp (see ``HybridLogicalClock``), the order of last-writer-wins.
    public var timestamp: UInt64
    public var author: String
    /// What the change did, in words ("set name of person:3fa4… to …").
    public var summary: String
    public var dependencies: [String: Int64]
    /// The change itself: an SQLite changeset captured by the session extension on the synced tables.
    public var changeset: Data
    /// The origin replica's Ed25519 signature of the record (see ``ChangeSignature``), or `nil` for a
    /// change made before Concord signed changes. Relays keep it as it is: only the origin signs.
    public var signature: Data?
    /// The change's chain hash, SHA-256 over its replica's changes 1…`sequence` (see ``ChangeChain``), when known:
    /// the log keeps it for every change; a file reader sets it for changes a chain signature proved.
    public var chainHash: Data?
    /// The origin's chain signature of changes 1…`sequence` (see ``ChangeChain``), if one is known for this change.
    /// A relay keeps it and forwards it at the end of a run; only the origin makes one.
    public var chainSignature: Data?

    public init(
        replicaID: String, sequence: Int64, timestamp: UInt64, author: String, summary: String,
        dependencies: [String: Int64], changeset: Data, signature: Data? = nil, chainHash: Data? = nil,
        chainSignature: Data? = nil
    ) {
        self.replicaID = replicaID
        self.sequence = sequence
        self.timestamp = timestamp
        self.author = author
        self.summary = summary
        self.dependencies = dependencies
        self.changeset = changeset
        self.signature = signature
        self.chainHash = chainHash
        self.chainSignature = chainSignature
    }
}
