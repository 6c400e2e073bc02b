import CSQLiteSession
import GRDB

/// Makes a synced table's row show its fields' visible values after a merge:
/// updates the fields that changed, inserts a row that came (back) into existence,
/// and deletes a row whose existence is now "gone".
struct RowMaterializer {
    let db: Database
    let table: SyncedTable

    /// - Parameters:
    ///   - winners: the visible value after the merge of every field the change wrote, by column.
    ///   - heads: the row's field heads as read before the change, by column, if the caller has them
    ///     (fields the change does not write take their visible value from them when the row is inserted).
    ///   - writesWholeRow: `true` when `winners` holds every non-key column (an INSERT): the row is then
    ///     written with one upsert, whether it exists or not.
    func materialize(
        primaryKey: [ChangesetValue], key: String, winners: [String: DatabaseValue],
        heads: [String: [CellVersion]]? = nil, writesWholeRow: Bool = false
    ) throws {
        let keyValues = primaryKey.map(\.databaseValue)
        if !table.hasTombstone, winners[SyncedTable.rowColumn] == 0.databaseValue {
            try db.cachedStatement(sql: table.statements.delete).run(keyValues)
            return
        }
        if writesWholeRow, let values = wholeRow(primaryKey: primaryKey, winners: winners) {
            try db.cachedStatement(sql: table.statements.upsert).run(values)
            return
        }
        let fields = winners.keys.filter { $0 != SyncedTable.rowColumn }.sorted()
        if fields.isEmpty {
            var exists = false
            try db.cachedStatement(sql: table.statements.exists).forEachRow(keyValues) { row in
                exists = sqlite3_column_int64(row, 0) != 0
            }
            if exists { return }
        } else {
            let assignments = fields.map { "\($0) = ?" }.joined(separator: ", ")
            try db.cachedStatement(sql: "UPDATE \(table.name) SET \(assignments) WHERE \(table.keyCondition)")
                .run(fields.compactMap { winners[$0] } + keyValues)
            // sqlite3_changes: the rows the UPDATE matched (whether or not their values changed).
            if db.changesCount > 0 { return }
        }
        try insertWholeRow(primaryKey: primaryKey, key: key, winners: winners, heads: heads)
    }

    /// The row in column order from `winners` alone, or `nil` if they miss a non-key column.
    private func wholeRow(primaryKey: [ChangesetValue], winners: [String: DatabaseValue]) -> [DatabaseValue]? {
        row(primaryKey: primaryKey, winners: winners) { _ in nil }
    }

    /// The row in column order: key columns from `primaryKey`, the others from `winners`, else from
    /// `otherwise(column)`; `nil` as soon as `otherwise` has no value for a column.
    private func row(
        primaryKey: [ChangesetValue], winners: [String: DatabaseValue], otherwise: (String) throws -> DatabaseValue?
    ) rethrows -> [DatabaseValue]? {
        var keyValues = primaryKey.makeIterator()
        var values: [DatabaseValue] = []
        values.reserveCapacity(table.columns.count)
        for (index, column) in table.columns.enumerated() {
            if table.primaryKeyColumns[index] {
                values.append(keyValues.next()?.databaseValue ?? .null)
            } else if let value = try winners[column] ?? otherwise(column) {
                values.append(value)
            } else {
                return nil
            }
        }
        return values
    }

    /// Inserts the row with every field's visible value (from this change, else from the field's heads).
    private func insertWholeRow(
        primaryKey: [ChangesetValue], key: String, winners: [String: DatabaseValue], heads knownHeads: [String: [CellVersion]]?
    ) throws {
        let register = CellRegister(db: db)
        let values = try row(primaryKey: primaryKey, winners: winners) { column in
            let heads = try knownHeads?[column] ?? register.heads(table: table.name, key: key, column: column)
            guard let visible = heads.max(by: { $0.isOrdered(before: $1) }) else {
                throw SyncError.missingRow(table: table.name, key: key)
            }
            return visible.value
        }
        guard let values else { throw SyncError.missingRow(table: table.name, key: key) }
        try db.cachedStatement(sql: table.statements.insert).run(values)
    }
}
