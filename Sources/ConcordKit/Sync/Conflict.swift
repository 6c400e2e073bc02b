import Foundation
import GRDB

/// Two or more concurrent writes of one field with different values: an open conflict.
///
/// Invariant: a conflict exists exactly while the field has more than one head
/// (writes no later write has seen) and the heads' values differ. The table shows
/// the value of the first version (the last writer by hybrid logical clock, ties
/// broken by replica id); the others are kept here until someone decides. The id is
/// derived from table, row and field, so it is the same on every replica.
public struct Conflict: Sendable, Hashable {
    /// One competing write.
    public struct Version: Sendable, Hashable {
        public var value: DatabaseValue
        public var replicaID: String
        public var sequence: Int64
        public var timestamp: UInt64
        public var author: String

        /// The value as text ("NULL" for none).
        public var text: String { ChangesetValue(value).description }
        /// When it was written (from its hybrid logical clock).
        public var date: Date { HybridLogicalClock.date(of: timestamp) }
    }

    public var id: String
    public var table: String
    /// The row's primary key values joined by U+001F.
    public var rowKey: String
    /// The field: a column name, or `+row` for the existence of an alias or attribute row.
    public var column: String
    /// The competing writes, the visible one first.
    public var versions: [Version]
    /// The name of the entity in ``subject``, when it is one.
    public var subjectName: String?

    /// The entity the field belongs to (for entities, aliases and attributes), else the row's id.
    public var subject: String { rowKey.split(separator: "\u{1F}").first.map(String.init) ?? rowKey }

    /// The field in words: `name`, `alias OHCHR`, `attribute role`, `deleted`, …
    public var fieldDescription: String {
        let parts = rowKey.split(separator: "\u{1F}").map(String.init)
        switch (table, column) {
        case ("aliases", _): return "alias \(parts.last ?? "")" + (column == SyncedTable.rowColumn ? "" : " (\(column))")
        case ("entity_attributes", SyncedTable.rowColumn): return "attribute \(parts.last ?? "") (present)"
        case ("entity_attributes", _): return "attribute \(parts.last ?? "")"
        case (_, SyncedTable.tombstoneColumn): return "deleted"
        default: return column
        }
    }

    /// The id of the conflict on a field: `c` and 10 hex digits of table, row and field.
    public static func id(table: String, rowKey: String, column: String) -> String {
        "c" + StableID.hex([table, rowKey, column], length: 10)
    }
}
