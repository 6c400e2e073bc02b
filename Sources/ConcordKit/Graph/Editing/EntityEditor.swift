import GRDB

/// Changes entities by hand: `add`, `set`, `alias`, `merge`, `delete`.
///
/// Each method is one validated write (see ``PlannedEdit``): it resolves the entity
/// references with ``EntityResolver`` (so merged ids lead to the survivor and
/// ambiguous names are refused with their candidates), checks every value, and only
/// then writes, in one transaction whose summary names the entity by name and id.
/// Nothing is ever removed: merges are redirects and deletes are tombstones.
public struct EntityEditor: Sendable {
    public let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// `add KIND NAME`: a new entity with a random id, its name also its first alias.
    public func add(kind typedKind: String, name typedName: String) throws -> AddedEntity {
        let kindName = typedKind.trimmingCharacters(in: .whitespaces).lowercased()
        guard let kind = EntityKind(rawValue: kindName) else { throw GraphError.unknownKind(typedKind) }
        let name = Self.cleanName(typedName)
        guard !name.isEmpty else { throw EditingError.emptyName(command: "add \(kind.rawValue)") }
        let id = StableID.random(prefix: kind.rawValue)
        return try knowledgeBase.perform { db in
            let key = NameNormalizer.normalize(name)
            // Names through entities_by_name (NOCASE folds ASCII as lower() did); `+kind` keeps the planner
            // from walking every entity of the kind instead of looking the few candidates up by id.
            let namesakes = try Entity.fetchAll(
                db,
                sql: """
                    SELECT * FROM entities WHERE +kind = ? AND is_deleted = 0 AND merged_into IS NULL AND id IN (
                      SELECT id FROM entities WHERE name = ? COLLATE NOCASE
                      UNION SELECT entity_id FROM aliases WHERE normalized_alias = ?)
                    ORDER BY id
                    """,
                arguments: [kind.rawValue, name, key])
            return AddedEntity(entity: Entity(id: id, kind: kind, name: name), namesakes: namesakes.map { "\($0.name) (\($0.id))" })
        } apply: { added, db in
            try added.entity.insert(db)
            try Alias(entityID: added.entity.id, alias: added.entity.name).insert(db)
        }
    }

    /// `alias ENTITY ALIAS`: another name the entity goes by.
    public func alias(_ reference: String, alias typedAlias: String) throws -> AliasChange {
        let alias = Self.cleanName(typedAlias)
        guard !alias.isEmpty else { throw EditingError.emptyName(command: "alias \(reference)") }
        let key = NameNormalizer.normalize(alias)
        return try knowledgeBase.perform { db in
            let entity = try EntityResolver().resolve(reference, in: db)
            let group = try EntityGroup.of(entity, in: db)
            let known = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM aliases WHERE normalized_alias = ? AND entity_id IN (\(group.placeholders)))",
                arguments: [key] + group.arguments) ?? false
            let others = try Entity.fetchAll(
                db,
                sql: """
                    SELECT * FROM entities WHERE id IN (
                      SELECT id FROM entities WHERE name = ? COLLATE NOCASE
                      UNION SELECT entity_id FROM aliases WHERE normalized_alias = ?)
                    """,
                arguments: [alias, key])
            var sharedWith = Set<String>()
            for other in others {
                let canonical = try EntityResolver().canonical(other, in: db)
                if canonical.id != entity.id, !canonical.isDeleted { sharedWith.insert("\(canonical.name) (\(canonical.id))") }
            }
            return AliasChange(
                entity: entity, alias: alias, alreadyKnown: known || NameNormalizer.normalize(entity.name) == key,
                sharedWith: sharedWith.sorted())
        } apply: { change, db in
            try Alias(entityID: change.entity.id, alias: change.alias).insert(db, onConflict: .ignore)
        }
    }

    /// `delete ENTITY`: marks the entity deleted; its relations are kept but hidden.
    public func delete(_ reference: String) throws -> DeleteChange {
        try knowledgeBase.perform { db in
            let entity = try EntityResolver().resolve(reference, in: db)
            let group = try EntityGroup.of(entity, in: db)
            let relations = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM relations
                    WHERE is_deleted = 0 AND (subject_id IN (\(group.placeholders)) OR object_id IN (\(group.placeholders)))
                    """,
                arguments: group.arguments + group.arguments) ?? 0
            return DeleteChange(entity: entity, hiddenRelationCount: relations)
        } apply: { change, db in
            try db.execute(sql: "UPDATE entities SET is_deleted = 1 WHERE id = ?", arguments: [change.entity.id])
        }
    }

    /// A name as typed, without surrounding spaces and with runs of spaces made one.
    static func cleanName(_ typed: String) -> String {
        typed.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
