import GRDB

/// Finds entities by name or alias, forgiving of case, accents, OCR errors and typos.
///
/// Matches are ranked: the whole name, then a name that starts with the text, then a
/// name with a word that starts with it, then approximate matches (edit distance on
/// compact keys, see ``FuzzyMatch``); ties go to the shorter entity name, then the smaller id.
/// Candidates come from indexed lookups only: prefix range scans on
/// `aliases_by_normalized_alias_covering` and `entities_by_name_covering` first, which hold
/// every column the scans read (``FindIndexSchema``), then, when those did not fill
/// the list, the trigram index `name_search` (``NameSearchSchema``): names holding the
/// text, then names holding one of its pieces (``PieceRows``). A name within `k` edits of
/// the text holds at least one of `k + 1` disjoint pieces of it unchanged, so the pieces
/// find every typo'd name whose pieces are at least three letters long (up to
/// ``fuzzyCandidateLimit`` names a piece: a piece common to more names is followed only
/// partly). The approximate comparison looks at the ``fuzzyCandidateLimit`` names holding
/// the rarest pieces. Names are scored before their entities are read (``Scorer``); index
/// rows are read by number from the index's content table, once per search (``Reads``).
public struct EntityFinder: Sendable {
    /// How a name matched the text.
    public enum Quality: Int, Comparable, Codable, Sendable {
        case exact = 0, prefix, wordPrefix, fuzzy

        public static func < (lhs: Quality, rhs: Quality) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The word used in output.
        public var label: String {
            switch self {
            case .exact: return "exact"
            case .prefix: return "prefix"
            case .wordPrefix: return "word"
            case .fuzzy: return "fuzzy"
            }
        }
    }

    /// One entity found, with the name or alias that matched best.
    public struct Match: Hashable, Sendable {
        public var entity: Entity
        public var matchedName: String
        public var quality: Quality
        /// Edits needed (0 unless fuzzy).
        public var distance: Int
    }

    /// The most candidates the approximate comparison looks at.
    public static let fuzzyCandidateLimit = 400
    /// The most rows each prefix range scan reads.
    static let rowsPerLookup = 2_000
    /// The most index rows holding the whole text that are read when every piece of it is
    /// common (``PieceRows``): a text held by more names ("2021": 8,600 event names) is followed only partly.
    static let substringRows = 300

    public init() {}

    /// Entities whose name or alias matches `text`, best first.
    public func find(_ text: String, kind: EntityKind? = nil, limit: Int = 20, in db: Database) throws -> [Match] {
        let key = NameNormalizer.normalize(text)
        let compactKey = FuzzyMatch.compact(key)
        guard !compactKey.isEmpty else { throw GraphError.invalidValue("nothing to find; give a name, e.g. find OHCHR") }
        var scorer = Scorer(text: key, finder: self)
        let prefixed = try prefixCandidates(key, noting: &scorer, in: db)
        try scorer.add(prefixed, in: db)
        let typed = Key(key)
        var pieces: PieceRows?
        var reads = Reads()
        if scorer.count(kind: kind) < limit, compactKey.count >= 3 {
            let rows = try PieceRows(compactKey, in: db)
            pieces = rows
            let ids = try entityIDs(holding: typed, pieces: rows, reads: &reads, in: db)
            try scorer.add(names(of: reads.unnamed(ids), noting: &scorer, in: db), in: db)
        }
        if scorer.count(kind: kind) < limit {
            let rows = try pieces ?? PieceRows(compactKey, in: db)
            let ids = try closeEntityIDs(to: typed, pieces: rows, reads: &reads, in: db)
            try scorer.add(names(of: reads.unnamed(ids), noting: &scorer, in: db), in: db)
        }
        return try scorer.matches(kind: kind, limit: limit, in: db)
    }

    /// Names and aliases starting with `key`: range scans on the name index and the alias
    /// index, at most ``rowsPerLookup`` rows each. The entities named are noted in `scorer` as
    /// they are read, so the aliases of the same entities (a body's or event's alias is mostly
    /// its own name) need no lookup of their entity; reading one for every alias was about half
    /// of a short prefix ("Neto": 586 names). A `UNION` of the two sorted every row before its
    /// limit applied.
    private func prefixCandidates(_ key: String, noting scorer: inout Scorer, in db: Database) throws -> [(id: String, name: String)] {
        let arguments: StatementArguments = [key, key + "\u{10FFFF}", Self.rowsPerLookup]
        let entities = try Row.fetchAll(
            db,
            sql: """
                SELECT id, name, kind, merged_into, is_deleted FROM entities
                WHERE name >= ?1 COLLATE NOCASE AND name < ?2 COLLATE NOCASE LIMIT ?3
                """,
            arguments: arguments)
        try scorer.note(entities: entities, in: db)
        let aliases = try Row.fetchAll(
            db, sql: "SELECT entity_id, alias FROM aliases WHERE normalized_alias >= ?1 AND normalized_alias < ?2 LIMIT ?3",
            arguments: arguments)
        return entities.map { ($0[0], $0[1]) } + aliases.map { ($0[0], $0[1]) }
    }

