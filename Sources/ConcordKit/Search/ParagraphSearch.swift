import Foundation
import GRDB

/// Ranked full-text search over paragraphs (SQLite FTS5, BM25 ranking, stemmed).
///
/// Related SQLite documentation: https://www.sqlite.org/fts5.html
public struct ParagraphSearch: Sendable {
    /// One paragraph that matched.
    public struct Hit: Codable, Hashable, Sendable {
        public var document: String
        public var documentSymbol: String?
        public var paragraphID: String
        public var ordinal: Int
        public var number: Int?
        /// An excerpt with each matched term between ``highlightStart`` and ``highlightEnd``.
        public var snippet: String
        /// BM25 score: lower is better.
        public var rank: Double
    }

    /// Marks the start of a matched term in a snippet.
    public static let highlightStart = "\u{2}"
    /// Marks the end of a matched term in a snippet.
    public static let highlightEnd = "\u{3}"

    public init() {}

    /// The paragraphs matching every word of `text`, best first.
    ///
    /// The best `limit` paragraphs (and a few more, for ties) are picked first by BM25 alone
    /// (``rankedSQL``, with ``BestRowsFunction``, which reads the length of only the rows that
    /// may be among them); only those that can make the list get a snippet. Computing the
    /// snippet in the ranking query made SQLite build one for every matching paragraph.
    public func search(_ text: String, limit: Int = 20, in db: Database) throws -> [Hit] {
        guard let query = Self.matchExpression(for: text) else { throw SearchError.emptyQuery }
        guard limit > 0 else { return [] }
        let statement = try BestRowsFunction.statement(Self.rankedSQL, in: db)
        let arguments: StatementArguments = [query, limit, Self.highlightStart, Self.highlightEnd, query]
        return try Row.fetchAll(statement, arguments: arguments).map { row in
            Hit(
                document: row[0], documentSymbol: row[1], paragraphID: row[2], ordinal: row[3], number: row[4],
                snippet: row[5], rank: BestRowsFunction.rank(bits: row[6]))
        }
    }

    /// The paragraphs among `paragraphIDs` matching every word of `text`, best first
    /// (`search --speaker`, `--state`: the set is what one speaker said, usually small).
    public func search(_ text: String, limit: Int = 20, within paragraphIDs: Set<String>, in db: Database) throws -> [Hit] {
        guard let query = Self.matchExpression(for: text) else { throw SearchError.emptyQuery }
        guard limit > 0, !paragraphIDs.isEmpty else { return [] }
        let ids = String(decoding: try JSONEncoder().encode(paragraphIDs.sorted()), as: UTF8.self)
        let arguments: StatementArguments = [query, limit, Self.highlightStart, Self.highlightEnd, ids]
        return try Row.fetchAll(db, sql: Self.withinSQL, arguments: arguments).map { row in
            Hit(
                document: row[0], documentSymbol: row[1], paragraphID: row[2], ordinal: row[3], number: row[4],
                snippet: row[5], rank: row[6])
        }
    }

    /// Arguments: match expression, limit, highlight start, highlight end, JSON array of paragraph ids.
    static let withinSQL = """
        SELECT d.source_name, d.symbol, p.id, p.ordinal, p.number,
               snippet(paragraph_search, 1, ?3, ?4, '…', 24), bm25(paragraph_search) AS rank
        FROM paragraph_search
        JOIN paragraphs p ON p.rowid = paragraph_search.rowid
        JOIN documents d ON d.id = p.document_id
        WHERE paragraph_search MATCH ?1 AND p.id IN (SELECT value FROM json_each(?5))
        ORDER BY rank, p.id
        LIMIT ?2
        """

    /// Arguments: match expression, limit, highlight start, highlight end, match expression.
    ///
    /// `best` holds the best `limit` + ``tieMargin`` matches by rank then rowid, with the place
    /// of each one's rank (rows that tie share the place of the first). Only the rows placed
    /// before `limit` (ranked as well as the `limit`-th or better) are looked up for a snippet;
    /// ordering them by place then paragraph id orders them by rank then paragraph id, as
    /// ranking every match did, unless more than ``tieMargin`` rows tie at the last place.
    /// `CROSS JOIN` keeps `best` the outer loop: each hit is one FTS5 lookup by rowid.
    static let rankedSQL = """
        WITH best(hit, place, rank) AS MATERIALIZED (
          SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each((
            SELECT \(BestRowsFunction.name)(paragraph_search, ?2 + \(tieMargin), 'paragraph_search')
            FROM paragraph_search WHERE paragraph_search MATCH ?1 LIMIT 1))
          WHERE value ->> 1 < ?2)
        SELECT d.source_name, d.symbol, p.id, p.ordinal, p.number,
               snippet(paragraph_search, 1, ?3, ?4, '…', 24) AS snippet, best.rank
        FROM best
        CROSS JOIN paragraph_search ON paragraph_search.rowid = best.hit
        JOIN paragraphs p ON p.rowid = paragraph_search.rowid
        JOIN documents d ON d.id = p.document_id
        WHERE paragraph_search MATCH ?5
        ORDER BY best.place, p.id
        LIMIT ?2
        """

    /// Rows ranked beyond the limit, so ties at the last place still sort by paragraph id.
    static let tieMargin = 10

    /// An FTS5 expression that matches paragraphs holding every word of `text`
    /// (each word quoted, so punctuation and FTS5 operators in user input are inert).
    /// A trailing `*` on a word keeps its prefix meaning.
    static func matchExpression(for text: String) -> String? {
        let words = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "*") })
            .map(String.init)
            .filter { !$0.allSatisfy { $0 == "*" } }
        guard !words.isEmpty else { return nil }
        return words.map { word in
            word.hasSuffix("*")
                ? "\"" + word.replacingOccurrences(of: "*", with: "") + "\"*"
                : "\"" + word.replacingOccurrences(of: "*", with: "") + "\""
        }.joined(separator: " ")
    }
}

/// Why a search could not run.
public enum SearchError: LocalizedError, Equatable {
    case emptyQuery

    public var errorDescription: String? {
        switch self {
        case .emptyQuery: return "nothing to search for; give one or more words, e.g. search \"enforced disappearance\""
        }
    }
}
