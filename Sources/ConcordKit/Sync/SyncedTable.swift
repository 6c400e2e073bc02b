import Foundation
import GRDB

/// What the sync engine knows about one synced table: its columns, its primary
/// key, and how a row's removal is represented.
///
/// - Insert-only tables (documents, paragraphs, mentions) hold content-derived rows
///   that never change once written: an INSERT is insert-or-ignore, and no per-field
///   versions are kept for them.
/// - Tables with `is_deleted` (entities, relations, annotations) are never DELETEd:
///   removal is the field `is_deleted`, merged like any other field.
/// - The others (entity_attributes, aliases) are really deleted; their existence is
///   kept as a pseudo-field ``rowColumn`` so a delete and a concurrent edit merge.
public struct SyncedTable: Sendable {
    /// The pseudo-column holding a row's existence (1 present, 0 removed) for tables without `is_deleted`.
    public static let rowColumn = "+row"
    /// The tombstone column of tables that have one.
    public static let tombstoneColumn = "is_deleted"

    /// The synced tables, in an order where a row only refers to rows of tables before it.
    public static let names = [
        "documents", "paragraphs", "entities", "entity_attributes", "aliases", "relations", "mentions", "annotations",
    ]
    static let insertOnlyNames: Set<String> = ["documents", "paragraphs", "mentions"]

    public let name: String
    /// Column names in table order (the order changesets use).
    public let columns: [String]
    public let primaryKeyColumns: [Bool]
    public let isInsertOnly: Bool
    public let hasTombstone: Bool

    /// The column holding existence: `is_deleted` (1 = removed) or ``rowColumn`` (1 = present).
    public var existenceColumn: String { hasTombstone ? Self.tombstoneColumn : Self.rowColumn }

    /// The existence value meaning "present".
    public var presentValue: DatabaseValue { (hasTombstone ? 0 : 1).databaseValue }

    public var primaryKeyNames: [String] { zip(columns, primaryKeyColumns).filter(\.1).map(\.0) }

    /// `key1 = ? AND key2 = ?`: the SQL condition selecting one row by its primary key, made once.
    public let keyCondition: String

    /// The statements the merge runs on a row of this table (made once: the merge runs them for every row change).
    struct RowStatements: Sendable {
        /// Inserts a whole row (every column, in table order).
        var insert: String
        /// Inserts a whole row unless one with its key is there (insert-only tables).
        var insertOrIgnore: String
        /// Inserts a whole row, or sets every non-key column of the row already there.
        var upsert: String
        /// Deletes the row with the given key.
        var delete: String
        /// Whether the row with the given key exists.
        var exists: String
    }

    let statements: RowStatements

    init(name: String, columns: [String], primaryKeyColumns: [Bool], isInsertOnly: Bool, hasTombstone: Bool) {
        self.name = name
        self.columns = columns
        self.primaryKeyColumns = primaryKeyColumns
        self.isInsertOnly = isInsertOnly
        self.hasTombstone = hasTombstone
        let condition = zip(columns, primaryKeyColumns).filter(\.1).map { "\($0.0) = ?" }.joined(separator: " AND ")
        keyCondition = condition
        let placeholders = databaseQuestionMarks(count: columns.count)
        let keys = zip(columns, primaryKeyColumns).filter(\.1).map(\.0).joined(separator: ", ")
        let assignments = zip(columns, primaryKeyColumns).filter { !$0.1 }.map { "\($0.0) = excluded.\($0.0)" }
            .joined(separator: ", ")
        // https://www.sqlite.org/lang_upsert.html
        let onConflict = assignments.isEmpty ? "DO NOTHING" : "DO UPDATE SET \(assignments)"
        statements = RowStatements(
            insert: "INSERT INTO \(name) VALUES (\(placeholders))",
            insertOrIgnore: "INSERT OR IGNORE INTO \(name) VALUES (\(placeholders))",
            upsert: "INSERT INTO \(name) VALUES (\(placeholders)) ON CONFLICT (\(keys)) \(onConflict)",
            delete: "DELETE FROM \(name) WHERE \(condition)",
            exists: "SELECT EXISTS (SELECT 1 FROM \(name) WHERE \(condition))")
    }

    /// The table's description, read from the schema once per process.
    public static func named(_ name: String, in db: Database) throws -> SyncedTable {
        if let cached = cache.value(for: name) { return cached }
        guard names.contains(name) else { throw SyncError.unknownTable(name) }
        let info = try Row.fetchAll(db, sql: "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", arguments: [name])
        let columns: [String] = info.map { $0["name"] }
        let table = SyncedTable(
            name: name, columns: columns, primaryKeyColumns: info.map { ($0["pk"] as Int) > 0 },
            isInsertOnly: insertOnlyNames.contains(name), hasTombstone: columns.contains(tombstoneColumn))
        cache.store(table, for: name)
        return table
    }

    /// The text key of a row in `sync_cells`: its primary key values joined by U+001F.
    public static func rowKey(_ primaryKey: [ChangesetValue]) -> String {
        primaryKey.map(\.description).joined(separator: "\u{1F}")
    }

    private static let cache = TableCache()

    final class TableCache: @unchecked Sendable {
        private let lock = NSLock()
        private var tables: [String: SyncedTable] = [:]
        func value(for name: String) -> SyncedTable? { lock.lock(); defer { lock.unlock() }; return tables[name] }
        func store(_ table: SyncedTable, for name: String) { lock.lock(); tables[name] = table; lock.unlock() }
    }
}

extension ChangesetValue {
    /// The value as GRDB binds it.
    public var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case let .integer(value): return value.databaseValue
        case let .real(value): return value.databaseValue
        case let .text(value): return value.databaseValue
        case let .blob(value): return value.databaseValue
        }
    }

    /// The changeset value of a database value.
    public init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case let .int64(number): self = .integer(number)
        case let .double(number): self = .real(number)
        case let .string(text): self = .text(text)
        case let .blob(data): self = .blob(data)
        }
    }
}
