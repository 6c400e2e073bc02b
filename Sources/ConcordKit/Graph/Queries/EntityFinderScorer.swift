import GRDB

extension EntityFinder {
    /// What ranking needs of the live entity a name stands for: its id, name length and kind,
    /// read as a few columns instead of a whole record (``Entity``).
    struct Head: Sendable {
        let id: String
        let kind: EntityKind
        let nameLength: Int

        init(id: String, kind: EntityKind, name: String) {
            self.id = id
            self.kind = kind
            nameLength = name.count
        }
    }

    /// The best name found so far for one entity, before its record is read.
    struct Scored {
        var head: Head
        var matchedName: String
        var quality: Quality
        var distance: Int

        /// The ranking: quality, then edits, then the shorter entity name, then the id.
        func isBetter(than other: Scored) -> Bool {
            if quality != other.quality { return quality < other.quality }
            if distance != other.distance { return distance < other.distance }
            if head.nameLength != other.head.nameLength { return head.nameLength < other.head.nameLength }
            return head.id < other.head.id
        }
    }

    /// Collects candidate names, scores them, and keeps the best match per canonical entity.
    ///
    /// Names are scored before anything is read about their entities; only the entities of
    /// names that match are looked up (a few columns each, ``Head``), and only the best
    /// `limit` are read whole, at the end (``matches(kind:limit:in:)``). Reading every
    /// candidate's record first was most of the time `find` spent on a 1M-entity base.
    struct Scorer {
        let finder: EntityFinder
        private let key: Key
        /// By candidate entity id: what it resolves to after merges (`nil` when deleted or missing).
        private var heads: [String: Head?] = [:]
        private var best: [String: Scored] = [:]

        init(text: String, finder: EntityFinder) {
            self.finder = finder
            key = Key(text)
        }

        /// Scores `(entity id, name)` pairs; entities of matching names not seen yet are looked up.
        mutating func add(_ names: [(id: String, name: String)], in db: Database) throws {
            var matched: [(id: String, name: String, quality: Quality, distance: Int)] = []
            for (id, name) in names {
                guard let (quality, distance) = finder.quality(of: name, for: key) else { continue }
                matched.append((id, name, quality, distance))
            }
            try readHeads(Set(matched.map(\.id)), in: db)
            for candidate in matched {
                guard let head = heads[candidate.id] ?? nil else { continue }
                let scored = Scored(head: head, matchedName: candidate.name, quality: candidate.quality, distance: candidate.distance)
                if let existing = best[head.id], !scored.isBetter(than: existing) { continue }
                best[head.id] = scored
            }
        }

        /// Records heads read elsewhere (with the names of the same entities): `id, name, kind, merged_into, is_deleted` rows.
        mutating func note(entities rows: [Row], in db: Database) throws {
            for row in rows where heads[row[0] as String] == nil {
                heads[row[0]] = .some(try Self.head(of: row, in: db))
            }
        }

        func count(kind: EntityKind?) -> Int { best.values.filter { kind == nil || $0.head.kind == kind }.count }

        /// The best `limit` matches (of `kind`), their entities read whole.
        func matches(kind: EntityKind?, limit: Int, in db: Database) throws -> [Match] {
            let ranked = best.values.filter { kind == nil || $0.head.kind == kind }
                .sorted { $0.isBetter(than: $1) }.prefix(limit)
            let entities = Dictionary(
                try Entity.fetchAll(db, keys: ranked.map(\.head.id)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            return ranked.compactMap { scored in
                entities[scored.head.id].map {
                    Match(entity: $0, matchedName: scored.matchedName, quality: scored.quality, distance: scored.distance)
                }
            }
        }

        /// Reads `id, name, kind, merged_into, is_deleted` of the entities not seen yet, 400 per statement.
        private mutating func readHeads(_ ids: Set<String>, in db: Database) throws {
            let missing = ids.filter { heads[$0] == nil }.sorted()
            for start in stride(from: 0, to: missing.count, by: 400) {
                let batch = Array(missing[start..<min(start + 400, missing.count)])
                try note(entities: EntityFinder.entityRows(batch, in: db), in: db)
                for id in batch where heads[id] == nil { heads[id] = .some(nil) }
            }
        }

        /// The head of the live entity `row` stands for: merged ones are followed to their end (rare).
        private static func head(of row: Row, in db: Database) throws -> Head? {
            let id: String = row[0], name: String = row[1], kind: EntityKind = row[2]
            let mergedInto: String? = row[3], isDeleted: Bool = row[4]
            guard mergedInto != nil else { return isDeleted ? nil : Head(id: id, kind: kind, name: name) }
            guard let entity = try Entity.fetchOne(db, key: id) else { return nil }
            let canonical = try EntityResolver().canonical(entity, in: db)
            return canonical.isDeleted ? nil : Head(id: canonical.id, kind: canonical.kind, name: canonical.name)
        }
    }
}
