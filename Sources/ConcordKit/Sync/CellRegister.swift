import CSQLiteSession
import GRDB

/// The per-field version store (`sync_cells`): merges writes into fields' heads.
///
/// A row change is merged in three steps, so that it costs a fixed number of statements
/// however many fields it writes: the row's heads are read once (``rowHeads(table:key:)``),
/// each field write is merged in memory (``merge(_:into:dependencies:)``), and the heads it
/// removes and the versions it adds are written with one statement each
/// (``remove(_:table:key:)``, ``insert(_:table:key:)``).
struct CellRegister {
    let db: Database

    /// What merging one write into a field's heads decides.
    struct FieldMerge {
        /// The visible head after the write.
        var winner: CellVersion
        /// Heads the write had seen: they stop being heads.
        var removed: [CellVersion]
        /// `false` when the write is already a head of the field (a change applied twice).
        var addsWrite: Bool
    }

    /// One version of one field of a row, as stored.
    struct FieldVersion {
        var column: String
        var version: CellVersion
    }

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
        try statement.forEachRow([table.databaseValue, key.databaseValue]) { row in
            heads[Self.text(row, 0), default: []].append(CellVersion(
                replicaID: Self.text(row, 1), sequence: sqlite3_column_int64(row, 2),
                timestamp: UInt64(bitPattern: sqlite3_column_int64(row, 3)),
                value: DatabaseValue(sqliteStatement: row, index: 4)))
        }
        return heads
    }

    /// Merges a received `write` into a field whose heads are `heads`: which heads it had seen
    /// (`W.dependencies[h.replica] >= h.sequence`, or an earlier change of the same replica),
    /// whether it is new, and which head is visible after (greatest `(timestamp, replica, sequence)`).
    static func merge(_ write: CellVersion, into heads: [CellVersion], dependencies: [String: Int64]) -> FieldMerge {
        var merge = FieldMerge(winner: write, removed: [], addsWrite: true)
        for head in heads {
            if head.replicaID == write.replicaID && head.sequence == write.sequence {
                merge.addsWrite = false
            } else if head.isSeen(byChangeOf: write.replicaID, sequence: write.sequence, dependencies: dependencies) {
                merge.removed.append(head)
                continue
            }
            if merge.winner.isOrdered(before: head) { merge.winner = head }
        }
        return merge
    }

    /// Removes the given versions of fields of one row, in one statement.
    func remove(_ versions: [FieldVersion], table: String, key: String) throws {
        if versions.isEmpty { return }
        let tuples = Self.removedTuples.text(versions.count)
        var arguments: [DatabaseValue] = [table.databaseValue, key.databaseValue]
        arguments.reserveCapacity(2 + 3 * versions.count)
        for field in versions {
            arguments += [field.column.databaseValue, field.version.replicaID.databaseValue, field.version.sequence.databaseValue]
        }
        try db.cachedStatement(sql: """
            DELETE FROM sync_cells WHERE table_name = ? AND row_key = ?
              AND (column_name, replica_id, sequence) IN (VALUES \(tuples))
            """).run(arguments)
    }

    /// Removes every version of the given fields of one row (a local write has seen them all), in one statement.
    func removeAll(columns: [String], table: String, key: String) throws {
        if columns.isEmpty { return }
        let placeholders = Self.columnList.text(columns.count)
        try db.cachedStatement(sql: """
            DELETE FROM sync_cells WHERE table_name = ? AND row_key = ? AND column_name IN (\(placeholders))
            """).run([table.databaseValue, key.databaseValue] + columns.map(\.databaseValue))
    }

    /// Adds versions of fields of one row, in one statement (a version already there is left as it is).
    func insert(_ versions: [FieldVersion], table: String, key: String) throws {
        if versions.isEmpty { return }
        let tuples = Self.addedTuples.text(versions.count)
        let table = table.databaseValue, key = key.databaseValue
        var arguments: [DatabaseValue] = []
        arguments.reserveCapacity(7 * versions.count)
        for field in versions {
            let version = field.version
            arguments += [
                table, key, field.column.databaseValue, version.replicaID.databaseValue, version.sequence.databaseValue,
                Int64(bitPattern: version.timestamp).databaseValue, version.value,
            ]
        }
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO sync_cells (table_name, row_key, column_name, replica_id, sequence, timestamp, value)
            VALUES \(tuples)
            """).run(arguments)
    }

    /// Records the value a field had in the baseline, if no write of it is known (before a row is deleted).
    func keepBaseline(_ value: DatabaseValue, table: String, key: String, column: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO sync_cells (table_name, row_key, column_name, replica_id, sequence, timestamp, value)
            SELECT ?, ?, ?, '', 0, 0, ?
            WHERE NOT EXISTS (SELECT 1 FROM sync_cells WHERE table_name = ? AND row_key = ? AND column_name = ?)
            """).execute(arguments: [table, key, column, value, table, key, column])
    }

    /// The baseline version of a field: what it held before any change wrote it.
    static func baseline(_ value: DatabaseValue) -> CellVersion {
        CellVersion(replicaID: "", sequence: 0, timestamp: 0, value: value)
    }

    private static func text(_ row: OpaquePointer, _ column: Int32) -> String {
        sqlite3_column_text(row, column).map { String(cString: $0) } ?? ""
    }

    private static let removedTuples = RepeatedSQL("(?, ?, ?)")
    private static let addedTuples = RepeatedSQL("(?, ?, ?, ?, ?, ?, ?)")
    private static let columnList = RepeatedSQL("?")
}

/// `pattern, pattern, …` for a statement's list of `count` parameter groups, made once per count up to 32.
struct RepeatedSQL: Sendable {
    private let made: [String]
    private let pattern: String

    init(_ pattern: String) {
        self.pattern = pattern
        made = (0...32).map { Array(repeating: pattern, count: $0).joined(separator: ", ") }
    }

    func text(_ count: Int) -> String {
        count < made.count ? made[count] : Array(repeating: pattern, count: count).joined(separator: ", ")
    }
}
