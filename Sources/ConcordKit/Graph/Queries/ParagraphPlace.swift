import GRDB

/// Where a paragraph is: its document (source name and symbol) and its position.
///
/// It shows as `002:¶14` (official number 14 of seed 002) or `004:#3` (third
/// paragraph, when the document prints no number for it); both forms can be typed
/// back as a paragraph address (see ``DocumentResolver``).
public struct ParagraphPlace: Codable, Hashable, Sendable {
    public var paragraphID: String
    public var documentID: String
    public var sourceName: String
    public var symbol: String?
    public var ordinal: Int
    public var number: Int?

    public init(paragraphID: String, documentID: String, sourceName: String, symbol: String?, ordinal: Int, number: Int?) {
        self.paragraphID = paragraphID
        self.documentID = documentID
        self.sourceName = sourceName
        self.symbol = symbol
        self.ordinal = ordinal
        self.number = number
    }

    /// The short label of the document (`002`).
    public var documentLabel: String { DocumentLabel.short(sourceName) }

    /// `002:¶14` or `004:#3`.
    public var label: String { documentLabel + ":" + (number.map { "¶\($0)" } ?? "#\(ordinal)") }

    /// The columns to select (with a `paragraphs p` and `documents d` join) for ``init(row:startingAt:)``.
    static let columns = "p.id, d.id, d.source_name, d.symbol, p.ordinal, p.number"
    /// How many ``columns`` there are.
    static let columnCount = 6

    /// Reads the six ``columns`` from `row`, starting at `index`; `nil` when the paragraph id is NULL.
    init?(row: Row, startingAt index: Int) {
        guard let paragraphID: String = row[index] else { return nil }
        self.init(
            paragraphID: paragraphID, documentID: row[index + 1], sourceName: row[index + 2], symbol: row[index + 3],
            ordinal: row[index + 4], number: row[index + 5])
    }

    /// The place of the paragraph with id `paragraphID`.
    static func fetch(_ paragraphID: String, in db: Database) throws -> ParagraphPlace? {
        let row = try Row.fetchOne(
            db, sql: "SELECT \(columns) FROM paragraphs p JOIN documents d ON d.id = p.document_id WHERE p.id = ?",
            arguments: [paragraphID])
        return row.flatMap { ParagraphPlace(row: $0, startingAt: 0) }
    }

    /// The places of the paragraphs `paragraphIDs`, by paragraph id, read a few hundred per statement.
    static func fetchAll(_ paragraphIDs: Set<String>, in db: Database) throws -> [String: ParagraphPlace] {
        let ids = paragraphIDs.sorted()
        var places: [String: ParagraphPlace] = [:]
        for start in stride(from: 0, to: ids.count, by: 400) {
            let batch = Array(ids[start..<min(start + 400, ids.count)])
            let marks = databaseQuestionMarks(count: batch.count)
            let rows = try Row.fetchAll(
                db, sql: "SELECT \(columns) FROM paragraphs p JOIN documents d ON d.id = p.document_id WHERE p.id IN (\(marks))",
                arguments: StatementArguments(batch))
            for row in rows {
                if let place = ParagraphPlace(row: row, startingAt: 0) { places[place.paragraphID] = place }
            }
        }
        return places
    }
}
