import GRDB

/// One write of one field: who made it, when, and the value it wrote.
///
/// The per-field merge keeps, for each field, the writes that no later write has
/// seen ("heads"). Among heads, the visible value is the one with the greatest
/// ``order`` — hybrid logical clock, then replica id — which every replica computes
/// alike.
public struct CellVersion: Hashable, Sendable {
    public var replicaID: String
    public var sequence: Int64
    public var timestamp: UInt64
    public var value: DatabaseValue

    public init(replicaID: String, sequence: Int64, timestamp: UInt64, value: DatabaseValue) {
        self.replicaID = replicaID
        self.sequence = sequence
        self.timestamp = timestamp
        self.value = value
    }

    /// The total order of last-writer-wins: `(timestamp, replica id, sequence)`.
    public func isOrdered(before other: CellVersion) -> Bool {
        (timestamp, replicaID, sequence) < (other.timestamp, other.replicaID, other.sequence)
    }

    /// Whether a change with these `dependencies`, made by `replica` as its `sequence`-th, had seen this write.
    public func isSeen(byChangeOf replica: String, sequence: Int64, dependencies: [String: Int64]) -> Bool {
        if replicaID == replica { return self.sequence < sequence }
        return (dependencies[replicaID] ?? 0) >= self.sequence
    }
}
