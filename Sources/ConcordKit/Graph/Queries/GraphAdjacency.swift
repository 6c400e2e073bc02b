import GRDB

/// One-hop lookups over live relations for graph walks: batched, canonical, indexed.
///
/// An entity's relations are those whose subject or object is the entity or one merged
/// into it (its group); the entity at the other end counts as its canonical entity, and
/// relations to a deleted entity, deleted relations and relations of an entity with
/// itself are left out. The merge redirects are read once (``EntityGroup/redirectsSQL``,
/// one row per merged entity), then every lookup is an `IN (…)` list on
/// `relations_by_subject` / `relations_by_object`, many entities per statement, so a
/// walk costs a few statements per level instead of a recursive CTE that enumerates
/// every chain. Statements are prepared once per connection (``GraphBatches``).
struct GraphAdjacency {
    /// A relation leaving an entity, seen from that entity.
    struct Edge: Hashable {
        var relationID: String
        var predicate: String
        var direction: EntityPage.Link.Direction
        /// The canonical entity at the other end.
        var neighbourID: String
        var paragraphID: String?

        /// The order chains are compared in (as the old walk's JSON text did): relation, direction, entity.
        static func precedes(_ lhs: Edge, _ rhs: Edge) -> Bool {
            (lhs.relationID, lhs.direction.rawValue, lhs.neighbourID) < (rhs.relationID, rhs.direction.rawValue, rhs.neighbourID)
        }
    }

    private var canonicalByMember: [String: String] = [:]
    private var membersByCanonical: [String: [String]] = [:]
    /// Deleted entities (tombstones), read once through the partial index `entities_deleted`.
    private var deleted: Set<String> = []
    /// Live entities by id, cached across lookups (`nil`: missing or deleted).
    private(set) var entities: [String: Entity?] = [:]
    /// Where paragraphs are, by paragraph id, cached across lookups (`nil`: no such paragraph).
    private(set) var places: [String: ParagraphPlace?] = [:]

