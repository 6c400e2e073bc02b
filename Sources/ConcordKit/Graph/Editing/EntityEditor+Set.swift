import GRDB

extension EntityEditor {
    /// `set ENTITY FIELD VALUE`: changes a column (`name`, `summary`, `date`, `place`) or a
    /// free attribute. An empty value clears the field (a name cannot be cleared). A new
    /// name keeps the old one as an alias; a date must be ISO 8601 (see ``EntityDate``).
    public func set(_ reference: String, field typedField: String, value typedValue: String) throws -> FieldChange {
        let trimmed = typedValue.trimmingCharacters(in: .whitespacesAndNewlines)
        return try knowledgeBase.perform { db in
            let entity = try EntityResolver().resolve(reference, in: db)
            let field = try EntityField.parse(typedField, entity: entity.editLabel)
            let newValue = try Self.validated(trimmed, for: field)
            let oldValue = try Self.currentValue(of: field, for: entity, in: db)
            var addedAliases: [String] = []
            if field == .name, let newValue, newValue != entity.name {
                let group = try EntityGroup.of(entity, in: db)
                for name in [entity.name, newValue] where !addedAliases.contains(name) {
                    let known = try Bool.fetchOne(
                        db, sql: "SELECT EXISTS (SELECT 1 FROM aliases WHERE normalized_alias = ? AND entity_id IN (\(group.placeholders)))",
                        arguments: [NameNormalizer.normalize(name)] + group.arguments) ?? false
                    if !known { addedAliases.append(name) }
                }
            }
            return FieldChange(entity: entity, field: field, oldValue: oldValue, newValue: newValue, addedAliases: addedAliases)
        } apply: { change, db in
            try Self.write(change, in: db)
        }
    }

    /// The value to store for `field`, or `nil` to clear it; refuses bad dates and empty names.
    static func validated(_ value: String, for field: EntityField) throws -> String? {
        switch field {
        case .name:
            let name = cleanName(value)
            guard !name.isEmpty else { throw EditingError.missingValue(field: "name") }
            return name
        case .date:
            return value.isEmpty ? nil : try EntityDate.validated(value)
        case .summary, .place, .attribute:
            return value.isEmpty ? nil : value
        }
    }

    static func currentValue(of field: EntityField, for entity: Entity, in db: Database) throws -> String? {
        switch field {
        case .name: return entity.name
        case .summary: return entity.summary
        case .date: return entity.date
        case .place: return entity.place
        case let .attribute(name):
            return try String.fetchOne(
                db, sql: "SELECT value FROM entity_attributes WHERE entity_id = ? AND name = ?", arguments: [entity.id, name])
        }
    }

    static func write(_ change: FieldChange, in db: Database) throws {
        let entityID = change.entity.id
        if let column = change.field.column {
            // `column` is one of four fixed names, never user text.
            try db.execute(sql: "UPDATE entities SET \(column) = ? WHERE id = ?", arguments: [change.newValue, entityID])
        } else if let value = change.newValue {
            try db.execute(
                sql: """
                    INSERT INTO entity_attributes (entity_id, name, value) VALUES (?, ?, ?)
                    ON CONFLICT (entity_id, name) DO UPDATE SET value = excluded.value
                    """,
                arguments: [entityID, change.field.name, value])
        } else {
            try db.execute(
                sql: "DELETE FROM entity_attributes WHERE entity_id = ? AND name = ?", arguments: [entityID, change.field.name])
        }
        for alias in change.addedAliases {
            try Alias(entityID: entityID, alias: alias).insert(db, onConflict: .ignore)
        }
    }
}
