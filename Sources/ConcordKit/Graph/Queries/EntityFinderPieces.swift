import GRDB

extension EntityFinder {
    /// The longest text (letters and digits) looked up with one MATCH of the whole of it when
    /// every piece of it is common: a MATCH reads the lists of all its trigrams.
    static let shortText = 6

    /// The rows of the trigram index (``NameSearchSchema``) holding each piece of the typed
    /// text (``pieces(of:)``), by row number only: reading a row's stored text and entity is
    /// a lookup per row, reading its number is part of the index scan (2,000 numbers cost
    /// about what 20 rows do). At most ``fuzzyCandidateLimit`` numbers are read a piece;
    /// a piece held by fewer names is read completely.
    struct PieceRows {
        var pieces: [(rows: [Int64], isComplete: Bool)] = []

        init(_ compactKey: String, in db: Database) throws {
            let limit = EntityFinder.fuzzyCandidateLimit
            for piece in EntityFinder.pieces(of: compactKey) where piece.count >= 3 {
                var rows = try Int64.fetchAll(
                    db, sql: "SELECT rowid FROM name_search WHERE name_search MATCH ? LIMIT ?",
                    arguments: [EntityFinder.phrase(piece), limit + 1])
                let isComplete = rows.count <= limit
                if !isComplete { rows.removeLast() }
                pieces.append((rows, isComplete))
            }
        }

        /// Rows that may hold the whole text: those holding every piece read completely (the
        /// first ``EntityFinder/substringRows`` of them), or `nil` when every piece is common
        /// (held by more names than were read).
        var rowsHoldingEveryPiece: [Int64]? {
            let complete = pieces.filter(\.isComplete).map(\.rows).sorted { $0.count < $1.count }
            guard var rows = complete.first.map(Set.init) else { return nil }
            for other in complete.dropFirst() { rows.formIntersection(other) }
            return Array(rows.sorted().prefix(EntityFinder.substringRows))
        }

        /// Rows found for every piece among the row numbers read (all pieces common: a part of them).
        var rowsReadForEveryPiece: [Int64] {
            guard var rows = pieces.first.map({ Set($0.rows) }) else { return [] }
            for other in pieces.dropFirst() { rows.formIntersection(other.rows) }
            return rows.sorted()
        }
    }

    /// Entities with a name or alias holding `key` (letters and digits only): among the rows
    /// holding every rare piece of it (read completely). When every piece is common, a short
    /// text is looked up with one MATCH of the whole of it (its first ``substringRows`` rows);
    /// a longer one among the rows read for every piece (a part: names holding it are then also
    /// found as typo candidates, at distance 0, and scored as they deserve). A MATCH on a long
    /// text reads every one of its trigrams' lists, common ones ("ses", "200") included:
    /// 50–200 ms for a misspelt event name, where the row numbers of its pieces take about 1 ms.
    func entityIDs(holding key: Key, pieces: PieceRows, reads: inout Reads, in db: Database) throws -> [String] {
        var rows: [Int64]
        if let held = pieces.rowsHoldingEveryPiece {
            rows = held
        } else if key.compact.count <= Self.shortText {
            rows = try Int64.fetchAll(
                db, sql: "SELECT rowid FROM name_search WHERE name_search MATCH ? LIMIT ?",
                arguments: [Self.phrase(key.compact), Self.substringRows])
        } else {
            rows = pieces.rowsReadForEveryPiece
        }
        var seen = Set<String>(), ids: [String] = []
        for (id, name) in try reads.indexedNames(rows, in: db)
        where FuzzyMatch.wordLine(FuzzyMatch.compact(name), contains: key.compact) && seen.insert(id).inserted {
            ids.append(id)
        }
        return ids
    }

    /// Entities with a name or alias that may be within the allowed edits of `key` (typos).
    ///
    /// Each indexed name holding a piece is scored by the rarity of the pieces it holds (a
    /// piece found in `n` names adds `1/n`), so a name holding a rare piece ranks above one
    /// holding only a common piece ("ahme" of "Ahmed …"). The stored text of the
    /// ``fuzzyCandidateLimit`` best rows is compared with the key, and only the entities of
    /// rows that pass are returned, for their real names to be scored. Reading the entity of
    /// every row of every piece, then every name of 400 entities, was most of a fuzzy `find`.
    func closeEntityIDs(to key: Key, pieces: PieceRows, reads: inout Reads, in db: Database) throws -> [String] {
        var scores: [Int64: Double] = [:]
        for piece in pieces.pieces {
            for row in piece.rows { scores[row, default: 0] += 1 / Double(piece.rows.count) }
        }
        let best = scores.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(Self.fuzzyCandidateLimit).map(\.key)
        // The stored text is the name without spaces and punctuation: a name that matches passes on it too.
        return Set(try reads.indexedNames(Array(best), in: db).filter { quality(of: $0.name, for: key) != nil }.map(\.id)).sorted()
    }
}
