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
///
/// A row change costs a fixed number of statements, however many fields it writes: read the
/// row's heads, remove the heads it had seen, add its versions, show the row (see ``RowMaterializer``).
struct ChangeApplier {
    let db: Database
    let replicaID: String
    let sequence: Int64
    let timestamp: UInt64
    let dependencies: [String: Int64]
    let isLocal: Bool

    private var register: CellRegister { CellRegister(db: db) }

    func apply(_ changeset: Data) throws {
        // A received mention is checked against its paragraph's text, which the same change may insert later on.
        var mentions: [ChangesetChange] = []
        try ChangesetIterator.forEach(in: changeset) { change in
            if !isLocal && change.table == "mentions" && change.operation == .insert { mentions.append(change) } else { try apply(change) }
        }
        for mention in mentions {
            try MentionOffsetCheck(db: db).check(mention)
            try apply(mention)
        }
    }

    private func apply(_ change: ChangesetChange) throws {
        let table = try SyncedTable.named(change.table, in: db)
        guard change.primaryKeyColumns.count == table.columns.count else {
            throw SyncError.columnCountMismatch(table: table.name, expected: table.columns.count, found: change.primaryKeyColumns.count)
        }
        if table.isInsertOnly && change.operation == .update && !isLocal {
            // The documents and paragraphs a knowledge base is built from, and mentions' offsets, are not peers' to edit.
            throw SyncError.sourceRowChanged(table: table.name, key: TerminalText.escaped(SyncedTable.rowKey(change.primaryKey)))
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
        let writes = fieldWrites(of: change, in: table)
        if isLocal {
            try recordLocal(change, writes: writes, table: table, key: key)
        } else {
            try mergeReceived(change, writes: writes, table: table, key: key)
        }
    }

    /// Records a local row change's field versions: a local write has seen everything this replica
    /// has applied, so it replaces every head of the fields it writes (the table already shows it).
    private func recordLocal(
        _ change: ChangesetChange, writes: [(String, DatabaseValue)], table: SyncedTable, key: String
    ) throws {
        try register.removeAll(columns: writes.map(\.0), table: table.name, key: key)
        try register.insert(
            writes.map { column, value in
                CellRegister.FieldVersion(
                    column: column, version: CellVersion(replicaID: replicaID, sequence: sequence, timestamp: timestamp, value: value))
            }, table: table.name, key: key)
        if change.operation == .delete {
            // Keep the removed row's baseline values, so a concurrent edit that revives it has a whole row.
            for (index, column) in table.columns.enumerated() where !table.primaryKeyColumns[index] {
                try register.keepBaseline(
                    change.oldValues[index]?.databaseValue ?? .null, table: table.name, key: key, column: column)
            }
        }
        try reviveAfterLocalEdit(change, in: table)
    }

    /// Merges a received row change into the row's field heads (read once, merged in memory, written
    /// back with one statement for the removed heads and one for the new versions), then shows the
    /// visible values in the table.
    private func mergeReceived(
        _ change: ChangesetChange, writes: [(String, DatabaseValue)], table: SyncedTable, key: String
    ) throws {
        let heads = try register.rowHeads(table: table.name, key: key)
        var winners: [String: DatabaseValue] = [:]
        var removed: [CellRegister.FieldVersion] = []
        var added: [CellRegister.FieldVersion] = []
        for (column, value) in writes {
            let write = CellVersion(replicaID: replicaID, sequence: sequence, timestamp: timestamp, value: value)
            let merge = CellRegister.merge(write, into: heads[column] ?? [], dependencies: dependencies)
            winners[column] = merge.winner.value
            removed += merge.removed.map { CellRegister.FieldVersion(column: column, version: $0) }
            if merge.addsWrite { added.append(CellRegister.FieldVersion(column: column, version: write)) }
        }
        if change.operation == .delete {
            // Keep the removed row's baseline values (fields no change wrote yet), so a concurrent
            // edit that revives it has a whole row.
            let written = Set(added.map(\.column))
            for (index, column) in table.columns.enumerated()
            where !table.primaryKeyColumns[index] && heads[column] == nil && !written.contains(column) {
                added.append(CellRegister.FieldVersion(
                    column: column, version: CellRegister.baseline(change.oldValues[index]?.databaseValue ?? .null)))
            }
        }
        try register.remove(removed, table: table.name, key: key)
        try register.insert(added, table: table.name, key: key)
        try RowMaterializer(db: db, table: table).materialize(
            primaryKey: change.primaryKey, key: key, winners: winners, heads: heads,
            writesWholeRow: change.operation == .insert)
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
        try db.cachedStatement(sql: table.statements.insertOrIgnore).run(change.newValues.map { $0?.databaseValue ?? .null })
    }
}
