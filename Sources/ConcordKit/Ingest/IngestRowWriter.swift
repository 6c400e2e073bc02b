import Foundation
import GRDB

/// Inserts a document's paragraphs and extracted graph, many rows per statement, with
/// values bound straight to cached statements.
///
/// The rows are those `insert(db, onConflict: .ignore)` of each record would store, in the
/// same order (so entities get the same row ids and the same rows are ignored). Record
/// inserts went through GRDB's generic encoding, one statement per row: profiled with perf
/// on the 1k bench corpus, that Swift work cost the writer about as much as SQLite's own
/// inserts. Rows per statement also matter to the full-text indexes the triggers keep:
/// FTS5 writes its pending terms as a new index segment at each statement's savepoint.
/// Related SQLite documentation: https://www.sqlite.org/fts5.html#the_automerge_option
struct IngestRowWriter {
    let db: Database

    /// Most rows per statement (a paragraph statement binds 7 values a row, well under SQLite's limit).
    static let rowsPerStatement = 100

    func insertParagraphs(_ paragraphs: [ParsedParagraph], of documentID: String) throws {
        try insert(
            "INSERT INTO paragraphs (id, document_id, ordinal, number, paragraph_kind, section, text)", columns: 7,
            rows: paragraphs
        ) { paragraph, values in
            values += [
                Paragraph.id(documentID: documentID, ordinal: paragraph.ordinal).databaseValue, documentID.databaseValue,
                paragraph.ordinal.databaseValue, paragraph.number.databaseValue, paragraph.kind.rawValue.databaseValue,
                paragraph.section.databaseValue, paragraph.text.databaseValue,
            ]
        }
    }

    /// Entities, aliases, attributes, relations and mentions, in that order; a row already there is left
    /// as it is, except that an entity without a date or place gets the one this document gives it
    /// (a meeting named in an earlier document, dated by its own summary record).
    func insert(_ graph: ExtractedGraph) throws {
        try insert(
            "INSERT INTO entities (id, kind, name, summary, date, place, merged_into, is_deleted)", columns: 8,
            rows: graph.entities, tail: Self.fillDateAndPlace
        ) { entity, values in
            values += [
                entity.id.databaseValue, entity.kind.rawValue.databaseValue, entity.name.databaseValue,
                entity.summary.databaseValue, entity.date.databaseValue, entity.place.databaseValue,
                entity.mergedInto.databaseValue, entity.isDeleted.databaseValue,
            ]
        }
        try insert("INSERT OR IGNORE INTO aliases (entity_id, alias, normalized_alias)", columns: 3, rows: graph.aliases) {
            alias, values in
            values += [alias.entityID.databaseValue, alias.alias.databaseValue, alias.normalizedAlias.databaseValue]
        }
        try insert("INSERT OR IGNORE INTO entity_attributes (entity_id, name, value)", columns: 3, rows: graph.attributes) {
            attribute, values in
            values += [attribute.entityID.databaseValue, attribute.name.databaseValue, attribute.value.databaseValue]
        }
        try insert(
            "INSERT OR IGNORE INTO relations (id, subject_id, predicate, object_id, paragraph_id, is_deleted, source, evidence)", columns: 8,
            rows: graph.relations
        ) { relation, values in
            values += [
                relation.id.databaseValue, relation.subjectID.databaseValue, relation.predicate.databaseValue,
                relation.objectID.databaseValue, relation.paragraphID.databaseValue, relation.isDeleted.databaseValue,
                relation.source.databaseValue, relation.evidence.databaseValue,
            ]
        }
        try insert(
            "INSERT OR IGNORE INTO mentions (entity_id, paragraph_id, start_offset, end_offset, surface_text)", columns: 5,
            rows: graph.mentions
        ) { mention, values in
            values += [
                mention.entityID.databaseValue, mention.paragraphID.databaseValue, mention.startOffset.databaseValue,
                mention.endOffset.databaseValue, mention.surfaceText.databaseValue,
            ]
        }
    }

    /// Runs `head VALUES (…), (…)` over `rows` in order, ``rowsPerStatement`` at a time;
    /// `values` appends one row's `columns` values.
    /// Fills an existing entity's missing date and place; any other existing row is left as it is.
    static let fillDateAndPlace = """
         ON CONFLICT (id) DO UPDATE SET date = coalesce(entities.date, excluded.date), place = coalesce(entities.place, excluded.place)
         WHERE (entities.date IS NULL AND excluded.date IS NOT NULL) OR (entities.place IS NULL AND excluded.place IS NOT NULL)
        """

    private func insert<Row>(
        _ head: String, columns: Int, rows: [Row], tail: String = "", values: (Row, inout [DatabaseValue]) -> Void
    ) throws {
        var first = 0
        var bound: [DatabaseValue] = []
        bound.reserveCapacity(min(rows.count, Self.rowsPerStatement) * columns)
        while first < rows.count {
            let end = min(first + Self.rowsPerStatement, rows.count)
            bound.removeAll(keepingCapacity: true)
            for row in rows[first..<end] { values(row, &bound) }
            let tuple = "(" + databaseQuestionMarks(count: columns) + ")"
            let statement = try db.cachedStatement(
                sql: head + " VALUES " + Array(repeating: tuple, count: end - first).joined(separator: ", ") + tail)
            try statement.run(bound)
            first = end
        }
    }
}
