import CSQLiteSession
import Foundation
import GRDB

/// Reverts this replica's most recent change not yet undone, as a new change.
///
/// The change's changeset is inverted with `sqlite3changeset_invert` and applied
/// through ``KnowledgeBase/write(_:_:)``, so the revert is captured and syncs like
/// any other change. Undo never overwrites what was changed since: a field is set back
/// only if it still holds the value the change wrote. Added entities, relations and
/// notes are marked deleted (tombstones), added aliases and attributes removed; the
/// text of an ingested document stays (documents and paragraphs are never removed).
/// Repeated undo walks further back; an undo itself is not undone.
/// https://www.sqlite.org/session/sqlite3changeset_invert.html
public struct ChangeUndoer: Sendable {
    /// What an undo did.
    public struct Outcome: Sendable, Hashable {
        /// The change that was reverted.
        public var undone: ChangeRecord
        /// Row changes reverted.
        public var reverted: Int
        /// Row changes left alone because they were changed since (or are kept for good).
        public var skipped: Int
    }

    public init() {}

    /// Reverts the last local change not yet undone.
    public func undoLast(in knowledgeBase: KnowledgeBase) throws -> Outcome {
        let replica = knowledgeBase.replicaID
        let target = try knowledgeBase.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT * FROM sync_changes WHERE replica_id = ?
                      AND sequence NOT IN (SELECT undone_sequence FROM sync_undo)
                      AND sequence NOT IN (SELECT undo_sequence FROM sync_undo WHERE undo_sequence IS NOT NULL)
                    ORDER BY sequence DESC LIMIT 1
                    """,
                arguments: [replica]
            ).map(ChangeLog.record(from:))
        }
        guard let target else { throw SyncError.nothingToUndo }
        let inverse = try Self.invert(target.changeset)
        let counts = try knowledgeBase.write("undo: \(target.summary)") { db -> (Int, Int) in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            var reverted = 0, skipped = 0
            try ChangesetIterator.forEach(in: inverse) { change in
                if try revert(change, in: db) { reverted += 1 } else { skipped += 1 }
            }
            let next = (try ChangeLog().versionVector(in: db)[replica] ?? 0) + 1
            try db.execute(
                sql: "INSERT INTO sync_undo (undone_sequence, undo_sequence) VALUES (?, ?)",
                arguments: [target.sequence, reverted > 0 ? next : nil])
            return (reverted, skipped)
        }
        // If nothing was left to revert, no change was recorded: say so in sync_undo.
        try knowledgeBase.database.write { db in
            let made = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM sync_changes WHERE replica_id = ? AND sequence = (SELECT undo_sequence FROM sync_undo WHERE undone_sequence = ?))",
                arguments: [replica, target.sequence]) ?? false
            if !made {
                try db.execute(sql: "UPDATE sync_undo SET undo_sequence = NULL WHERE undone_sequence = ?", arguments: [target.sequence])
            }
        }
        return Outcome(undone: target, reverted: counts.0, skipped: counts.1)
    }

    static func invert(_ changeset: Data) throws -> Data {
        if changeset.isEmpty { return changeset }
        return try changeset.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Data in
            var size: Int32 = 0
            var output: UnsafeMutableRawPointer?
            let status = sqlite3changeset_invert(
                Int32(buffer.count), UnsafeMutableRawPointer(mutating: buffer.baseAddress), &size, &output)
            defer { sqlite3_free(output) }
            guard status == SQLITE_OK else { throw SyncError.malformedChangeset(code: status) }
            return output.map { Data(bytes: $0, count: Int(size)) } ?? Data()
        }
    }

    /// Applies one inverted row change where it still applies; `false` if it was skipped.
    private func revert(_ change: ChangesetChange, in db: Database) throws -> Bool {
        let table = try SyncedTable.named(change.table, in: db)
        let keys = change.primaryKey.map(\.databaseValue)
        let condition = table.primaryKeyNames.map { "\($0) = ?" }.joined(separator: " AND ")
        switch change.operation {
        case .delete:
            // Undoing an insert.
            if table.isInsertOnly { return false }
            if table.hasTombstone {
                try db.execute(
                    sql: "UPDATE \(table.name) SET is_deleted = 1 WHERE \(condition) AND is_deleted = 0",
                    arguments: StatementArguments(keys))
            } else {
                try db.execute(sql: "DELETE FROM \(table.name) WHERE \(condition)", arguments: StatementArguments(keys))
            }
        case .insert:
            // Undoing a removal.
            let placeholders = databaseQuestionMarks(count: table.columns.count)
            try db.execute(
                sql: "INSERT OR IGNORE INTO \(table.name) VALUES (\(placeholders))",
                arguments: StatementArguments(change.newValues.map { $0?.databaseValue ?? .null }))
        case .update:
            var changed = 0
            for (index, column) in table.columns.enumerated() where !table.primaryKeyColumns[index] {
                guard let restored = change.newValues[index], let current = change.oldValues[index] else { continue }
                try db.execute(
                    sql: "UPDATE \(table.name) SET \(column) = ? WHERE \(condition) AND \(column) IS ?",
                    arguments: StatementArguments([restored.databaseValue] + keys + [current.databaseValue]))
                changed += db.changesCount
            }
            return changed > 0
        }
        return db.changesCount > 0
    }
}
