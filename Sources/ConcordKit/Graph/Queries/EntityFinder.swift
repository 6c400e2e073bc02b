import GRDB

/// Finds entities by name or alias, forgiving of case, accents, OCR errors and typos.
///
/// Matches are ranked: the whole name, then a name that starts with the text, then a
/// name with a word that starts with it, then approximate matches (edit distance on
/// compact keys, see ``FuzzyMatch``). Candidates come from indexed lookups only: prefix
/// range scans on `aliases.normalized_alias` and `entities_by_name` first, then, when
/// those did not fill the list, the trigram index `name_search` (``NameSearchSchema``):
/// names holding the text, then names holding one of its pieces. A name within `k`
/// edits of the text holds at least one of `k + 1` disjoint pieces of it unchanged, so
/// the pieces find every typo'd name whose pieces are at least three letters long (up to
/// ``fuzzyCandidateLimit`` names a piece: a piece common to more names is followed only
/// partly). The approximate comparison looks at the ``fuzzyCandidateLimit`` names holding
/// the rarest pieces.
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
    /// The most index rows read for one piece of the text or for the whole text.
    static let rowsPerLookup = 2_000

    public init() {}

    /// Entities whose name or alias matches `text`, best first.
    public func find(_ text: String, kind: EntityKind? = nil, limit: Int = 20, in db: Database) throws -> [Match] {
        let key = NameNormalizer.normalize(text)
        let compactKey = FuzzyMatch.compact(key)
        guard !compactKey.isEmpty else { throw GraphError.invalidValue("nothing to find; give a name, e.g. find OHCHR") }
        var scorer = Scorer(text: key, finder: self)
        try scorer.add(prefixCandidates(key, in: db), in: db)
        if scorer.count(kind: kind) < limit, compactKey.count >= 3 {
            let holding = try entityIDs(holding: [compactKey], rows: Self.rowsPerLookup, in: db)
            try scorer.add(names(of: Array(holding.keys), in: db), in: db)
        }
        if scorer.count(kind: kind) < limit {
            let pieces = Self.pieces(of: compactKey)
            let best = try entityIDs(holding: pieces, rows: Self.fuzzyCandidateLimit, in: db)
                .sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(Self.fuzzyCandidateLimit)
            try scorer.add(names(of: best.map(\.key), in: db), in: db)
        }
        return Array(scorer.matches(kind: kind).prefix(limit))
    }

    /// Names and aliases starting with `key`: range scans on the alias index and the name index.
    private func prefixCandidates(_ key: String, in db: Database) throws -> [Row] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT entity_id, alias FROM aliases WHERE normalized_alias >= ?1 AND normalized_alias < ?2
                UNION SELECT id, name FROM entities WHERE name >= ?1 COLLATE NOCASE AND name < ?2 COLLATE NOCASE
                LIMIT \(Self.rowsPerLookup)
                """,
            arguments: [key, key + "\u{10FFFF}"])
    }

    /// Entities with a name or alias holding any of `pieces` (compact text, 3+ letters), each
    /// scored by the rarity of the pieces it holds (a piece found in `n` names adds `1/n`), so
    /// a name holding a rare piece ranks above one holding only a common piece ("ahme" of
    /// "Ahmed …"): MATCH on the trigram index, at most `rows` names a piece.
    private func entityIDs(holding pieces: [String], rows: Int, in db: Database) throws -> [String: Double] {
        var scores: [String: Double] = [:]
        for piece in pieces where piece.count >= 3 {
            let phrase = "\"" + piece.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let ids = try String.fetchAll(
                db, sql: "SELECT DISTINCT entity_id FROM name_search WHERE name_search MATCH ? LIMIT ?", arguments: [phrase, rows])
            for id in ids { scores[id, default: 0] += 1 / Double(ids.count) }
        }
        return scores
    }

    /// Every name and alias of the entities `ids`, as `entity_id, name` rows.
    private func names(of ids: [String], in db: Database) throws -> [Row] {
        let list = ids.sorted()
        var rows: [Row] = []
        for start in stride(from: 0, to: list.count, by: 400) {
            let batch = Array(list[start..<min(start + 400, list.count)])
            let marks = Array(repeating: "?", count: batch.count).joined(separator: ", ")
            rows += try Row.fetchAll(
                db,
                sql: """
                    SELECT id, name FROM entities WHERE id IN (\(marks))
                    UNION ALL SELECT entity_id, alias FROM aliases WHERE entity_id IN (\(marks))
                    """,
                arguments: StatementArguments(batch + batch))
        }
        return rows
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
        let allowedEdits: Int

        init(_ normalized: String) {
            text = normalized
            compact = FuzzyMatch.compact(normalized: normalized)
            words = " " + FuzzyMatch.words(normalized: normalized).joined(separator: " ")
            allowedEdits = FuzzyMatch.allowedEdits(forLength: compact.count)
        }
    }

    /// ``quality(of:for:)`` with the key's forms made already; each name is normalized once.
    func quality(of name: String, for key: Key) -> (Quality, Int)? {
        let normalized = FuzzyMatch.normalize(name)
        if normalized == key.text { return (.exact, 0) }
        let compactName = FuzzyMatch.compact(normalized: normalized)
        if compactName == key.compact { return (.exact, 0) }
        if normalized.hasPrefix(key.text) || compactName.hasPrefix(key.compact) { return (.prefix, 0) }
        if key.words.count > 1, (" " + FuzzyMatch.words(normalized: normalized).joined(separator: " ")).contains(key.words) {
            return (.wordPrefix, 0)
        }
        let distance = FuzzyMatch.substringDistance(key.compact, in: compactName)
        if distance <= key.allowedEdits { return (.fuzzy, distance) }
        return nil
    }
}

extension EntityFinder {
    /// Collects candidates, scores them, and keeps the best match per canonical entity.
    struct Scorer {
        let text: String
        let finder: EntityFinder
        private let key: Key
        private var best: [String: Match] = [:]
        private var canonicalCache: [String: Entity?] = [:]

        init(text: String, finder: EntityFinder) {
            self.text = text
            self.finder = finder
            key = Key(text)
        }

        mutating func add(_ rows: [Row], in db: Database) throws {
            try preload(Set(rows.map { $0[0] as String }), in: db)
            for row in rows {
                let id: String = row[0], name: String = row[1]
                guard let (quality, distance) = finder.quality(of: name, for: key) else { continue }
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

        /// Reads the entities not seen yet a few hundred per statement (merged ones are followed one by one).
        private mutating func preload(_ ids: Set<String>, in db: Database) throws {
            let missing = ids.filter { canonicalCache[$0] == nil }.sorted()
            for start in stride(from: 0, to: missing.count, by: 400) {
                for entity in try Entity.fetchAll(db, keys: Array(missing[start..<min(start + 400, missing.count)])) {
                    let canonical = entity.mergedInto == nil ? entity : try EntityResolver().canonical(entity, in: db)
                    let live: Entity? = canonical.isDeleted ? nil : canonical
                    canonicalCache[entity.id] = .some(live)
                }
            }
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
