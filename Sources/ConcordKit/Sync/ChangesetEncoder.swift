import Foundation

/// Writes SQLite changesets by hand, in the format `sqlite3session_changeset` produces.
///
/// Used where a change must be recorded that the session extension would not
/// capture: a conflict resolution that keeps the value already shown (an UPDATE
/// that changes nothing is invisible to a session, but it still has to sync so
/// other replicas close the conflict). Format: https://www.sqlite.org/session/c_changeset_abort.html
/// and `sqlite3session.h` ("changeset format").
public struct ChangesetEncoder {
    private var bytes = Data()
    private var currentTable: String?

    public init() {}

    /// The encoded changeset.
    public var changeset: Data { bytes }

    /// Appends one change. Changes of one table must be appended together.
    public mutating func append(_ change: ChangesetChange) {
        if currentTable != change.table {
            bytes.append(UInt8(ascii: "T"))
            appendVarint(UInt64(change.primaryKeyColumns.count))
            for isKey in change.primaryKeyColumns { bytes.append(isKey ? 1 : 0) }
            bytes.append(contentsOf: Array(change.table.utf8))
            bytes.append(0)
            currentTable = change.table
        }
        switch change.operation {
        case .insert:
            bytes.append(18)  // SQLITE_INSERT
            bytes.append(change.isIndirect ? 1 : 0)
            appendRecord(change.newValues)
        case .delete:
            bytes.append(9)  // SQLITE_DELETE
            bytes.append(change.isIndirect ? 1 : 0)
            appendRecord(change.oldValues)
        case .update:
            bytes.append(23)  // SQLITE_UPDATE
            bytes.append(change.isIndirect ? 1 : 0)
            appendRecord(change.oldValues)
            // In the new record of an UPDATE, primary key columns are left undefined.
            appendRecord(zip(change.primaryKeyColumns, change.newValues).map { $0 ? nil : $1 })
        }
    }

    private mutating func appendRecord(_ values: [ChangesetValue?]) {
        for value in values {
            switch value {
            case nil:
                bytes.append(0)
            case .null?:
                bytes.append(5)
            case let .integer(number)?:
                bytes.append(1)
                appendBigEndian(UInt64(bitPattern: number))
            case let .real(number)?:
                bytes.append(2)
                appendBigEndian(number.bitPattern)
            case let .text(text)?:
                let utf8 = Array(text.utf8)
                bytes.append(3)
                appendVarint(UInt64(utf8.count))
                bytes.append(contentsOf: utf8)
            case let .blob(data)?:
                bytes.append(4)
                appendVarint(UInt64(data.count))
                bytes.append(data)
            }
        }
    }

    private mutating func appendBigEndian(_ value: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// SQLite's variable-length integer: 7 bits per byte, most significant first, high bit = more follows.
    private mutating func appendVarint(_ value: UInt64) {
        if value <= 0x7f {
            bytes.append(UInt8(value))
            return
        }
        if value > 0x00ff_ffff_ffff_ffff {
            // Nine bytes: eight groups of seven bits, then a full last byte.
            var groups: [UInt8] = [UInt8(truncatingIfNeeded: value)]
            var rest = value >> 8
            for _ in 0..<8 {
                groups.append(UInt8(truncatingIfNeeded: rest & 0x7f) | 0x80)
                rest >>= 7
            }
            bytes.append(contentsOf: groups.reversed())
            return
        }
        var groups: [UInt8] = []
        var rest = value
        while rest > 0 {
            groups.append(UInt8(truncatingIfNeeded: rest & 0x7f))
            rest >>= 7
        }
        for (index, group) in groups.reversed().enumerated() {
            bytes.append(index == groups.count - 1 ? group : group | 0x80)
        }
    }
}
