import GRDB

/// Events in date order: all of them, or those related to one entity.
///
/// Dates are ISO 8601 text (`2011-04-07`, or an interval `2011-04-04/2011-04-08`),
/// so they sort as strings; undated events come last, by name.
public struct Timeline: Sendable {
    /// One event, with how it is tied to the entity asked about (empty for the whole timeline).
    public struct Entry: Hashable, Sendable {
        public var event: Entity
        /// Predicates linking the event to the entity, e.g. `held_by`, sorted.
        public var predicates: [String]
    }

    public init() {}

    /// Events (canonical, live) in date order; only those related to `entity` when given.
    public func events(relatedTo entity: Entity? = nil, limit: Int = 500, in db: Database) throws -> [Entry] {
        guard let entity else {
            let events = try Entity.fetchAll(
                db,
                sql: """
                    SELECT * FROM entities WHERE kind = 'event' AND is_deleted = 0 AND merged_into IS NULL
                    ORDER BY date IS NULL, date, name, id LIMIT ?
                    """,
                arguments: [limit])
            return events.map { Entry(event: $0, predicates: []) }
        }
        let group = try EntityGroup.of(entity, in: db)
        var entries: [String: Entry] = [:]
        for link in try EntityPageQuery().links(of: group, in: db) where link.other.kind == .event {
            entries[link.other.id, default: Entry(event: link.other, predicates: [])].predicates.append(link.predicate)
        }
        if entity.kind == .event { entries[entity.id] = Entry(event: entity, predicates: ["itself"]) }
        return entries.values
            .map { Entry(event: $0.event, predicates: Array(Set($0.predicates)).sorted()) }
            .sorted { lhs, rhs in
                switch (lhs.event.date, rhs.event.date) {
                case let (left?, right?) where left != right: return left < right
                case (.some, nil): return true
                case (nil, .some): return false
                default: return (lhs.event.name, lhs.event.id) < (rhs.event.name, rhs.event.id)
                }
            }
            .prefix(limit).map { $0 }
    }
}
