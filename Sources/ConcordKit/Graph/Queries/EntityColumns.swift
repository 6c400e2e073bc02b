import GRDB

/// Reads an ``Entity`` from a run of columns inside a wider result row (joins select
/// several entities per row, so `Entity(row:)` cannot be used directly).
enum EntityColumns {
    /// How many columns ``select(_:)`` produces.
    static let count = 8

    /// The columns of the entity table aliased `table`, in the order ``entity(in:startingAt:)`` reads them.
    static func select(_ table: String) -> String {
        ["id", "kind", "name", "summary", "date", "place", "merged_into", "is_deleted"]
            .map { "\(table).\($0)" }.joined(separator: ", ")
    }

    /// The entity in the ``count`` columns of `row` starting at `index`.
    static func entity(in row: Row, startingAt index: Int) -> Entity {
        let kindName: String = row[index + 1]
        return Entity(
            id: row[index], kind: EntityKind(rawValue: kindName) ?? .body, name: row[index + 2],
            summary: row[index + 3], date: row[index + 4], place: row[index + 5],
            mergedInto: row[index + 6], isDeleted: row[index + 7])
    }
}
