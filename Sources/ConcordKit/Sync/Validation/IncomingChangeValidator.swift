import Foundation
import GRDB

/// Checks every value a peer's change would write before anything is applied: the column's
/// declared type and NOT NULL, valid UTF-8 where text is expected, Concord's enum values and
/// integer ranges, the size bounds of ``IncomingLimits``, that the source tables (documents,
/// paragraphs, mentions) are only ever added to, with ids derived from their content, and that
/// the change's clock is not far ahead of this machine's.
///
/// Stateless: what depends on other rows (a mention's offsets inside its paragraph) is checked
/// when the change is applied (``ChangeApplier``). See `sync/FORMAT.md`, "Validation".
struct IncomingChangeValidator {
    /// One column of a synced table as the schema declares it.
    struct Column {
        var name: String
        var isInteger: Bool
        var isText: Bool
        var notNull: Bool
        var isPrimaryKey: Bool
    }

    /// The synced tables' columns, in table order, by table name.
    let tables: [String: [Column]]

    init(in db: Database) throws {
        var tables: [String: [Column]] = [:]
        for table in SyncedTable.names {
            tables[table] = try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                .map { row in
                    let type = (row["type"] as String? ?? "").uppercased()
                    return Column(
                        name: row["name"], isInteger: type == "INTEGER", isText: type == "TEXT",
                        notNull: (row["notnull"] as Int) != 0 || (row["pk"] as Int) > 0, isPrimaryKey: (row["pk"] as Int) > 0)
                }
        }
        self.tables = tables
    }

    /// Throws ``IncomingChangeError`` for the first thing in `record` that may not be applied.
    func check(_ record: ChangeRecord, now: Date = Date()) throws {
        try checkFields(of: record, now: now)
        try checkRows(of: record)
    }

    /// Checks what `record` says besides its rows: its author and summary sizes, its clock and its changeset's size.
    func checkFields(of record: ChangeRecord, now: Date = Date()) throws {
        let change = "change \(record.replicaID.prefix(8))#\(record.sequence)"
        if record.changeset.count > IncomingLimits.changesetBytes {
            throw IncomingChangeError(change: change, reason: "its changeset is \(record.changeset.count) bytes, over the limit of \(IncomingLimits.changesetBytes)")
        }
        if record.author.utf8.count > IncomingLimits.authorBytes || record.summary.utf8.count > IncomingLimits.summaryBytes {
            throw IncomingChangeError(change: change, reason: "its author or summary is over the size limit")
        }
        let latest = HybridLogicalClock.physical(now.addingTimeInterval(IncomingLimits.clockDrift))
        if record.timestamp > latest {
            let date = HybridLogicalClock.date(of: record.timestamp)
            throw IncomingChangeError(
                change: change,
                reason: "its clock says \(Self.format(date)), more than \(Int(IncomingLimits.clockDrift / 60)) minutes ahead of this machine's; check the sender's clock (or this one's)")
        }
    }

    /// Checks the size of `record`'s changeset and each of its row changes (not its clock, author or summary).
    ///
    /// - Parameter local: a local change, checked before it is recorded: its values' types, enums, ranges and
    ///   sizes; not the source-table rules (a local ingest writes those tables, and a test may write them by hand).
    func checkRows(of record: ChangeRecord, local: Bool = false) throws {
        let change = "change \(record.replicaID.prefix(8))#\(record.sequence)"
        if record.changeset.count > IncomingLimits.changesetBytes {
            throw IncomingChangeError(change: change, reason: "its changeset is \(record.changeset.count) bytes, over the limit of \(IncomingLimits.changesetBytes)")
        }
        try ChangesetIterator.forEach(in: record.changeset) { row in try check(row, change: change, local: local) }
    }

    /// The validator of this process's schema (the synced tables' columns never change while it runs).
    static func shared(in db: Database) throws -> IncomingChangeValidator {
        if let cached = cache.value { return cached }
        let validator = try IncomingChangeValidator(in: db)
        cache.store(validator)
        return validator
    }

