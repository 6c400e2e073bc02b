import GRDB

/// A set of entities and the relations between them, ready to be written out as
/// DOT, JSON, CSV or GraphML: the whole graph (`export`) or a neighbourhood (`graph`).
///
/// Merges are folded in (a merged entity's names become aliases of the entity it
/// was merged into, and its relations are drawn from that entity); deleted entities
/// and relations are left out.
public struct GraphSnapshot: Sendable {
    /// An entity with every name it goes by.
    public struct Node: Hashable, Sendable {
        public var entity: Entity
        public var aliases: [String]
    }

    /// A relation between two nodes, with the paragraph that states it.
    public struct Edge: Hashable, Sendable {
        public var relationID: String
        public var subjectID: String
        public var predicate: String
        public var objectID: String
        public var place: ParagraphPlace?
    }

    /// Nodes in kind, name, id order.
    public var nodes: [Node]
    /// Edges in subject, predicate, object, relation id order.
    public var edges: [Edge]
    /// The entity a neighbourhood was drawn around, if any.
    public var centreID: String?
}

/// Builds ``GraphSnapshot``s.
public struct GraphSnapshotQuery: Sendable {
    public init() {}

    /// Every live entity and relation.
    public func whole(in db: Database) throws -> GraphSnapshot {
        let entities = try Entity.fetchAll(db, sql: "SELECT * FROM entities WHERE is_deleted = 0 AND merged_into IS NULL")
        let edges = try liveEdges(in: db)
        return GraphSnapshot(nodes: nodes(entities, aliases: try allAliases(in: db)), edges: edges, centreID: nil)
    }

    /// `centre` and every entity within `depth` steps, with all live relations among them.
    public func neighbourhood(of centre: Entity, depth: Int, in db: Database) throws -> GraphSnapshot {
        let reached = try GraphWalk().neighbours(of: centre, depth: depth, in: db)
        let entities = [centre] + reached.map(\.entity)
        let ids = Set(entities.map(\.id))
        let edges = try liveEdges(in: db, among: ids)
        var aliases: [String: [String]] = [:]
        for entity in entities {
            let group = try EntityGroup.of(entity, in: db)
            aliases[entity.id] = try String.fetchAll(
                db, sql: "SELECT alias FROM aliases WHERE entity_id IN (\(group.placeholders))", arguments: group.arguments)
                + Entity.fetchAll(db, keys: group.memberIDs.dropFirst()).map(\.name)
        }
        return GraphSnapshot(nodes: nodes(entities, aliases: aliases), edges: edges, centreID: centre.id)
    }

    /// Live relations between live entities, endpoints made canonical; only among `ids` when given.
    private func liveEdges(in db: Database, among ids: Set<String>? = nil) throws -> [GraphSnapshot.Edge] {
        var filter = ""
        var arguments = StatementArguments()
        if let ids {
            let list = ids.sorted()
            let marks = databaseQuestionMarks(count: list.count)
            filter = "AND s.id IN (\(marks)) AND o.id IN (\(marks))"
            arguments = StatementArguments(list + list)
        }
        let rows = try Row.fetchAll(
            db,
            sql: """
                WITH RECURSIVE \(EntityGroup.redirectsSQL)
                SELECT r.id, s.id, r.predicate, o.id, \(ParagraphPlace.columns) FROM relations r
                JOIN entities s ON s.id = \(EntityGroup.canonical("r.subject_id")) AND s.is_deleted = 0
                JOIN entities o ON o.id = \(EntityGroup.canonical("r.object_id")) AND o.is_deleted = 0
                LEFT JOIN paragraphs p ON p.id = r.paragraph_id
                LEFT JOIN documents d ON d.id = p.document_id
                WHERE r.is_deleted = 0 AND s.id <> o.id \(filter)
                ORDER BY s.id, r.predicate, o.id, r.id
                """,
            arguments: arguments)
        return rows.map { row in
            GraphSnapshot.Edge(
                relationID: row[0], subjectID: row[1], predicate: row[2], objectID: row[3],
                place: ParagraphPlace(row: row, startingAt: 4))
        }
    }

    /// Every alias (and merged entity's name) by the canonical id it now belongs to.
    private func allAliases(in db: Database) throws -> [String: [String]] {
        var aliases: [String: [String]] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                WITH RECURSIVE \(EntityGroup.redirectsSQL)
                SELECT \(EntityGroup.canonical("a.entity_id")), a.alias FROM aliases a
                UNION
                SELECT canonical_id, e.name FROM entity_redirect JOIN entities e ON e.id = entity_redirect.id
                WHERE e.is_deleted = 0
                """)
        for row in rows { aliases[row[0], default: []].append(row[1]) }
        return aliases
    }

    /// Nodes for `entities` (canonical) with their `aliases` (by entity id), duplicates of the name dropped.
    private func nodes(_ entities: [Entity], aliases: [String: [String]]) -> [GraphSnapshot.Node] {
        entities.map { entity in
            let key = NameNormalizer.normalize(entity.name)
            var seen: Set<String> = [key]
            let names = (aliases[entity.id] ?? []).sorted().filter { seen.insert(NameNormalizer.normalize($0)).inserted }
            return GraphSnapshot.Node(entity: entity, aliases: names)
        }
        .sorted { ($0.entity.kind.rawValue, $0.entity.name, $0.entity.id) < ($1.entity.kind.rawValue, $1.entity.name, $1.entity.id) }
    }
}
