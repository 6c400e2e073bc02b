import Foundation
import GRDB

/// Breadth-first walks over live relations, in either direction, as one recursive CTE.
///
/// The walk runs on canonical entities: a relation recorded under a merged entity
/// counts for the entity it was merged into, and deleted relations and entities are
/// not crossed. Each row of the walk carries the chain of steps that reached it (as
/// JSON) and the ids visited, so a chain never loops. The queue is ordered by depth
/// (breadth first) and capped at ``rowLimit`` rows, so a dense graph cannot run away.
///
/// Related SQLite documentation: https://www.sqlite.org/lang_with.html#recursive_query_examples
public struct GraphWalk: Sendable {
    /// One entity reached, with the shortest chain of steps from the start.
    public struct Reached: Hashable, Sendable {
        public var entity: Entity
        public var steps: [GraphStep]
        public var depth: Int { steps.count }
    }

    /// The most rows the walk's queue may produce.
    public static let rowLimit = 200_000
    /// The deepest walk allowed.
    public static let maximumDepth = 8

    public init() {}

    /// Every entity within `depth` steps of `start` (canonical), nearest first.
    public func neighbours(of start: Entity, depth: Int, in db: Database) throws -> [Reached] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                WITH RECURSIVE \(Self.walkSQL)
                SELECT id, min(depth) AS depth, steps FROM walk WHERE depth > 0
                GROUP BY id ORDER BY depth, id
                """,
            arguments: [start.id, start.id, try Self.checked(depth), ""])
        return try rows.map { row in try reached(steps: row[2], in: db) }
            .sorted(by: Self.nearerFirst)
    }

    /// The shortest chain from `start` to `goal` (both canonical), or `nil` beyond `depth` steps.
    public func path(from start: Entity, to goal: Entity, depth: Int, in db: Database) throws -> [GraphStep]? {
        if start.id == goal.id { return [] }
        let steps = try String.fetchOne(
            db,
            sql: """
                WITH RECURSIVE \(Self.walkSQL)
                SELECT steps FROM walk WHERE id = ? ORDER BY depth, steps LIMIT 1
                """,
            arguments: [start.id, start.id, try Self.checked(depth), goal.id, goal.id])
        return try steps.map { try reached(steps: $0, in: db).steps }
    }

    /// Nearest first, then by the predicates crossed, the name and the id.
    static func nearerFirst(_ lhs: Reached, _ rhs: Reached) -> Bool {
        if lhs.depth != rhs.depth { return lhs.depth < rhs.depth }
        let left = lhs.steps.map(\.predicate).joined(separator: " "), right = rhs.steps.map(\.predicate).joined(separator: " ")
        if left != right { return left < right }
        return (lhs.entity.name, lhs.entity.id) < (rhs.entity.name, rhs.entity.id)
    }

    static func checked(_ depth: Int) throws -> Int {
        guard (1...maximumDepth).contains(depth) else {
            throw GraphError.invalidValue("depth must be between 1 and \(maximumDepth); got \(depth)")
        }
        return depth
    }

    /// Arguments: start id, start id, maximum depth, id where chains stop ('' for none).
    ///
    /// Four recursive arms: relations leaving or entering the entity itself, and those
    /// recorded under entities merged into it. Each arm joins `relations` on an equality
    /// so SQLite uses `relations_by_subject` / `relations_by_object` (an `IN (subquery)`
    /// correlated with the walk made it scan the whole table).
    static let walkSQL = """
        \(EntityGroup.redirectsSQL),
        walk(id, depth, visited, steps) AS (
          SELECT ?, 0, ',' || ? || ',', json_array()
          UNION ALL
          \(arm(near: "subject_id", far: "object_id", direction: "out", throughMerged: false, first: true))
          UNION ALL
          \(arm(near: "object_id", far: "subject_id", direction: "in", throughMerged: false, first: false))
          UNION ALL
          \(arm(near: "subject_id", far: "object_id", direction: "out", throughMerged: true, first: false))
          UNION ALL
          \(arm(near: "object_id", far: "subject_id", direction: "in", throughMerged: true, first: false))
          ORDER BY 2
          LIMIT \(rowLimit)
        )
        """

    /// One recursive step: from `walk.id` (or an entity merged into it) along relations whose
    /// `near` column holds it, to the canonical entity in `far`.
    private static func arm(near: String, far: String, direction: String, throughMerged: Bool, first: Bool) -> String {
        let other = EntityGroup.canonical("r.\(far)")
        let source = throughMerged
            ? "walk JOIN entity_redirect merged ON merged.canonical_id = walk.id AND merged.id <> walk.id JOIN relations r ON r.\(near) = merged.id"
            : "walk JOIN relations r ON r.\(near) = walk.id"
        let depth = first ? "?" : "?3", stop = first ? "?" : "?4"
        return """
            SELECT \(other), walk.depth + 1, walk.visited || \(other) || ',',
                   json_insert(walk.steps, '$[#]', json_array(r.id, '\(direction)', \(other)))
            FROM \(source)
            WHERE walk.depth < \(depth) AND walk.id <> \(stop) AND r.is_deleted = 0
              AND instr(walk.visited, ',' || \(other) || ',') = 0
              AND (SELECT is_deleted FROM entities WHERE id = \(other)) = 0
            """
    }

    /// Decodes a walk's JSON steps (`[[relation id, direction, entity id], …]`) into full steps.
    private func reached(steps json: String, in db: Database) throws -> Reached {
        let raw = (try? JSONDecoder().decode([[String]].self, from: Data(json.utf8))) ?? []
        var steps: [GraphStep] = []
        for item in raw where item.count == 3 {
            guard let relation = try Relation.fetchOne(db, key: item[0]), let entity = try Entity.fetchOne(db, key: item[2]) else { continue }
            let place = try relation.paragraphID.flatMap { try ParagraphPlace.fetch($0, in: db) }
            steps.append(GraphStep(
                relationID: relation.id, predicate: relation.predicate,
                direction: EntityPage.Link.Direction(rawValue: item[1]) ?? .out, entity: entity, place: place))
        }
        guard let last = steps.last else { throw GraphError.invalidValue("a graph walk returned an empty chain") }
        return Reached(entity: last.entity, steps: steps)
    }
}
