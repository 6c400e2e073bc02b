import GRDB

/// Everything the `show` command prints about one entity, merges folded in.
///
/// Aliases, attributes, relations, notes and mentions recorded under any entity
/// merged into this one appear here (the merged entities' names become aliases).
/// Deleted relations, relations to deleted entities and deleted notes are left out.
public struct EntityPage: Sendable {
    /// A relation seen from this entity: `direction` says whether it is the subject (`out`) or the object (`in`).
    public struct Link: Hashable, Sendable {
        public enum Direction: String, Codable, Sendable { case out, `in` }
        public var relationID: String
        public var predicate: String
        public var direction: Direction
        public var other: Entity
        public var place: ParagraphPlace?
        /// `extracted` (found in the text) or `edited` (stated or confirmed by a person).
        public var source: String = Relation.Source.extracted.rawValue
        /// The sentence that states the relation, when it was extracted.
        public var evidence: String?
    }

    public var entity: Entity
    /// Ids merged into this entity.
    public var mergedIDs: [String]
    public var aliases: [String]
    /// Free attributes (`entity_attributes`), by name.
    public var attributes: [EntityAttribute]
    public var links: [Link]
    /// Live notes and tags, oldest first.
    public var annotations: [Annotation]
    public var mentionCount: Int
    /// The first paragraph that mentions the entity (documents in date, then name, order).
    public var firstSeen: ParagraphPlace?
}

/// Builds an ``EntityPage``.
public struct EntityPageQuery: Sendable {
    public init() {}

    /// The page of the entity `reference` names (an id, name or alias).
    public func page(_ reference: String, in db: Database) throws -> EntityPage {
        let entity = try EntityResolver().resolve(reference, in: db)
        return try page(of: entity, in: db)
    }

    /// The page of `entity`, which must be canonical and live.
    public func page(of entity: Entity, in db: Database) throws -> EntityPage {
        let group = try EntityGroup.of(entity, in: db)
        let merged = try Entity.fetchAll(db, keys: group.memberIDs.dropFirst()).sorted { $0.id < $1.id }
        var aliases = try String.fetchAll(
            db, sql: "SELECT DISTINCT alias FROM aliases WHERE entity_id IN (\(group.placeholders)) ORDER BY alias",
            arguments: group.arguments)
        aliases += merged.map(\.name)
        let ownKey = NameNormalizer.normalize(entity.name)
        var seen: Set<String> = [ownKey]
        aliases = aliases.filter { seen.insert(NameNormalizer.normalize($0)).inserted }.sorted()
        var attributes: [String: EntityAttribute] = [:]
        for member in group.memberIDs.reversed() {
            for attribute in try EntityAttribute.filter(Column("entity_id") == member).fetchAll(db) {
                attributes[attribute.name] = attribute
            }
        }
        return EntityPage(
            entity: try filledIn(entity, from: merged),
            mergedIDs: Array(group.memberIDs.dropFirst()),
            aliases: aliases,
            attributes: attributes.values.sorted { $0.name < $1.name },
            links: try links(of: group, in: db),
            annotations: try annotations(of: group, in: db),
            mentionCount: try Int.fetchOne(
                db, sql: "SELECT count(*) FROM mentions WHERE entity_id IN (\(group.placeholders))", arguments: group.arguments) ?? 0,
            firstSeen: try firstSeen(group, in: db))
    }

    /// The entity with its empty summary, date and place taken from merged entities.
    private func filledIn(_ entity: Entity, from merged: [Entity]) throws -> Entity {
        var result = entity
        for other in merged {
            result.summary = result.summary ?? other.summary
            result.date = result.date ?? other.date
            result.place = result.place ?? other.place
        }
        return result
    }

    /// Live relations touching the group, with the other end made canonical; grouped by predicate.
    func links(of group: EntityGroup, in db: Database) throws -> [EntityPage.Link] {
        let sql = """
            WITH RECURSIVE \(EntityGroup.redirectsSQL),
            touching(relation_id, predicate, direction, other_id, paragraph_id, source, evidence) AS (
              SELECT id, predicate, 'out', \(EntityGroup.canonical("object_id")), paragraph_id, source, evidence FROM relations
              WHERE subject_id IN (\(group.placeholders)) AND is_deleted = 0
              UNION ALL
              SELECT id, predicate, 'in', \(EntityGroup.canonical("subject_id")), paragraph_id, source, evidence FROM relations
              WHERE object_id IN (\(group.placeholders)) AND is_deleted = 0)
            SELECT t.relation_id, t.predicate, t.direction, \(EntityColumns.select("o")), \(ParagraphPlace.columns), t.source, t.evidence
            FROM touching t
            JOIN entities o ON o.id = t.other_id AND o.is_deleted = 0
            LEFT JOIN paragraphs p ON p.id = t.paragraph_id
            LEFT JOIN documents d ON d.id = p.document_id
            WHERE t.other_id <> ?
            ORDER BY t.direction DESC, t.predicate, o.name, o.id, d.source_name, p.ordinal
            """
        let rows = try Row.fetchAll(db, sql: sql, arguments: group.arguments + group.arguments + [group.canonicalID])
        return rows.map { row in
            let direction: String = row[2]
            let tail = 3 + EntityColumns.count + ParagraphPlace.columnCount
            return EntityPage.Link(
                relationID: row[0], predicate: row[1], direction: EntityPage.Link.Direction(rawValue: direction) ?? .out,
                other: EntityColumns.entity(in: row, startingAt: 3),
                place: ParagraphPlace(row: row, startingAt: 3 + EntityColumns.count),
                source: row[tail], evidence: row[tail + 1])
        }
    }

    private func annotations(of group: EntityGroup, in db: Database) throws -> [Annotation] {
        try Annotation.fetchAll(
            db,
            sql: """
                SELECT * FROM annotations WHERE target_kind = 'entity' AND target_id IN (\(group.placeholders))
                AND is_deleted = 0 ORDER BY created_at, id
                """,
            arguments: group.arguments)
    }

    private func firstSeen(_ group: EntityGroup, in db: Database) throws -> ParagraphPlace? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT \(ParagraphPlace.columns) FROM mentions m
                JOIN paragraphs p ON p.id = m.paragraph_id JOIN documents d ON d.id = p.document_id
                WHERE m.entity_id IN (\(group.placeholders))
                ORDER BY d.dated IS NULL, d.dated, d.source_name, p.ordinal, m.start_offset LIMIT 1
                """,
            arguments: group.arguments)
        return row.flatMap { ParagraphPlace(row: $0, startingAt: 0) }
    }
}