    /// An FTS5 phrase matching `text` as it is.
    static func phrase(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Every name and alias of the entities `ids`; their heads (``Head``) are noted in `scorer` on the way.
    private func names(of ids: [String], noting scorer: inout Scorer, in db: Database) throws -> [(id: String, name: String)] {
        let list = ids.sorted()
        var names: [(id: String, name: String)] = []
        for start in stride(from: 0, to: list.count, by: 400) {
            let batch = Array(list[start..<min(start + 400, list.count)])
            let entities = try Self.entityRows(batch, in: db)
            try scorer.note(entities: entities, in: db)
            names += entities.map { ($0[0], $0[1]) }
            let marks = databaseQuestionMarks(count: batch.count)
            names += try Row.fetchAll(
                db, sql: "SELECT entity_id, alias FROM aliases WHERE entity_id IN (\(marks))", arguments: StatementArguments(batch)
            ).map { ($0[0], $0[1]) }
        }
        return names
    }

    /// `id, name, kind, merged_into, is_deleted` of the entities `ids` (at most a few hundred).
    static func entityRows(_ ids: [String], in db: Database) throws -> [Row] {
        let marks = databaseQuestionMarks(count: ids.count)
        return try Row.fetchAll(
            db, sql: "SELECT id, name, kind, merged_into, is_deleted FROM entities WHERE id IN (\(marks))",
            arguments: StatementArguments(ids))
    }

    /// The pieces of `compactKey` a name within the allowed edits must hold at least one of:
    /// `k + 1` disjoint pieces for `k` allowed edits, or every trigram when pieces would be shorter.
    static func pieces(of compactKey: String) -> [String] {
        let characters = Array(compactKey)
        let count = FuzzyMatch.allowedEdits(forLength: characters.count) + 1
        guard characters.count >= 3 else { return [] }
        guard characters.count / count >= 3 else {
            return Array(Set((0...(characters.count - 3)).map { String(characters[$0..<($0 + 3)]) })).sorted()
        }
        return (0..<count).map { index in
            String(characters[(index * characters.count / count)..<((index + 1) * characters.count / count)])
        }
    }

    /// How well `name` matches the normalized text `key`, or `nil` when it does not.
    public func quality(of name: String, for key: String) -> (Quality, Int)? {
        quality(of: name, for: Key(key))
    }

    /// The typed text in the forms names are compared with, worked out once per search.
    struct Key {
        let text: String
        let compact: String
        /// " word word": the words after a space, to find them at word starts.
        let words: String
        /// Whether the text has any word at all (else no name matches at word starts).
        let hasWords: Bool
        let allowedEdits: Int

        init(_ normalized: String) {
            text = normalized
            compact = FuzzyMatch.compact(normalized: normalized)
            words = FuzzyMatch.wordLine(normalized: normalized)
            hasWords = words.utf8.count > 1
            allowedEdits = FuzzyMatch.allowedEdits(forLength: compact.count)
        }
    }

    /// ``quality(of:for:)`` with the key's forms made already; each name is normalized once.
    func quality(of name: String, for key: Key) -> (Quality, Int)? {
        let normalized = NameNormalizer.normalize(name)
        if normalized == key.text { return (.exact, 0) }
        let compactName = FuzzyMatch.compact(normalized: normalized)
        if compactName == key.compact { return (.exact, 0) }
        if normalized.hasPrefix(key.text) || compactName.hasPrefix(key.compact) { return (.prefix, 0) }
        if key.hasWords, FuzzyMatch.wordLine(FuzzyMatch.wordLine(normalized: normalized), contains: key.words) {
            return (.wordPrefix, 0)
        }
        let distance = FuzzyMatch.substringDistance(key.compact, in: compactName, atMost: key.allowedEdits)
        if distance <= key.allowedEdits { return (.fuzzy, distance) }
        return nil
    }
}
