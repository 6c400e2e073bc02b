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
            let events = try Entity.fetchAll(db, sql: Self.allEventsSQL, arguments: [limit])
            return events.map { Entry(event: $0, predicates: []) }
        }
        let group = try EntityGroup.of(entity, in: db)
        var entries: [String: Entry] = [:]
        for link in try EntityPageQuery().links(of: group, in: db) where link.other.kind == .event {
            if entries[link.other.id] == nil { entries[link.other.id] = Entry(event: try Self.filledIn(link.other, in: db), predicates: []) }
            entries[link.other.id]?.predicates.append(link.predicate)
        }
        if entity.kind == .event { entries[entity.id] = Entry(event: try Self.filledIn(entity, in: db), predicates: ["itself"]) }
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

    /// Live canonical events, with the date and place of an entity merged into them when they have none.
    static let allEventsSQL = """
        WITH RECURSIVE \(EntityGroup.redirectsSQL),
        merged(id, date, place) AS (
          SELECT r.canonical_id, min(m.date), min(m.place) FROM entity_redirect r JOIN entities m ON m.id = r.id
          WHERE m.is_deleted = 0 GROUP BY r.canonical_id)
        SELECT * FROM (
          SELECT e.id, e.kind, e.name, e.summary, coalesce(e.date, merged.date) AS date,
                 coalesce(e.place, merged.place) AS place, e.merged_into, e.is_deleted
          FROM entities e LEFT JOIN merged ON merged.id = e.id
          WHERE e.kind = 'event' AND e.is_deleted = 0 AND e.merged_into IS NULL)
        ORDER BY date IS NULL, date, name, id LIMIT ?
        """

    /// `event` with its missing date and place taken from the entities merged into it.
    static func filledIn(_ event: Entity, in db: Database) throws -> Entity {
        guard event.date == nil || event.place == nil else { return event }
        var result = event
        let group = try EntityGroup.of(event, in: db)
        for member in try Entity.fetchAll(db, keys: group.memberIDs.dropFirst()).sorted(by: { $0.id < $1.id }) {
            result.date = result.date ?? member.date
            result.place = result.place ?? member.place
        }
        return result
    }
}
