import GRDB

extension EntityEditor {
    /// `merge A B`: B was a duplicate of A. Sets B's `merged_into` to A and moves nothing,
    /// so two replicas that merge concurrently converge; B's aliases, mentions, relations
    /// and notes then show under A, and B's id resolves to A.
    ///
    /// Both references are followed through earlier merges first, so merging into an
    /// entity that was itself merged lands on the end of its chain. Refuses an entity
    /// merged with itself (or into what it already stands for) and entities of different kinds.
    public func merge(_ survivorReference: String, _ duplicateReference: String) throws -> MergeChange {
        try knowledgeBase.perform { db in
            let resolver = EntityResolver()
            let survivor = try resolver.resolve(survivorReference, in: db)
            let duplicate = try resolver.resolve(duplicateReference, in: db)
            guard survivor.id != duplicate.id else {
                throw EditingError.alreadySame(first: survivor.editLabel, second: duplicateReference)
            }
            guard survivor.kind == duplicate.kind else {
                throw EditingError.differentKinds(
                    first: "\(survivor.kind.rawValue) \(survivor.editLabel)", second: "\(duplicate.kind.rawValue) \(duplicate.editLabel)")
            }
            let group = try EntityGroup.of(duplicate, in: db)
            func count(_ sql: String, _ arguments: StatementArguments) throws -> Int {
                try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
            }
            let members = group.placeholders
            return MergeChange(
                survivor: survivor, duplicate: duplicate,
                aliasCount: try count("SELECT count(*) FROM aliases WHERE entity_id IN (\(members))", group.arguments),
                mentionCount: try count("SELECT count(*) FROM mentions WHERE entity_id IN (\(members))", group.arguments),
                relationCount: try count(
                    "SELECT count(*) FROM relations WHERE is_deleted = 0 AND (subject_id IN (\(members)) OR object_id IN (\(members)))",
                    group.arguments + group.arguments),
                noteCount: try count(
                    "SELECT count(*) FROM annotations WHERE is_deleted = 0 AND target_kind = 'entity' AND target_id IN (\(members))",
                    group.arguments))
        } apply: { change, db in
            try db.execute(
                sql: "UPDATE entities SET merged_into = ? WHERE id = ?", arguments: [change.survivor.id, change.duplicate.id])
        }
    }
}
