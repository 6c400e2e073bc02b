import GRDB

/// Writes one field of a synced row inside a captured write, so that the write is
/// recorded even when the field already shows that value (a resolution that keeps
/// the visible value must still sync, to close the conflict elsewhere).
struct FieldWriter {
    let db: Database
    let table: SyncedTable

    func write(_ value: DatabaseValue, column: String, rowKey: String) throws {
        let keyValues = rowKey.split(separator: "\u{1F}", omittingEmptySubsequences: false).map { String($0).databaseValue }
        let condition = table.primaryKeyNames.map { "\($0) = ?" }.joined(separator: " AND ")
        let exists = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM \(table.name) WHERE \(condition))",
            arguments: StatementArguments(keyValues)) ?? false
        var change = ChangesetChange(
            table: table.name, operation: .update, primaryKeyColumns: table.primaryKeyColumns,
            oldValues: Array(repeating: nil, count: table.columns.count),
            newValues: Array(repeating: nil, count: table.columns.count))
        for (index, isKey) in table.primaryKeyColumns.enumerated() where isKey {
            let keyIndex = table.primaryKeyColumns[..<index].filter { $0 }.count
            change.oldValues[index] = keyValues.indices.contains(keyIndex) ? ChangesetValue(keyValues[keyIndex]) : .null
        }
        if column == SyncedTable.rowColumn {
            let visible = try visibleRow(rowKey: rowKey)
            if value == 1.databaseValue {
                if !exists {
                    let placeholders = databaseQuestionMarks(count: visible.count)
                    try db.execute(sql: "INSERT INTO \(table.name) VALUES (\(placeholders))", arguments: StatementArguments(visible))
                    return
                }
            } else {
                if exists {
                    try db.execute(sql: "DELETE FROM \(table.name) WHERE \(condition)", arguments: StatementArguments(keyValues))
                    return
                }
                change.operation = .delete
                change.oldValues = visible.map { ChangesetValue($0) }
            }
        } else {
            guard let index = table.columns.firstIndex(of: column) else { throw SyncError.unknownTable("\(table.name).\(column)") }
            if exists {
                try db.execute(
                    sql: "UPDATE \(table.name) SET \(column) = ? WHERE \(condition)",
                    arguments: StatementArguments([value] + keyValues))
            }
            change.oldValues[index] = ChangesetValue(value)
            change.newValues[index] = ChangesetValue(value)
        }
        ChangeCapture.recordEvenIfUnchanged(change, in: db)
    }

    /// The row as its fields' visible versions say it is (primary key from `rowKey`).
    private func visibleRow(rowKey: String) throws -> [DatabaseValue] {
        let register = CellRegister(db: db)
        var keyValues = rowKey.split(separator: "\u{1F}", omittingEmptySubsequences: false).makeIterator()
        return try table.columns.enumerated().map { index, column in
            if table.primaryKeyColumns[index] { return (keyValues.next().map(String.init) ?? "").databaseValue }
            let heads = try register.heads(table: table.name, key: rowKey, column: column)
            if let visible = heads.max(by: { $0.isOrdered(before: $1) }) { return visible.value }
            let condition = table.primaryKeyNames.map { "\($0) = ?" }.joined(separator: " AND ")
            let keys = rowKey.split(separator: "\u{1F}", omittingEmptySubsequences: false).map { String($0) }
            return try DatabaseValue.fetchOne(
                db, sql: "SELECT \(column) FROM \(table.name) WHERE \(condition)", arguments: StatementArguments(keys)) ?? .null
        }
    }
}
