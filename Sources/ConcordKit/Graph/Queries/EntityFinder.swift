import GRDB

/// Finds entities by name or alias, forgiving of case, accents, OCR errors and typos.
///
/// Matches are ranked: the whole name, then a name that starts with the text, then a
/// name with a word that starts with it, then approximate matches (edit distance on
/// compact keys, see ``FuzzyMatch``). Candidates come from indexed prefix range scans
/// on `aliases.normalized_alias` first; the slower scans for word prefixes and for
/// shared trigrams run only when the cheaper ones did not fill the list, and the
/// approximate comparison only looks at a bounded set of the best trigram candidates.
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

    public init() {}

    /// Entities whose name or alias matches `text`, best first.
    public func find(_ text: String, kind: EntityKind? = nil, limit: Int = 20, in db: Database) throws -> [Match] {
        let key = NameNormalizer.normalize(text)
        guard !FuzzyMatch.compact(key).isEmpty else { throw GraphError.invalidValue("nothing to find; give a name, e.g. find OHCHR") }
        var scorer = Scorer(text: key, finder: self)
        try scorer.add(prefixCandidates(key, in: db), in: db)
        if scorer.count(kind: kind) < limit { try scorer.add(wordCandidates(key, in: db), in: db) }
        if scorer.count(kind: kind) < limit { try scorer.add(trigramCandidates(key, in: db), in: db) }
        return Array(scorer.matches(kind: kind).prefix(limit))
    }

    /// Names and aliases starting with `key`: range scans on the alias index, plus names.
    private func prefixCandidates(_ key: String, in db: Database) throws -> [Row] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT entity_id, alias FROM aliases WHERE normalized_alias >= ? AND normalized_alias < ?
                UNION SELECT id, name FROM entities WHERE name LIKE ? ESCAPE '\\'
                LIMIT 2000
                """,
            arguments: [key, key + "\u{10FFFF}", Self.likePattern(key, prefix: "")])
    }

    /// Names and aliases with a word starting with `key` (a scan, bounded).
    private func wordCandidates(_ key: String, in db: Database) throws -> [Row] {
        guard let first = FuzzyMatch.words(key).first else { return [] }
        let pattern = Self.likePattern(first, prefix: "%")
        return try Row.fetchAll(
            db,
            sql: """
                SELECT entity_id, alias FROM aliases WHERE normalized_alias LIKE ? ESCAPE '\\'
                UNION SELECT id, name FROM entities WHERE name LIKE ? ESCAPE '\\'
                LIMIT 2000
                """,
            arguments: [pattern, pattern])
    }

    /// The names and aliases sharing the most trigrams with `key`, at most ``fuzzyCandidateLimit``.
    private func trigramCandidates(_ key: String, in db: Database) throws -> [Row] {
        let trigrams = FuzzyMatch.sampleTrigrams(key)
        guard !trigrams.isEmpty else { return [] }
        let score = { (column: String) in trigrams.map { _ in "(instr(\(column), ?) > 0)" }.joined(separator: " + ") }
        let sql = """
            SELECT entity_id, name, shared FROM (
              SELECT entity_id, alias AS name, \(score("normalized_alias")) AS shared FROM aliases
              UNION ALL
              SELECT id, name, \(score("lower(name)")) FROM entities WHERE is_deleted = 0)
            WHERE shared >= ?
            ORDER BY shared DESC
            LIMIT \(Self.fuzzyCandidateLimit)
            """
        let needed = max(1, trigrams.count / 3)
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(trigrams + trigrams) + [needed])
    }

    static func likePattern(_ text: String, prefix: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return prefix + escaped + "%"
    }

    /// How well `name` matches the normalized text `key`, or `nil` when it does not.
    public func quality(of name: String, for key: String) -> (Quality, Int)? {
        let normalized = NameNormalizer.normalize(name)
        if normalized == key { return (.exact, 0) }
        let compactName = FuzzyMatch.compact(normalized), compactKey = FuzzyMatch.compact(key)
        if compactName == compactKey { return (.exact, 0) }
        if normalized.hasPrefix(key) || compactName.hasPrefix(compactKey) { return (.prefix, 0) }
        let nameWords = " " + FuzzyMatch.words(normalized).joined(separator: " ")
        let keyWords = " " + FuzzyMatch.words(key).joined(separator: " ")
        if keyWords.count > 1, nameWords.contains(keyWords) { return (.wordPrefix, 0) }
        let distance = FuzzyMatch.substringDistance(compactKey, in: compactName)
        if distance <= FuzzyMatch.allowedEdits(forLength: compactKey.count) { return (.fuzzy, distance) }
        return nil
    }
}

extension EntityFinder {
    /// Collects candidates, scores them, and keeps the best match per canonical entity.
    struct Scorer {
        let text: String
        let finder: EntityFinder
        private var best: [String: Match] = [:]
        private var canonicalCache: [String: Entity?] = [:]

        init(text: String, finder: EntityFinder) {
            self.text = text
            self.finder = finder
        }

        mutating func add(_ rows: [Row], in db: Database) throws {
            for row in rows {
                let id: String = row[0], name: String = row[1]
                guard let (quality, distance) = finder.quality(of: name, for: text) else { continue }
                guard let entity = try canonical(id, in: db) else { continue }
                let match = Match(entity: entity, matchedName: name, quality: quality, distance: distance)
                if let existing = best[entity.id], !Self.isBetter(match, than: existing) { continue }
                best[entity.id] = match
            }
        }

        func count(kind: EntityKind?) -> Int { best.values.filter { kind == nil || $0.entity.kind == kind }.count }

        func matches(kind: EntityKind?) -> [Match] {
            best.values.filter { kind == nil || $0.entity.kind == kind }.sorted { Self.isBetter($0, than: $1) }
        }

        private mutating func canonical(_ id: String, in db: Database) throws -> Entity? {
            if let cached = canonicalCache[id] { return cached }
            var result: Entity?
            if let entity = try Entity.fetchOne(db, key: id) {
                let canonical = try EntityResolver().canonical(entity, in: db)
                result = canonical.isDeleted ? nil : canonical
            }
            canonicalCache[id] = result
            return result
        }

        static func isBetter(_ lhs: Match, than rhs: Match) -> Bool {
            if lhs.quality != rhs.quality { return lhs.quality < rhs.quality }
            if lhs.distance != rhs.distance { return lhs.distance < rhs.distance }
            if lhs.entity.name.count != rhs.entity.name.count { return lhs.entity.name.count < rhs.entity.name.count }
            return lhs.entity.id < rhs.entity.id
        }
    }
}
