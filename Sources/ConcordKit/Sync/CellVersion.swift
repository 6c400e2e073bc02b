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

/// The per-field version store (`sync_cells`): merges a write into a field's heads.
struct CellRegister {
    let db: Database

    /// The heads of one field, unordered.
    func heads(table: String, key: String, column: String) throws -> [CellVersion] {
        let statement = try db.cachedStatement(sql: """
            SELECT replica_id, sequence, timestamp, value FROM sync_cells
            WHERE table_name = ? AND row_key = ? AND column_name = ?
            """)
        return try Row.fetchAll(statement, arguments: [table, key, column]).map { row in
            CellVersion(
                replicaID: row[0], sequence: row[1], timestamp: UInt64(bitPattern: row[2]), value: row[3])
        }
    }

    /// The heads of every field of one row, by column: one query instead of one per field.
    func rowHeads(table: String, key: String) throws -> [String: [CellVersion]] {
        let statement = try db.cachedStatement(sql: """
            SELECT column_name, replica_id, sequence, timestamp, value FROM sync_cells
            WHERE table_name = ? AND row_key = ?
            """)
        var heads: [String: [CellVersion]] = [:]
        let rows = try Row.fetchCursor(statement, arguments: [table, key])
        while let row = try rows.next() {
            heads[row[0], default: []].append(
                CellVersion(replicaID: row[1], sequence: row[2], timestamp: UInt64(bitPattern: row[3]), value: row[4]))
        }
        return heads
    }

    /// Adds `write` to the field's heads, removing the heads it had seen; returns the visible head after.
    @discardableResult
    func merge(
        _ write: CellVersion, dependencies: [String: Int64], table: String, key: String, column: String, isLocal: Bool
    ) throws -> CellVersion {
        if isLocal {
            // A local write has seen everything this replica has applied: it replaces every head.
            try db.cachedStatement(sql: "DELETE FROM sync_cells WHERE table_name = ? AND row_key = ? AND column_name = ?")
                .execute(arguments: [table, key, column])
            try insert(write, table: table, key: key, column: column)
            return write
        }
        return try merge(
            write, into: try heads(table: table, key: key, column: column), dependencies: dependencies, table: table, key: key,
            column: column)
    }

    /// Merges a received `write` into the field whose heads are `heads` (as read before this write);
    /// returns the visible head after.
    func merge(
        _ write: CellVersion, into heads: [CellVersion], dependencies: [String: Int64], table: String, key: String,
        column: String
    ) throws -> CellVersion {
        var winner = write
        var alreadyThere = false
        for head in heads {
            if head.replicaID == write.replicaID && head.sequence == write.sequence {
                alreadyThere = true
            } else if head.isSeen(byChangeOf: write.replicaID, sequence: write.sequence, dependencies: dependencies) {
                try db.cachedStatement(sql: """
                    DELETE FROM sync_cells
                    WHERE table_name = ? AND row_key = ? AND column_name = ? AND replica_id = ? AND sequence = ?
                    """).execute(arguments: [table, key, column, head.replicaID, head.sequence])
                continue
            }
            if winner.isOrdered(before: head) { winner = head }
        }
        if !alreadyThere { try insert(write, table: table, key: key, column: column) }
        return winner
    }

    /// Records the value a field had in the baseline, if no write of it is known (before a row is deleted).
    func keepBaseline(_ value: DatabaseValue, table: String, key: String, column: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO sync_cells (table_name, row_key, column_name, replica_id, sequence, timestamp, value)
            SELECT ?, ?, ?, '', 0, 0, ?
            WHERE NOT EXISTS (SELECT 1 FROM sync_cells WHERE table_name = ? AND row_key = ? AND column_name = ?)
            """).execute(arguments: [table, key, column, value, table, key, column])
    }

    private func insert(_ write: CellVersion, table: String, key: String, column: String) throws {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO sync_cells (table_name, row_key, column_name, replica_id, sequence, timestamp, value)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                table, key, column, write.replicaID, write.sequence, Int64(bitPattern: write.timestamp), write.value,
            ])
    }
}
