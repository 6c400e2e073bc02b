import Foundation
import GRDB

/// Applies one change's changeset to the per-field versions and, for changes from
/// other replicas, to the synced tables themselves.
///
/// Every row change becomes a set of field writes (see ``SyncedTable``): an INSERT
/// writes every field and the row's existence, an UPDATE writes the fields it changed
/// and — implicitly — that the row exists (so an edit concurrent with a delete is a
/// visible conflict on existence), a DELETE writes "gone". Each write is merged into
/// the field's heads (``CellRegister``); the table then gets each field's visible value.
/// Local changes are already in the tables, so only their versions are recorded.
struct ChangeApplier {
    let db: Database
    let replicaID: String
    let sequence: Int64
    let timestamp: UInt64
    let dependencies: [String: Int64]
    let isLocal: Bool

    private var register: CellRegister { CellRegister(db: db) }

    func apply(_ changeset: Data) throws {
        try ChangesetIterator.forEach(in: changeset) { change in try apply(change) }
    }

    private func apply(_ change: ChangesetChange) throws {
        let table = try SyncedTable.named(change.table, in: db)
        guard change.primaryKeyColumns.count == table.columns.count else {
            throw SyncError.columnCountMismatch(table: table.name, expected: table.columns.count, found: change.primaryKeyColumns.count)
        }
        if table.isInsertOnly && change.operation != .update {
            if change.operation == .delete {
                if isLocal { throw SyncError.hardDelete(table: table.name) }
                return  // Insert-only rows are kept for good; a stray remote delete changes nothing.
            }
            if !isLocal { try insertOrIgnore(change, into: table) }
            return
        }
        if change.operation == .delete && table.hasTombstone {
            if isLocal { throw SyncError.hardDelete(table: table.name) }
        }
        let key = SyncedTable.rowKey(change.primaryKey)
        var winners: [String: DatabaseValue] = [:]
        // A received change reads the row's heads once; a local one replaces every head it writes.
        let heads = isLocal ? [:] : try register.rowHeads(table: table.name, key: key)
        for (column, value) in fieldWrites(of: change, in: table) {
            let write = CellVersion(replicaID: replicaID, sequence: sequence, timestamp: timestamp, value: value)
            if isLocal {
                winners[column] = try register.merge(
                    write, dependencies: dependencies, table: table.name, key: key, column: column, isLocal: true
                ).value
            } else {
                winners[column] = try register.merge(
                    write, into: heads[column] ?? [], dependencies: dependencies, table: table.name, key: key, column: column
                ).value
            }
        }
        if change.operation == .delete {
            // Keep the removed row's baseline values, so a concurrent edit that revives it has a whole row.
            for (index, column) in table.columns.enumerated() where !table.primaryKeyColumns[index] {
                try register.keepBaseline(
                    change.oldValues[index]?.databaseValue ?? .null, table: table.name, key: key, column: column)
            }
        }
        if isLocal {
            try reviveAfterLocalEdit(change, in: table)
        } else {
            try RowMaterializer(db: db, table: table).materialize(
                primaryKey: change.primaryKey, key: key, winners: winners, heads: heads)
        }
    }

    /// The field writes a row change stands for, existence included.
    private func fieldWrites(of change: ChangesetChange, in table: SyncedTable) -> [(String, DatabaseValue)] {
        var writes: [(String, DatabaseValue)] = []
        switch change.operation {
        case .insert, .update:
            for (index, column) in table.columns.enumerated() where !table.primaryKeyColumns[index] {
                if let value = change.newValues[index] { writes.append((column, value.databaseValue)) }
            }
            if !writes.contains(where: { $0.0 == table.existenceColumn }) {
                writes.append((table.existenceColumn, table.presentValue))
            }
        case .delete:
            writes.append((table.existenceColumn, (table.hasTombstone ? 1 : 0).databaseValue))
        }
        return writes
    }

    /// A local edit of a removed row brings it back, as it does on every replica that receives the edit.
    private func reviveAfterLocalEdit(_ change: ChangesetChange, in table: SyncedTable) throws {
        guard change.operation == .update, table.hasTombstone,
            let index = table.columns.firstIndex(of: SyncedTable.tombstoneColumn), change.newValues[index] == nil
        else { return }
        try db.cachedStatement(sql: "UPDATE \(table.name) SET is_deleted = 0 WHERE \(table.keyCondition) AND is_deleted <> 0")
            .execute(arguments: StatementArguments(change.primaryKey.map(\.databaseValue)))
    }

    private func insertOrIgnore(_ change: ChangesetChange, into table: SyncedTable) throws {
        let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO \(table.name) VALUES (\(placeholders))")
            .execute(arguments: StatementArguments(change.newValues.map { $0?.databaseValue ?? .null }))
    }
}
