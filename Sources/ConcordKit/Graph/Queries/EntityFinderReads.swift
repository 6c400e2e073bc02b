import GRDB

extension EntityFinder {
    /// What one search has read already, so that its later stage (typo candidates) does not
    /// read it again: the trigram index rows read by number, and the entities every name of
    /// which was scored. The rows holding the whole text are mostly also the best typo
    /// candidates (they hold every piece of it), and were read twice.
    struct Reads {
        private var indexed: [Int64: (id: String, name: String)] = [:]
        private var named: Set<String> = []

        /// `entity_id, name` of the trigram index rows `rows`, in their order; rows not read
        /// yet are read from the index's content table (``indexedRows(_:in:)``).
        mutating func indexedNames(_ rows: [Int64], in db: Database) throws -> [(id: String, name: String)] {
            let missing = rows.filter { indexed[$0] == nil }
            for (row, id, name) in try EntityFinder.indexedRows(missing, in: db) { indexed[row] = (id, name) }
            return rows.compactMap { indexed[$0] }
        }

        /// The entities of `ids` whose names have not all been read yet; they count as read from now on.
        mutating func unnamed(_ ids: [String]) -> [String] {
            ids.filter { named.insert($0).inserted }
        }
    }

    /// `rowid, entity_id, name` of the trigram index rows `rows`, a few hundred per statement,
    /// read from the index's content table `name_search_content` (columns `c0`, `c1`: FTS5
    /// keeps a table's values there, by rowid). Going through the FTS5 table instead costs a
    /// cursor and a lookup inside FTS5 for each row: 1.6 times the time on the 1M-entity base.
    ///
    /// Related SQLite documentation: https://www.sqlite.org/vtab.html#the_xshadowname_method (shadow tables)
    static func indexedRows(_ rows: [Int64], in db: Database) throws -> [(row: Int64, id: String, name: String)] {
        var result: [(row: Int64, id: String, name: String)] = []
        for start in stride(from: 0, to: rows.count, by: 400) {
            let batch = Array(rows[start..<min(start + 400, rows.count)])
            let marks = databaseQuestionMarks(count: batch.count)
            result += try Row.fetchAll(
                db, sql: "SELECT id, c0, c1 FROM name_search_content WHERE id IN (\(marks)) ORDER BY id",
                arguments: StatementArguments(batch)
            ).map { ($0[0], $0[1], $0[2]) }
        }
        return result
    }
}
