import GRDB

/// Where relations come from, read by id: whether each was extracted or stated by a
/// person, and the sentence stating it (`links --evidence`).
public struct RelationEvidence: Hashable, Sendable {
    public var source: String
    public var evidence: String?

    /// The source and evidence of the relations `ids`, by id, a few hundred per statement.
    public static func fetch(_ ids: Set<String>, in db: Database) throws -> [String: RelationEvidence] {
        let sorted = ids.sorted()
        var found: [String: RelationEvidence] = [:]
        for start in stride(from: 0, to: sorted.count, by: 400) {
            let batch = Array(sorted[start..<min(start + 400, sorted.count)])
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, source, evidence FROM relations WHERE id IN (\(databaseQuestionMarks(count: batch.count)))",
                arguments: StatementArguments(batch))
            for row in rows { found[row[0]] = RelationEvidence(source: row[1], evidence: row[2]) }
        }
        return found
    }
}
