import GRDB

/// Makes a synced table's row show its fields' visible values after a merge:
/// updates the fields that changed, inserts a row that came (back) into existence,
/// and deletes a row whose existence is now "gone".
struct RowMaterializer {
    let db: Database
    let table: SyncedTable

    /// - Parameter heads: the row's field heads as read before the change, by column, if the caller has them
    ///   (fields the change does not write take their visible value from them when the row is inserted).
    func materialize(
        primaryKey: [ChangesetValue], key: String, winners: [String: DatabaseValue], heads: [String: [CellVersion]]? = nil
    ) throws {
        let keyValues = primaryKey.map(\.databaseValue)
        let condition = table.keyCondition
        if !table.hasTombstone, winners[SyncedTable.rowColumn] == 0.databaseValue {
            try db.cachedStatement(sql: "DELETE FROM \(table.name) WHERE \(condition)")
                .execute(arguments: StatementArguments(keyValues))
            return
        }
        let exists = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table.name) WHERE \(condition))"),
            arguments: StatementArguments(keyValues)) ?? false
        if exists {
            let fields = winners.keys.filter { $0 != SyncedTable.rowColumn }.sorted()
            if fields.isEmpty { return }
            let assignments = fields.map { "\($0) = ?" }.joined(separator: ", ")
            try db.cachedStatement(sql: "UPDATE \(table.name) SET \(assignments) WHERE \(condition)")
                .execute(arguments: StatementArguments(fields.compactMap { winners[$0] } + keyValues))
            return
        }
        try insertWholeRow(primaryKey: primaryKey, key: key, winners: winners, heads: heads)
    }

    /// Inserts the row with every field's visible value (from this change, else from the field's heads).
    private func insertWholeRow(
        primaryKey: [ChangesetValue], key: String, winners: [String: DatabaseValue], heads knownHeads: [String: [CellVersion]]?
    ) throws {
        let register = CellRegister(db: db)
        var keyValues = primaryKey.makeIterator()
        var values: [DatabaseValue] = []
        for (index, column) in table.columns.enumerated() {
            if table.primaryKeyColumns[index] {
                values.append(keyValues.next()?.databaseValue ?? .null)
            } else if let winner = winners[column] {
                values.append(winner)
            } else {
                let heads = try knownHeads?[column] ?? register.heads(table: table.name, key: key, column: column)
                guard let visible = heads.max(by: { $0.isOrdered(before: $1) }) else {
                    throw SyncError.missingRow(table: table.name, key: key)
                }
                values.append(visible.value)
            }
        }
        let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
        try db.cachedStatement(sql: "INSERT INTO \(table.name) VALUES (\(placeholders))")
            .execute(arguments: StatementArguments(values))
    }
}
