import GRDB

/// A free-form attribute of an entity beyond the fixed columns (`set ENTITY FIELD VALUE`),
/// e.g. `start_time`, `role`, `symbol`. One row per field, so each field merges on its own.
public struct EntityAttribute: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "entity_attributes"

    public var entityID: String
    public var name: String
    public var value: String

    enum CodingKeys: String, CodingKey {
        case name, value
        case entityID = "entity_id"
    }

    public init(entityID: String, name: String, value: String) {
        self.entityID = entityID
        self.name = name
        self.value = value
    }
}
