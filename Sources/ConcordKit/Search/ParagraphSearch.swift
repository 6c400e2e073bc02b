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
    /// (``rankedSQL``, with ``TopRankingFunction``, which reads the length of only the rows that
    /// may be among them); only those get a snippet. Computing the snippet in the ranking query made SQLite build
    /// one for every matching paragraph before sorting (thousands for a common word).
    public func search(_ text: String, limit: Int = 20, in db: Database) throws -> [Hit] {
        guard let query = Self.matchExpression(for: text) else { throw SearchError.emptyQuery }
        let statement = try TopRankingFunction.statement(Self.rankedSQL, in: db)
        let arguments: StatementArguments = [query, limit, Self.highlightStart, Self.highlightEnd, query]
        return try Row.fetchAll(statement, arguments: arguments).map { row in
            Hit(
                document: row[0], documentSymbol: row[1], paragraphID: row[2], ordinal: row[3], number: row[4],
                snippet: row[5], rank: row[6])
        }
    }

    /// Arguments: match expression, limit, highlight start, highlight end, match expression.
    ///
    /// The inner ranking breaks ties by rowid (reading each match's paragraph id made it four
    /// times slower) and keeps ``tieMargin`` extra rows, so the final order by rank then
    /// paragraph id is the same as ranking everything unless more paragraphs than that tie
    /// exactly at the last place. `CROSS JOIN` keeps `best` the outer loop: otherwise SQLite
    /// scans every match again to join it.
    static let rankedSQL = """
        WITH best(hit, rank) AS MATERIALIZED (
          SELECT rowid, \(TopRankingFunction.name)(paragraph_search, ?2 + \(tieMargin)) FROM paragraph_search
          WHERE paragraph_search MATCH ?1 ORDER BY 2, 1 LIMIT ?2 + \(tieMargin))
        SELECT d.source_name, d.symbol, p.id, p.ordinal, p.number,
               snippet(paragraph_search, 1, ?3, ?4, '…', 24) AS snippet, best.rank
        FROM best
        CROSS JOIN paragraph_search ON paragraph_search.rowid = best.hit
        JOIN paragraphs p ON p.id = paragraph_search.paragraph_id
        JOIN documents d ON d.id = p.document_id
        WHERE paragraph_search MATCH ?5
        ORDER BY best.rank, p.id
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
