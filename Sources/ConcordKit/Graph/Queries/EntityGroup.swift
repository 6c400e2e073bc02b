import GRDB

/// The ids that stand for one entity once merges are taken into account.
///
/// `merge A B` only sets B's `merged_into` to A (a redirect), so everything recorded
/// under B (aliases, mentions, relations, notes) belongs to A. An entity's group is
/// its own id and every id whose chain of `merged_into` ends at it. Queries read
/// through the group instead of a single id.
///
/// Chains are followed in SQL with a recursive CTE (``redirectsSQL``). A cycle (two
/// replicas each merging one into the other) ends at the smallest id in the cycle,
/// as ``EntityResolver/canonical(_:in:)`` decides, so every replica agrees.
///
/// Related SQLite documentation: https://www.sqlite.org/lang_with.html
public struct EntityGroup: Hashable, Sendable {
    /// The id the group shows as (the end of every chain).
    public var canonicalID: String
    /// The canonical id first, then the merged ids in id order.
    public var memberIDs: [String]

    /// Common table expressions, to start a `WITH RECURSIVE` clause, defining
    /// `entity_redirect(id, canonical_id)`: one row per merged entity, saying which
    /// entity it now stands for. Unmerged entities have no row (use
    /// `coalesce((SELECT canonical_id FROM entity_redirect WHERE id = x), x)`).
    public static let redirectsSQL = """
        entity_chain(id, target, steps) AS (
          SELECT id, merged_into, 1 FROM entities WHERE merged_into IS NOT NULL
          UNION
          SELECT chain.id, next.merged_into, chain.steps + 1
          FROM entity_chain chain JOIN entities next ON next.id = chain.target
          WHERE next.merged_into IS NOT NULL AND chain.steps < 64
        ),
        entity_redirect(id, canonical_id) AS MATERIALIZED (
          SELECT merged.id, coalesce(
            (SELECT chain.target FROM entity_chain chain JOIN entities target ON target.id = chain.target
             WHERE chain.id = merged.id AND target.merged_into IS NULL LIMIT 1),
            (SELECT min(chain.target) FROM entity_chain chain
             WHERE chain.id = merged.id
               AND EXISTS (SELECT 1 FROM entity_chain loop WHERE loop.id = chain.target AND loop.target = chain.target)))
          FROM (SELECT DISTINCT id FROM entity_chain) merged
        )
        """

    /// An SQL expression for the canonical id of the entity id in `column`.
    public static func canonical(_ column: String) -> String {
        "coalesce((SELECT canonical_id FROM entity_redirect WHERE entity_redirect.id = \(column)), \(column))"
    }

    /// The group of `entity`, which should be canonical (see ``EntityResolver/canonical(_:in:)``).
    /// Merged members that were themselves deleted are left out.
    public static func of(_ entity: Entity, in db: Database) throws -> EntityGroup {
        let merged = try String.fetchAll(
            db,
            sql: """
                WITH RECURSIVE \(redirectsSQL)
                SELECT redirect.id FROM entity_redirect redirect JOIN entities e ON e.id = redirect.id
                WHERE redirect.canonical_id = ? AND redirect.id <> ? AND e.is_deleted = 0
                ORDER BY redirect.id
                """,
            arguments: [entity.id, entity.id])
        return EntityGroup(canonicalID: entity.id, memberIDs: [entity.id] + merged)
    }

    /// `?, ?, …` with one placeholder per member, for `IN (…)`.
    public var placeholders: String { databaseQuestionMarks(count: memberIDs.count) }

    /// The members as statement arguments.
    public var arguments: StatementArguments { StatementArguments(memberIDs) }
}
