import GRDB

/// A body, person, instrument, event or State in the knowledge graph.
///
/// Invariants: `id` starts with `kind.rawValue + ":"`. Extracted entities get ids
/// derived from their kind and canonical name, so two machines that build the same
/// knowledge base agree on them; entities added by hand get random ids. Entities are
/// never removed from the table: `delete` sets `isDeleted` (a tombstone that syncs),
/// and `merge A B` sets B's `mergedInto` to A so B's id keeps resolving to A.
public struct Entity: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "entities"

    public var id: String
    public var kind: EntityKind
    public var name: String
    public var summary: String?
    /// ISO 8601 date, or interval `start/end` (kept in one field so a date range merges as one unit).
    public var date: String?
    public var place: String?
    public var mergedInto: String?
    public var isDeleted: Bool

    enum CodingKeys: String, CodingKey {
        case id, kind, name, summary, date, place
        case mergedInto = "merged_into"
        case isDeleted = "is_deleted"
    }

    public init(
        id: String, kind: EntityKind, name: String, summary: String? = nil, date: String? = nil,
        place: String? = nil, mergedInto: String? = nil, isDeleted: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.summary = summary
        self.date = date
        self.place = place
        self.mergedInto = mergedInto
        self.isDeleted = isDeleted
    }
}

extension EntityKind: DatabaseValueConvertible {}
