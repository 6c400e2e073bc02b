import GRDB

/// Id lists cut into `IN (…)` batches for the graph walks' statements, each batch padded to
/// one of a few fixed lengths by repeating its last id (`IN` ignores repeats), so each
/// statement is prepared once per connection (`Database.cachedStatement`) instead of
/// compiled again for every list length; rows are read through cursors, not copied.
enum GraphBatches {
    /// One batch: its ids (padded) and the matching `?, ?, …` placeholders.
    struct Batch {
        var ids: [String]
        var marks: String
    }

    /// The lengths a batch is padded to; the last is the most ids per statement.
    static let lengths = [1, 4, 16, 64, 200, 400]
    /// The most ids of each list per statement when two lists are paired (so both fit in one).
    static let pairedMaximum = 200

    /// `ids` in batches of at most `maximum` ids, each padded to the next of ``lengths``.
    static func batches(_ ids: [String], maximum: Int = 400) -> [Batch] {
        stride(from: 0, to: ids.count, by: maximum).map { start in
            let batch = Array(ids[start..<min(start + maximum, ids.count)])
            let length = lengths.first { $0 >= batch.count } ?? batch.count
            let padded = batch + repeatElement(batch[batch.count - 1], count: length - batch.count)
            return Batch(ids: padded, marks: databaseQuestionMarks(count: padded.count))
        }
    }

    /// Runs the statement `sql` builds from a batch's placeholders on each batch of `ids`
    /// (bound `repeats` times in a row, one list per `IN (…)`), handing each row to `body`.
    static func forEachRow(
        of ids: [String], repeats: Int = 1, in db: Database, sql: (String) -> String, _ body: (Row) throws -> Void
    ) throws {
        for batch in batches(ids) {
            let statement = try db.cachedStatement(sql: sql(batch.marks))
            let arguments = StatementArguments(Array(repeatElement(batch.ids, count: repeats).joined()))
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            while let row = try rows.next() { try body(row) }
        }
    }

    /// Runs the statement `sql` builds from the placeholders of a batch of `left` and one of
    /// `right` on every pair of batches, bound as `left, right, left, right` (a statement that
    /// looks pairs up from either end), handing each row to `body`.
    static func forEachRow(
        pairing left: [String], with right: [String], in db: Database, sql: (_ left: String, _ right: String) -> String,
        _ body: (Row) throws -> Void
    ) throws {
        for leftBatch in batches(left, maximum: pairedMaximum) {
            for rightBatch in batches(right, maximum: pairedMaximum) {
                let statement = try db.cachedStatement(sql: sql(leftBatch.marks, rightBatch.marks))
                let arguments = StatementArguments(leftBatch.ids + rightBatch.ids + leftBatch.ids + rightBatch.ids)
                let rows = try Row.fetchCursor(statement, arguments: arguments)
                while let row = try rows.next() { try body(row) }
            }
        }
    }
}