    init(in db: Database) throws {
        let redirects = try db.cachedStatement(sql: "WITH RECURSIVE \(EntityGroup.redirectsSQL) SELECT id, canonical_id FROM entity_redirect")
        let rows = try Row.fetchCursor(redirects)
        while let row = try rows.next() {
            let member: String = row[0], canonical: String = row[1]
            canonicalByMember[member] = canonical
            membersByCanonical[canonical, default: []].append(member)
        }
        deleted = Set(try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM entities WHERE is_deleted = 1")))
    }

    /// The canonical id of `id` (itself unless it was merged).
    func canonical(_ id: String) -> String { canonicalByMember.isEmpty ? id : canonicalByMember[id] ?? id }

    /// The live canonical entity `id`, or `nil` when it is missing or deleted.
    mutating func entity(_ id: String, in db: Database) throws -> Entity? {
        if entities[id] == nil { try load([id], in: db) }
        return entities[id] ?? nil
    }

    /// Reads every entity of `ids` not read yet, in batches.
    mutating func load(_ ids: some Sequence<String>, in db: Database) throws {
        let missing = Array(Set(ids.filter { entities[$0] == nil })).sorted()
        guard !missing.isEmpty else { return }
        for id in missing { entities[id] = .some(nil) }
        let sql = { (marks: String) in "SELECT \(EntityColumns.select("e")) FROM entities e WHERE e.id IN (\(marks))" }
        try GraphBatches.forEachRow(of: missing, in: db, sql: sql) { row in
            let entity = EntityColumns.entity(in: row, startingAt: 0)
            if !entity.isDeleted { entities[entity.id] = entity }
        }
    }

    /// Reads where every paragraph of `ids` not read yet is, in batches.
    mutating func loadPlaces(_ ids: some Sequence<String>, in db: Database) throws {
        let missing = Array(Set(ids.filter { places[$0] == nil })).sorted()
        guard !missing.isEmpty else { return }
        for id in missing { places[id] = .some(nil) }
        let sql = { (marks: String) in
            "SELECT \(ParagraphPlace.columns) FROM paragraphs p JOIN documents d ON d.id = p.document_id WHERE p.id IN (\(marks))"
        }
        try GraphBatches.forEachRow(of: missing, in: db, sql: sql) { row in
            if let place = ParagraphPlace(row: row, startingAt: 0) { places[place.paragraphID] = place }
        }
    }

    /// Where the paragraph stating `edge` is, once read with ``loadPlaces(_:in:)`` (`nil` for a relation added by hand).
    func place(of edge: Edge) -> ParagraphPlace? { edge.paragraphID.flatMap { places[$0] ?? nil } }

    /// Every live relation of each (canonical) entity in `ids`, to live neighbours.
    func edges(of ids: [String], in db: Database) throws -> [String: [Edge]] {
        let ownerOfMember = owners(of: ids)
        var raw: [(owner: String, edge: Edge)] = []
        let sql = { (marks: String) in
            """
            SELECT id, predicate, subject_id, object_id, paragraph_id, 'out' FROM relations
            WHERE subject_id IN (\(marks)) AND is_deleted = 0
            UNION ALL
            SELECT id, predicate, object_id, subject_id, paragraph_id, 'in' FROM relations
            WHERE object_id IN (\(marks)) AND is_deleted = 0
            """
        }
        try GraphBatches.forEachRow(of: Array(ownerOfMember.keys).sorted(), repeats: 2, in: db, sql: sql) { row in
            guard let owner = ownerOfMember[row[2] as String] else { return }
            raw.append((owner, edge(row)))
        }
        return live(raw)
    }

    /// The canonical ids of the live neighbours of each (canonical) entity in `ids`, read from
    /// the indexes of live relations by both ends alone (``RelationPairIndexSchema``): no table
    /// row is read, which is what makes a hub's thousands of neighbours affordable. A neighbour
    /// related by several relations is listed once per relation.
    func neighbourIDs(of ids: [String], in db: Database) throws -> [String: [String]] {
        let ownerOfMember = owners(of: ids)
        var result: [String: [String]] = [:]
        let sql = { (marks: String) in
            """
            SELECT subject_id, object_id FROM relations WHERE subject_id IN (\(marks)) AND is_deleted = 0
            UNION ALL
            SELECT object_id, subject_id FROM relations WHERE object_id IN (\(marks)) AND is_deleted = 0
            """
        }
        try GraphBatches.forEachRow(of: Array(ownerOfMember.keys).sorted(), repeats: 2, in: db, sql: sql) { row in
            let near: String = row[0], far: String = row[1]
            guard let owner = ownerOfMember[near] else { return }
            let neighbour = canonical(far)
            if neighbour != owner && !isDeleted(neighbour) { result[owner, default: []].append(neighbour) }
        }
        return result
    }

    /// Every live relation between the canonical entity `id` and any of `neighbours` (canonical,
    /// live, other than `id`), seen from `id`: looked up by both ends in the pair indexes.
    func edges(from id: String, to neighbours: [String], in db: Database) throws -> [Edge] {
        let farOwners = owners(of: neighbours)
        var found: [Edge] = []
        let sql = { (near: String, far: String) in
            """
            SELECT id, predicate, subject_id, object_id, paragraph_id, 'out' FROM relations
            WHERE subject_id IN (\(near)) AND object_id IN (\(far)) AND is_deleted = 0
            UNION ALL
            SELECT id, predicate, object_id, subject_id, paragraph_id, 'in' FROM relations
            WHERE object_id IN (\(near)) AND subject_id IN (\(far)) AND is_deleted = 0
            """
        }
        try GraphBatches.forEachRow(pairing: members(of: id), with: Array(farOwners.keys).sorted(), in: db, sql: sql) { row in
            let edge = edge(row)
            if farOwners[edge.neighbourID] != nil { found.append(edge) }
        }
        return found
    }

    /// Every pair of canonical entities, one from `left` and one from `right` (canonical, live),
    /// related by a live relation in either direction: one lookup per pair of ids in the pair
    /// indexes, whatever the entities' numbers of relations. Each pair is listed once.
    func relatedPairs(_ left: [String], _ right: [String], in db: Database) throws -> [(left: String, right: String)] {
        let leftOwners = owners(of: left), rightOwners = owners(of: right)
        var pairs: [(left: String, right: String)] = []
        var seen: Set<[String]> = []
        let sql = { (left: String, right: String) in
            """
            SELECT subject_id, object_id FROM relations
            WHERE subject_id IN (\(left)) AND object_id IN (\(right)) AND is_deleted = 0
            UNION
            SELECT object_id, subject_id FROM relations
            WHERE object_id IN (\(left)) AND subject_id IN (\(right)) AND is_deleted = 0
            """
        }
        let leftMembers = Array(leftOwners.keys).sorted(), rightMembers = Array(rightOwners.keys).sorted()
        try GraphBatches.forEachRow(pairing: leftMembers, with: rightMembers, in: db, sql: sql) { row in
            guard let near = leftOwners[row[0] as String], let far = rightOwners[row[1] as String], near != far,
                  seen.insert([near, far]).inserted
            else { return }
            pairs.append((near, far))
        }
        return pairs
    }

    /// `id` (canonical) and the ids merged into it.
    private func members(of id: String) -> [String] { [id] + (membersByCanonical[id] ?? []) }

    /// The canonical entity each member id of `ids` (canonical) stands for, by member id.
    private func owners(of ids: [String]) -> [String: String] {
        var ownerOfMember: [String: String] = [:]
        for id in ids {
            for member in members(of: id) { ownerOfMember[member] = id }
        }
        return ownerOfMember
    }

    /// Whether `id` is a deleted entity (a cheap test when nothing is deleted).
    private func isDeleted(_ id: String) -> Bool { !deleted.isEmpty && deleted.contains(id) }

    /// How many relations (live or not) the entities `ids` and those merged into them have, counting
    /// no further than `limit` (then the result is `limit`): index-only counts on `relations_by_subject` /
    /// `relations_by_object`, to choose the cheaper side to expand without counting all of a hub's relations.
    func relationCount(of ids: [String], upTo limit: Int = .max, in db: Database) throws -> Int {
        var total = 0
        for batch in GraphBatches.batches(ids.flatMap { members(of: $0) }) where total < limit {
            let room = Int64(min(limit - total, Int(Int32.max)))
            let subjects = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT count(*) FROM (SELECT 1 FROM relations WHERE subject_id IN (\(batch.marks)) LIMIT ?)"),
                arguments: StatementArguments(batch.ids + [room])) ?? 0
            total += subjects
            guard subjects < room else { break }
            total += try Int.fetchOne(
                db.cachedStatement(sql: "SELECT count(*) FROM (SELECT 1 FROM relations WHERE object_id IN (\(batch.marks)) LIMIT ?)"),
                arguments: StatementArguments(batch.ids + [room - Int64(subjects)])) ?? 0
        }
        return min(total, limit)
    }