    private static let cache = ValidatorCache()

    final class ValidatorCache: @unchecked Sendable {
        private let lock = NSLock()
        private var validator: IncomingChangeValidator?
        var value: IncomingChangeValidator? { lock.lock(); defer { lock.unlock() }; return validator }
        func store(_ validator: IncomingChangeValidator) { lock.lock(); self.validator = validator; lock.unlock() }
    }

    /// Checks one row change.
    func check(_ row: ChangesetChange, change: String, local: Bool = false) throws {
        guard let columns = tables[row.table], columns.count == row.primaryKeyColumns.count else {
            throw IncomingChangeError(change: change, reason: "it writes to table '\(TerminalText.escaped(row.table))', which is not synced here")
        }
        guard row.primaryKeyColumns == columns.map(\.isPrimaryKey) else {
            throw IncomingChangeError(change: change, reason: "its changes to \(row.table) name other primary-key columns than the table has")
        }
        let key = Self.shown(SyncedTable.rowKey(row.primaryKey))
        if !local, SyncedTable.insertOnlyNames.contains(row.table), row.operation != .insert {
            throw IncomingChangeError(
                change: change, reason: "it would \(row.operation == .update ? "change" : "remove") \(row.table) row \(key); the documents a knowledge base was built from, their paragraphs and mentions are never changed by peers")
        }
        for (index, column) in columns.enumerated() {
            for value in [row.oldValues[index], row.newValues[index]] {
                guard let value else { continue }
                if let problem = problem(with: value, table: row.table, column: column) {
                    throw IncomingChangeError(change: change, reason: "\(row.table).\(column.name) of row \(key) \(problem)")
                }
            }
        }
        if !local, row.operation == .insert, let problem = SourceRowRules.problem(with: row, columns: columns.map(\.name)) {
            throw IncomingChangeError(change: change, reason: "\(row.table) row \(key) \(problem)")
        }
    }

    /// What is wrong with `value` in `column`, or `nil`.
    private func problem(with value: ChangesetValue, table: String, column: Column) -> String? {
        switch value {
        case .null:
            return column.notNull ? "is NULL, but the column may not be" : nil
        case let .blob(bytes):
            if column.isText {
                return String(data: bytes, encoding: .utf8) == nil ? "holds bytes that are not valid UTF-8 text" : "holds a BLOB where text is expected"
            }
            return column.isInteger ? "holds a BLOB where an integer is expected" : nil
        case .real:
            return column.isInteger || column.isText ? "holds a real number where \(column.isText ? "text" : "an integer") is expected" : nil
        case let .text(text):
            if column.isInteger { return "holds text '\(Self.shown(text))' where an integer is expected" }
            // SQLite functions and FTS5 queries stop at a NUL: find's index could then no longer remove the name.
            if text.utf8.contains(0) { return "holds a NUL character" }
            let limit = IncomingLimits.bytes(table: table, column: column.name)
            if text.utf8.count > limit { return "is \(text.utf8.count) bytes long, over the limit of \(limit)" }
            if !EnumColumns.allows(text, table: table, column: column.name) {
                return "holds '\(Self.shown(text))', which is not one of its values (\(EnumColumns.values(table: table, column: column.name)))"
            }
            return nil
        case let .integer(number):
            if column.isText { return "holds the integer \(number) where text is expected" }
            return IntegerColumns.problem(with: number, table: table, column: column.name)
        }
    }

    /// `text` escaped for a message and clipped to 40 characters.
    static func shown(_ text: String) -> String {
        let clipped = text.count > 40 ? String(text.prefix(39)) + "…" : text
        return TerminalText.escaped(clipped)
    }

    private static func format(_ date: Date) -> String {
        date.timeIntervalSince1970 > 253_402_300_799 ? "a date after 9999" : ISO8601DateFormatter().string(from: date)
    }
}

/// Why a received change was refused before being applied.
struct IncomingChangeError: Error, Equatable {
    /// `change ab12cd34#3`.
    var change: String
    var reason: String
}
