import GRDB

/// Every live entity with its aliases and the paragraphs that name it, as
/// `entities` lists them, reading through merges and hiding tombstones.
///
/// An entity merged into another (`merged_into`) is not listed itself: its name,
/// aliases and mentions show under the entity its chain ends at (see ``EntityGroup``).
/// Deleted entities are hidden, and so are the aliases and mentions of deleted members.
public struct EntityListing: Sendable {
    /// A paragraph that names an entity.
    public struct Place: Hashable, Sendable {
        public var sourceName: String
        public var ordinal: Int
        public var number: Int?
    }

    /// One listed entity.
    public struct Item: Hashable, Sendable {
        public var id: String
        public var kind: EntityKind
        public var name: String
        /// Other names, merged members' names included, sorted, without the name itself.
        public var aliases: [String]
        /// Distinct paragraphs naming it, by document then ordinal.
        public var places: [Place]
        /// Number of mentions (a paragraph may name it several times).
        public var mentionCount: Int
    }

    public init() {}

    /// The live canonical entities, optionally of one kind, by kind then name.
    public func entities(kind: EntityKind? = nil, in db: Database) throws -> [Item] {
        let canonical = EntityGroup.canonical("e.id")
        let rows = try Row.fetchAll(
            db,
            sql: """
                WITH RECURSIVE \(EntityGroup.redirectsSQL)
                SELECT e.id, e.kind, e.name FROM entities e
                WHERE e.is_deleted = 0 AND \(canonical) = e.id AND (?1 IS NULL OR e.kind = ?1)
                ORDER BY e.kind, e.name COLLATE NOCASE, e.id
                """,
            arguments: [kind?.rawValue])
        var items: [Item] = []
        var position: [String: Int] = [:]
        for row in rows {
            let id: String = row[0]
            guard let kind = EntityKind(rawValue: row[1]) else { continue }
            position[id] = items.count
            items.append(Item(id: id, kind: kind, name: row[2], aliases: [], places: [], mentionCount: 0))
        }
        try addAliases(to: &items, position: position, in: db)
        try addMentions(to: &items, position: position, in: db)
        return items
    }

    private func addAliases(to items: inout [Item], position: [String: Int], in db: Database) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                WITH RECURSIVE \(EntityGroup.redirectsSQL)
                SELECT \(EntityGroup.canonical("a.entity_id")) AS owner, a.alias FROM aliases a
                JOIN entities m ON m.id = a.entity_id AND m.is_deleted = 0
                UNION
                SELECT \(EntityGroup.canonical("m.id")), m.name FROM entities m
                WHERE m.is_deleted = 0 AND \(EntityGroup.canonical("m.id")) <> m.id
                """)
        var seen: [Int: Set<String>] = [:]
        for row in rows {
            guard let index = position[row[0]] else { continue }
            let alias: String = row[1]
            if alias == items[index].name { continue }
            if seen[index, default: []].insert(alias).inserted { items[index].aliases.append(alias) }
        }
        for index in items.indices { items[index].aliases.sort() }
    }

    private func addMentions(to items: inout [Item], position: [String: Int], in db: Database) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                WITH RECURSIVE \(EntityGroup.redirectsSQL)
                SELECT \(EntityGroup.canonical("mention.entity_id")) AS owner, d.source_name, p.ordinal, p.number, count(*)
                FROM mentions mention
                JOIN entities m ON m.id = mention.entity_id AND m.is_deleted = 0
                JOIN paragraphs p ON p.id = mention.paragraph_id
                JOIN documents d ON d.id = p.document_id
                GROUP BY owner, d.source_name, p.ordinal
                ORDER BY owner, d.source_name, p.ordinal
                """)
        for row in rows {
            guard let index = position[row[0]] else { continue }
            items[index].places.append(Place(sourceName: row[1], ordinal: row[2], number: row[3]))
            items[index].mentionCount += row[4] as Int
        }
    }
}