    /// At most `limit` live relations of the canonical entity `id`, first by predicate then in
    /// stored order (rowid), both directions merged, and whether it has more: the two index
    /// ranges are merged in that order as they are read, so a hub's thousands of relations
    /// are neither sorted nor read beyond the first `limit + 1`.
    func edges(of id: String, limit: Int, in db: Database) throws -> (edges: [Edge], hasMore: Bool) {
        let statement = try db.cachedStatement(sql: Self.limitedEdgesSQL(near: "subject_id", far: "object_id", direction: "out"))
        let group = members(of: id)
        var raw: [(predicate: String, rowID: Int64, owner: String, edge: Edge)] = []
        for member in group {
            let rows = try Row.fetchCursor(statement, arguments: [member, limit + 1])
            while let row = try rows.next() {
                let edge = edge(row)
                raw.append((edge.predicate, row[6], id, edge))
            }
        }
        if group.count > 1 { raw.sort { ($0.predicate, $0.rowID) < ($1.predicate, $1.rowID) } }
        let found = live(raw.map { ($0.owner, $0.edge) })[id] ?? []
        return (Array(found.prefix(limit)), raw.count > limit)
    }

    /// The first relations of one entity, both directions merged in `relations_by_subject` /
    /// `relations_by_object` order (predicate, then rowid) — the side named by `near`, `far` and
    /// `direction` first, then its mirror — without sorting a hub's thousands of relations.
    /// Arguments: id, limit. Columns: id, predicate, near, far, paragraph_id, direction, rowid.
    static func limitedEdgesSQL(near: String, far: String, direction: String) -> String {
        let mirror = direction == "out" ? "in" : "out"
        return """
            SELECT id, predicate, \(near), \(far), paragraph_id, '\(direction)', rowid FROM relations
            WHERE \(near) = ?1 AND is_deleted = 0
            UNION ALL
            SELECT id, predicate, \(far), \(near), paragraph_id, '\(mirror)', rowid FROM relations
            WHERE \(far) = ?1 AND is_deleted = 0
            ORDER BY 2, 7 LIMIT ?2
            """
    }

    /// An edge from a row `id, predicate, near, far, paragraph_id, direction`.
    private func edge(_ row: Row) -> Edge {
        Edge(
            relationID: row[0], predicate: row[1], direction: EntityPage.Link.Direction(rawValue: row[5]) ?? .out,
            neighbourID: canonical(row[3]), paragraphID: row[4])
    }

    /// The edges grouped by owner, without self-relations and relations to deleted entities.
    /// (Relations reference existing entities through foreign keys, so live means not deleted.)
    private func live(_ raw: [(owner: String, edge: Edge)]) -> [String: [Edge]] {
        var result: [String: [Edge]] = [:]
        for (owner, edge) in raw where edge.neighbourID != owner && !isDeleted(edge.neighbourID) {
            result[owner, default: []].append(edge)
        }
        return result
    }
}
