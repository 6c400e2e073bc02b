/// A new entity made by `add KIND NAME`.
public struct AddedEntity: PlannedEdit {
    public var entity: Entity
    /// Other live entities of the same kind that already go by this name, as "name (id)".
    public var namesakes: [String]

    public var summary: String { "add \(entity.kind.rawValue) \(entity.editLabel)" }
    public var changesNothing: Bool { false }
}

/// One field changed by `set ENTITY FIELD VALUE`.
public struct FieldChange: PlannedEdit {
    /// The entity as it was before the change (after following merges).
    public var entity: Entity
    public var field: EntityField
    public var oldValue: String?
    /// The new value; `nil` when the field is cleared (`set X summary ""`).
    public var newValue: String?
    /// Names added as aliases by a rename: the old name, so it keeps finding the entity, and the new one.
    public var addedAliases: [String]

    public var summary: String {
        if let newValue { return "set \(field.name) of \(entity.editLabel) to \"\(newValue)\"" }
        return "clear \(field.name) of \(entity.editLabel)"
    }
    public var changesNothing: Bool { oldValue == newValue && addedAliases.isEmpty }
}

/// Another name for an entity, from `alias ENTITY "ALIAS"`.
public struct AliasChange: PlannedEdit {
    public var entity: Entity
    public var alias: String
    /// `true` when the entity already goes by this name (nothing is written).
    public var alreadyKnown: Bool
    /// Other live entities that go by the same name, as "name (id)": the name is now ambiguous.
    public var sharedWith: [String]

    public var summary: String { "add alias \"\(alias)\" to \(entity.editLabel)" }
    public var changesNothing: Bool { alreadyKnown }
}

/// `merge A B`: B (the duplicate) now redirects to A (the survivor).
public struct MergeChange: PlannedEdit {
    public var survivor: Entity
    public var duplicate: Entity
    /// What of the duplicate (and of entities merged into it before) now shows under the survivor.
    public var aliasCount: Int
    public var mentionCount: Int
    public var relationCount: Int
    public var noteCount: Int

    public var summary: String { "merge \(duplicate.editLabel) into \(survivor.editLabel)" }
    public var changesNothing: Bool { false }
}

/// `delete ENTITY`: the entity becomes a tombstone.
public struct DeleteChange: PlannedEdit {
    public var entity: Entity
    /// Live relations to or from it, now hidden (kept, so an undo or a sync brings them back).
    public var hiddenRelationCount: Int

    public var summary: String { "delete \(entity.kind.rawValue) \(entity.editLabel)" }
    public var changesNothing: Bool { false }
}
