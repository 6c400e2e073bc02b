import GRDB

/// Names, aliases and ids of live entities that begin with what the user typed,
/// for Tab completion.
///
/// Every lookup is a range scan on an index (`aliases_by_normalized_alias_covering`,
/// `entities_by_name_covering`, the primary key) with a LIMIT, so it stays within a few
/// milliseconds however large the knowledge base is. Names match case-insensitively;
/// aliases also ignore accents and spacing (they are stored normalized).
struct EntityNameCompletion: Sendable {
    /// At most this many candidates are offered.
    var limit = 40

    /// Names and aliases beginning with `prefix`, sorted case-insensitively, without duplicates.
    func names(beginningWith prefix: String, in db: Database) throws -> [String] {
        var key = NameNormalizer.normalize(prefix)
        if prefix.last?.isWhitespace == true, !key.isEmpty { key += " " }
        let rows = try String.fetchAll(
            db,
            sql: """
                SELECT alias FROM (
                  SELECT a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id
                  WHERE a.normalized_alias >= ?1 AND a.normalized_alias < ?2 AND e.is_deleted = 0
                  ORDER BY a.normalized_alias LIMIT ?5)
                UNION ALL
                SELECT name FROM (
                  SELECT name FROM entities
                  WHERE name >= ?3 COLLATE NOCASE AND name < ?4 COLLATE NOCASE AND is_deleted = 0
                  ORDER BY name COLLATE NOCASE LIMIT ?5)
                """,
            arguments: [key, key + Self.highest, prefix, prefix + Self.highest, limit])
        return Self.unique(rows, limit: limit)
    }

    /// Ids beginning with `prefix` (ids are lowercase: `person:3fa4…`).
    func ids(beginningWith prefix: String, in db: Database) throws -> [String] {
        let key = prefix.lowercased()
        return try String.fetchAll(
            db,
            sql: "SELECT id FROM entities WHERE id >= ? AND id < ? AND is_deleted = 0 ORDER BY id LIMIT ?",
            arguments: [key, key + Self.highest, limit])
    }

    /// The largest Unicode scalar: `p + highest` is above every string that starts with `p`.
    static let highest = "\u{10FFFF}"

    private static func unique(_ names: [String], limit: Int) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for name in names.sorted(by: { $0.lowercased() < $1.lowercased() }) where seen.insert(name).inserted {
            result.append(name)
        }
        return Array(result.prefix(limit))
    }
}
