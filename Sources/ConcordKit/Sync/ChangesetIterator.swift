import CSQLiteSession
import Foundation

/// One row change read from an SQLite changeset.
///
/// `oldValues` and `newValues` have one entry per column of the table, in the
/// table's column order. An entry is `nil` when the changeset holds no value for
/// it: unchanged columns of an UPDATE, and the side that does not exist (old
/// values of an INSERT, new values of a DELETE).
public struct ChangesetChange: Hashable, Sendable {
    /// What happened to the row.
    public enum Operation: String, Sendable {
        case insert, update, delete
    }

    public var table: String
    public var operation: Operation
    /// `true` when SQLite marked the change indirect (made by a trigger or foreign-key action).
    public var isIndirect: Bool
    /// For each column, whether it is part of the primary key.
    public var primaryKeyColumns: [Bool]
    public var oldValues: [ChangesetValue?]
    public var newValues: [ChangesetValue?]

    public init(
        table: String, operation: Operation, isIndirect: Bool = false, primaryKeyColumns: [Bool],
        oldValues: [ChangesetValue?], newValues: [ChangesetValue?]
    ) {
        self.table = table
        self.operation = operation
        self.isIndirect = isIndirect
        self.primaryKeyColumns = primaryKeyColumns
        self.oldValues = oldValues
        self.newValues = newValues
    }

    /// The primary key values (from the old values, or the new ones for an INSERT), in column order.
    public var primaryKey: [ChangesetValue] {
        let source = operation == .insert ? newValues : oldValues
        return zip(primaryKeyColumns, source).compactMap { isKey, value in isKey ? (value ?? .null) : nil }
    }

    /// The value a column has after the change: the new value if the change sets it.
    public func value(after column: Int) -> ChangesetValue? {
        operation == .delete ? nil : newValues[column]
    }
}

/// Reads SQLite changesets (and patchsets) change by change.
///
/// A thin wrapper over `sqlite3changeset_start` / `_next` / `_op` / `_old` / `_new`:
/// https://www.sqlite.org/session/changeset_start.html
public enum ChangesetIterator {
    /// Calls `body` for each change in `changeset`, in the changeset's order.
    public static func forEach(in changeset: Data, _ body: (ChangesetChange) throws -> Void) throws {
        if changeset.isEmpty { return }
        try changeset.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            // SQLite's iterator can loop forever on some damaged changesets: walk the shape first.
            guard ChangesetStructure.isWellFormed(buffer) else { throw SyncError.malformedChangeset(code: SQLITE_CORRUPT) }
            var iterator: OpaquePointer?
            let started = sqlite3changeset_start(&iterator, Int32(buffer.count), UnsafeMutableRawPointer(mutating: base))
            guard started == SQLITE_OK, let iterator else { throw SyncError.malformedChangeset(code: started) }
            var failure: Error?
            while true {
                let step = sqlite3changeset_next(iterator)
                if step != SQLITE_ROW {
                    if step != SQLITE_DONE { failure = SyncError.malformedChangeset(code: step) }
                    break
                }
                do {
                    try body(try change(at: iterator))
                } catch {
                    failure = error
                    break
                }
            }
            let finished = sqlite3changeset_finalize(iterator)
            if let failure { throw failure }
            if finished != SQLITE_OK { throw SyncError.malformedChangeset(code: finished) }
        }
    }

    /// Every change in `changeset`, in order.
    public static func changes(in changeset: Data) throws -> [ChangesetChange] {
        var changes: [ChangesetChange] = []
        try forEach(in: changeset) { changes.append($0) }
        return changes
    }

    private static func change(at iterator: OpaquePointer) throws -> ChangesetChange {
        var tableName: UnsafePointer<CChar>?
        var columnCount: Int32 = 0
        var operationCode: Int32 = 0
        var indirect: Int32 = 0
        let status = sqlite3changeset_op(iterator, &tableName, &columnCount, &operationCode, &indirect)
        guard status == SQLITE_OK, let tableName else { throw SyncError.malformedChangeset(code: status) }
        var keyFlags: UnsafeMutablePointer<UInt8>?
        var keyCount: Int32 = 0
        _ = sqlite3changeset_pk(iterator, &keyFlags, &keyCount)
        let count = Int(columnCount)
        let primaryKeyColumns = (0..<count).map { column in keyFlags.map { flags in flags[column] != 0 } ?? false }
        let operation: ChangesetChange.Operation
        switch operationCode {
        case SQLITE_INSERT: operation = .insert
        case SQLITE_DELETE: operation = .delete
        default: operation = .update
        }
        var oldValues = [ChangesetValue?](repeating: nil, count: count)
        var newValues = [ChangesetValue?](repeating: nil, count: count)
        for column in 0..<count {
            if operation != .insert {
                var value: OpaquePointer?
                if sqlite3changeset_old(iterator, Int32(column), &value) == SQLITE_OK, let value {
                    oldValues[column] = Self.value(value)
                }
            }
            if operation != .delete {
                var value: OpaquePointer?
                if sqlite3changeset_new(iterator, Int32(column), &value) == SQLITE_OK, let value {
                    newValues[column] = Self.value(value)
                }
            }
        }
        return ChangesetChange(
            table: String(cString: tableName), operation: operation, isIndirect: indirect != 0,
            primaryKeyColumns: primaryKeyColumns, oldValues: oldValues, newValues: newValues)
    }

    private static func value(_ value: OpaquePointer) -> ChangesetValue {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: return .integer(sqlite3_value_int64(value))
        case SQLITE_FLOAT: return .real(sqlite3_value_double(value))
        case SQLITE_TEXT:
            guard let text = sqlite3_value_text(value) else { return .text("") }
            let length = Int(sqlite3_value_bytes(value))
            let bytes = UnsafeBufferPointer(start: text, count: length)
            // Text that is not valid UTF-8 is reported as the bytes it is (never repaired in silence), so a
            // received change holding it is refused (IncomingChangeValidator) instead of stored changed.
            guard let valid = String(validating: bytes, as: UTF8.self) else { return .blob(Data(bytes)) }
            return .text(valid)
        case SQLITE_BLOB:
            let length = Int(sqlite3_value_bytes(value))
            guard let bytes = sqlite3_value_blob(value), length > 0 else { return .blob(Data()) }
            return .blob(Data(bytes: bytes, count: length))
        default: return .null
        }
    }
}
