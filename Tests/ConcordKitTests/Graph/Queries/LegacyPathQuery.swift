import Foundation
import GRDB
@testable import ConcordKit

/// The recursive CTE `path` used before the bidirectional search (``ShortestPath``), kept
/// as the reference the new search must agree with: the shortest chain, and among several
/// the first by its JSON text (relation id, direction, entity id, step by step).
enum LegacyPathQuery {
    /// The old answer: `[relation id, direction, entity id]` per step, `[]` for the same
    /// entity, `nil` when no chain has at most `depth` steps.
    static func path(from start: String, to goal: String, depth: Int, in db: Database) throws -> [[String]]? {
        if start == goal { return [] }
        let steps = try String.fetchOne(
            db,
            sql: """
                WITH RECURSIVE \(walkSQL)
                SELECT steps FROM walk WHERE id = ? ORDER BY depth, steps LIMIT 1
                """,
            arguments: [start, start, depth, goal, goal])
        return try steps.map { try JSONDecoder().decode([[String]].self, from: Data($0.utf8)) }
    }

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
          LIMIT 200000
        )
        """

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
}
