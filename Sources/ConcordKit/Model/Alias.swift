import GRDB

/// Another name an entity goes by ("OHCHR", "Mr. Lewis", "the Convention").
///
/// `normalizedAlias` is the lookup key: case-folded, accents removed, spacing
/// collapsed (see ``NameNormalizer``).
public struct Alias: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "aliases"

    public var entityID: String
    public var alias: String
    public var normalizedAlias: String

    enum CodingKeys: String, CodingKey {
        case alias
        case entityID = "entity_id"
        case normalizedAlias = "normalized_alias"
    }

    public init(entityID: String, alias: String) {
        self.entityID = entityID
        self.alias = alias
        self.normalizedAlias = NameNormalizer.normalize(alias)
    }
}
