import Foundation
import GRDB

/// Finds open conflicts and decides them.
///
/// Deciding writes the chosen value as a new local change whose dependencies cover
/// every competing write, so it leaves a single head and closes the conflict on every
/// replica that receives it.
public struct ConflictList: Sendable {
    /// Which value `resolve` keeps.
    public enum Choice: Sendable, Hashable {
        /// The value written on this replica (or, if none was, the one shown now).
        case mine
        /// The most recent competing value that differs from `mine`.
        case theirs
        /// A value typed by the user.
        case value(String)
    }

    /// What a resolution did.
    public struct Resolution: Sendable, Hashable {
        public var conflict: Conflict
        public var keptValue: String
    }

    public let localReplicaID: String

    public init(localReplicaID: String) {
        self.localReplicaID = localReplicaID
    }

    /// Every open conflict, ordered by id.
    public func conflicts(in db: Database) throws -> [Conflict] {
        let fields = try Row.fetchAll(db, sql: """
            SELECT table_name, row_key, column_name FROM sync_cells
            GROUP BY table_name, row_key, column_name HAVING count(DISTINCT quote(value)) > 1
            """)
        return try fields.map { row in
            try conflict(table: row[0], rowKey: row[1], column: row[2], in: db)
        }.sorted { $0.id < $1.id }
    }

    /// The open conflict with this id (a unique prefix is enough).
    public func conflict(_ id: String, in db: Database) throws -> Conflict {
        let wanted = id.lowercased()
        let matches = try conflicts(in: db).filter { $0.id.hasPrefix(wanted) }
        guard matches.count == 1, let match = matches.first else { throw SyncError.unknownConflict(id) }
        return match
    }

    /// Keeps one value of conflict `id`, as a new local change of `knowledgeBase`.
    public func resolve(_ id: String, keeping choice: Choice, in knowledgeBase: KnowledgeBase) throws -> Resolution {
        let conflict = try knowledgeBase.read { db in try self.conflict(id, in: db) }
        let value = try chosenValue(choice, in: conflict)
        let kept = ChangesetValue(value).description
        try knowledgeBase.write("resolve \(conflict.id): keep \(kept) as \(conflict.fieldDescription) of \(conflict.subject)") { db in
            try FieldWriter(db: db, table: try SyncedTable.named(conflict.table, in: db))
                .write(value, column: conflict.column, rowKey: conflict.rowKey)
        }
        return Resolution(conflict: conflict, keptValue: kept)
    }

    private func chosenValue(_ choice: Choice, in conflict: Conflict) throws -> DatabaseValue {
        let mine = conflict.versions.filter { $0.replicaID == localReplicaID }.max { $0.timestamp < $1.timestamp }
            ?? conflict.versions[0]
        switch choice {
        case .mine:
            return mine.value
        case .theirs:
            guard let theirs = conflict.versions.filter({ $0.value != mine.value }).max(by: { $0.timestamp < $1.timestamp })
            else { throw SyncError.noOtherValue(conflict.id) }
            return theirs.value
        case let .value(text):
            if conflict.column == SyncedTable.tombstoneColumn || conflict.column == SyncedTable.rowColumn {
                guard let number = Int64(text), number == 0 || number == 1 else {
                    throw SyncError.invalidFieldValue(field: conflict.fieldDescription, value: text)
                }
                return number.databaseValue
            }
            return text.databaseValue
        }
    }

    private func conflict(table: String, rowKey: String, column: String, in db: Database) throws -> Conflict {
        let versions = try CellRegister(db: db).heads(table: table, key: rowKey, column: column)
            .sorted { $1.isOrdered(before: $0) }
            .map { head in
                Conflict.Version(
                    value: head.value, replicaID: head.replicaID, sequence: head.sequence, timestamp: head.timestamp,
                    author: try author(of: head, in: db))
            }
        var conflict = Conflict(
            id: Conflict.id(table: table, rowKey: rowKey, column: column), table: table, rowKey: rowKey, column: column,
            versions: versions)
        conflict.subjectName = try String.fetchOne(
            db, sql: "SELECT name FROM entities WHERE id = ?", arguments: [conflict.subject])
        return conflict
    }

    private func author(of head: CellVersion, in db: Database) throws -> String {
        if head.replicaID.isEmpty { return "(seed documents)" }
        return try String.fetchOne(
            db, sql: "SELECT author FROM sync_changes WHERE replica_id = ? AND sequence = ?",
            arguments: [head.replicaID, head.sequence]) ?? "unknown"
    }
}
