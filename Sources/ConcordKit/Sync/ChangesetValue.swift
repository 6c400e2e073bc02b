import Foundation

/// One value in an SQLite changeset: what a column held before or after a change.
///
/// Inside an UPDATE, a column that did not change has no value at all; the
/// iterator reports it as `nil` (an absent `ChangesetValue`), which is different
/// from ``null`` (the column was set to SQL NULL).
public enum ChangesetValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    /// The value as text for people and row keys: NULL, numbers, the text itself, or x'…' for blobs.
    public var description: String {
        switch self {
        case .null: return "NULL"
        case let .integer(value): return String(value)
        case let .real(value): return String(value)
        case let .text(value): return value
        case let .blob(value): return "x'" + value.map { String(format: "%02x", $0) }.joined() + "'"
        }
    }
}
