import Foundation
import GRDB

/// Checks, before anything is applied, that every row change of a record fits this
/// knowledge base: its table is a synced table here, with the same number of columns.
///
/// SQLite cannot validate a changeset without applying it; walking it with the
/// changeset iterator also catches blobs that are not changesets at all.
struct ChangesetSchemaCheck {
    /// Column counts of the synced tables, by table name.
    let columnCounts: [String: Int]

    /// Reads the synced tables' column counts from the schema.
    init(in db: Database) throws {
        var counts: [String: Int] = [:]
        for table in SyncedTable.names {
            counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_table_info(?)", arguments: [table]) ?? 0
        }
        columnCounts = counts
        values = try IncomingChangeValidator(in: db)
    }

    /// The checks of every value a change writes (see ``IncomingChangeValidator``).
    let values: IncomingChangeValidator

    /// Throws ``ChangesetFileError/unmappableSchema(file:reason:)``, `.refusedChange` (a value that may not be applied)
    /// or `.damaged` for the first change that does not fit.
    func check(_ record: ChangeRecord, file: String) throws {
        let change = "change \(record.replicaID.prefix(8))#\(record.sequence)"
        do {
            try values.checkFields(of: record)
            // One walk of the changeset: the table's shape, then every value of the row change.
            try ChangesetIterator.forEach(in: record.changeset) { row in
                guard let expected = columnCounts[row.table], expected > 0 else {
                    throw ChangesetFileError.unmappableSchema(file: file, reason: "\(change) writes to table '\(row.table)', which is not synced here")
                }
                guard row.primaryKeyColumns.count == expected else {
                    throw ChangesetFileError.unmappableSchema(
                        file: file, reason: "\(change) has \(row.primaryKeyColumns.count) columns for table '\(row.table)', which has \(expected) here")
                }
                try values.check(row, change: change)
            }
        } catch let error as ChangesetFileError {
            throw error
        } catch let error as IncomingChangeError {
            throw ChangesetFileError.refusedChange(file: file, change: error.change, reason: error.reason)
        } catch {
            throw ChangesetFileError.damaged(file: file, reason: "\(change) does not hold a valid SQLite changeset")
        }
    }
}
