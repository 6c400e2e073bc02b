import GRDB

/// Finds the one entity a user means by an id, a name or an alias.
///
/// An id resolves even after its entity was merged into another (it follows
/// `merged_into`). A name or alias matches case-, accent- and spacing-insensitively;
/// if several live entities share it, the reference is ambiguous and the candidates
/// are listed rather than guessed. Failing that, whole words of a longer name
/// ("Landazuri", "Lewis") resolve when they pick out one entity (several are listed).
/// When nothing matches, the closest name is offered.
public struct EntityResolver: Sendable {
    public init() {}

    /// The entity `reference` names, optionally restricted to one kind.
    public func resolve(_ reference: String, kind: EntityKind? = nil, in db: Database) throws -> Entity {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        if let byID = try Entity.fetchOne(db, key: trimmed) {
            let canonical = try self.canonical(byID, in: db)
            if !canonical.isDeleted { return canonical }
        }
        let key = NameNormalizer.normalize(trimmed)
        var matches = try Entity.fetchAll(
            db,
            sql: """
                SELECT * FROM entities WHERE id IN (
                  SELECT id FROM entities WHERE name = ? COLLATE NOCASE
                  UNION SELECT entity_id FROM aliases WHERE normalized_alias = ?)
                """,
            arguments: [trimmed, key])
        if matches.isEmpty {
            // Names are stored as printed; compare them normalized when the lookup above missed.
            matches = try Entity.fetchAll(db, sql: "SELECT * FROM entities WHERE kind = coalesce(?, kind)", arguments: [kind?.rawValue])
                .filter { NameNormalizer.normalize($0.name) == key }
        }
        if matches.isEmpty {
            // Whole words of a longer name ("Landazuri" for "Ms. Landázuri de Mora"): used when they pick one entity.
            matches = try wholeWordMatches(trimmed, kind: kind, in: db)
        }
        var unique: [String: Entity] = [:]
        for match in matches {
            let canonical = try self.canonical(match, in: db)
            if canonical.isDeleted { continue }
            if let kind, canonical.kind != kind { continue }
            unique[canonical.id] = canonical
        }
        let candidates = unique.values.sorted { $0.id < $1.id }
        if candidates.count == 1 { return candidates[0] }
        if candidates.count > 1 {
            throw GraphError.ambiguousEntity(reference, candidates: candidates.map { "\($0.name) (\($0.id))" })
        }
        throw GraphError.unknownEntity(reference, suggestion: try closest(to: key, kind: kind, in: db).map { "\($0.name) (\($0.id))" })
    }

    /// The entity `entity` stands for after merges: follows `merged_into` to its end.
    /// A cycle (two concurrent merges each way) ends at the smallest id in the cycle, so every
    /// replica agrees (``EntityGroup/redirectsSQL`` applies the same rule in SQL).
    public func canonical(_ entity: Entity, in db: Database) throws -> Entity {
        var current = entity
        var seen: [String] = [entity.id]
        while let next = current.mergedInto {
            if let start = seen.firstIndex(of: next) {
                // Only the ids inside the loop count: an entity leading into it is not part of it.
                let smallest = seen[start...].min() ?? next
                return try Entity.fetchOne(db, key: smallest) ?? current
            }
            guard let target = try Entity.fetchOne(db, key: next) else { return current }
            seen.append(next)
            current = target
        }
        return current
    }

    /// Entities with a name or alias containing `reference` as whole words, found by ``EntityFinder``.
    func wholeWordMatches(_ reference: String, kind: EntityKind?, in db: Database) throws -> [Entity] {
        let words = FuzzyMatch.words(reference).joined(separator: " ")
        guard !words.isEmpty else { return [] }
        let found = try EntityFinder().find(reference, kind: kind, limit: 50, in: db)
        return found.filter { match in
            match.quality <= .wordPrefix
                && (" " + FuzzyMatch.words(match.matchedName).joined(separator: " ") + " ").contains(" " + words + " ")
        }.map(\.entity)
    }

    /// The live entity whose name or alias is closest to `key` by edit distance, if any is close.
    func closest(to key: String, kind: EntityKind?, in db: Database) throws -> Entity? {
        guard let first = key.first else { return nil }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT entity_id, normalized_alias FROM aliases WHERE normalized_alias LIKE ? ESCAPE '\\'
                UNION ALL
                SELECT id, lower(name) FROM entities WHERE lower(name) LIKE ? ESCAPE '\\'
                LIMIT 20000
                """,
            arguments: ["%" + String(first) + "%", "%" + String(first) + "%"])
        var best: (id: String, distance: Int)?
        for row in rows {
            let candidate: String = row[1]
            // Compare against the whole name and each of its trailing word runs ("mr. lewis" ~ "lewsi").
            let words = candidate.split(separator: " ")
            var distance = EditDistance.between(candidate, key)
            for start in words.indices {
                distance = min(distance, EditDistance.between(words[start...].joined(separator: " "), key))
            }
            if distance <= max(2, key.count / 3), distance < (best?.distance ?? .max) {
                best = (row[0], distance)
            }
        }
        guard let best, let entity = try Entity.fetchOne(db, key: best.id) else { return nil }
        let canonical = try self.canonical(entity, in: db)
        if let kind, canonical.kind != kind { return nil }
        return canonical.isDeleted ? nil : canonical
    }
}
