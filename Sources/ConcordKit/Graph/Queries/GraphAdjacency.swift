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
/// every chain.
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

    /// Entities per statement (well under SQLite's limit on parameters).
    static let batchSize = 400

    private var canonicalByMember: [String: String] = [:]
    private var membersByCanonical: [String: [String]] = [:]
    /// Deleted entities (tombstones), read once through the partial index `entities_deleted`.
    private var deleted: Set<String> = []
    /// Live entities by id, cached across lookups (`nil`: missing or deleted).
    private(set) var entities: [String: Entity?] = [:]

    init(in db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "WITH RECURSIVE \(EntityGroup.redirectsSQL) SELECT id, canonical_id FROM entity_redirect")
        for row in rows {
            let member: String = row[0], canonical: String = row[1]
            canonicalByMember[member] = canonical
            membersByCanonical[canonical, default: []].append(member)
        }
        deleted = Set(try String.fetchAll(db, sql: "SELECT id FROM entities WHERE is_deleted = 1"))
    }

    /// The canonical id of `id` (itself unless it was merged).
    func canonical(_ id: String) -> String { canonicalByMember.isEmpty ? id : canonicalByMember[id] ?? id }

    /// The live canonical entity `id`, or `nil` when it is missing or deleted.
    mutating func entity(_ id: String, in db: Database) throws -> Entity? {
        try load([id], in: db)
        return entities[id] ?? nil
    }

    /// Reads every entity of `ids` not read yet, in batches.
    mutating func load(_ ids: some Sequence<String>, in db: Database) throws {
        let missing = Array(Set(ids.filter { entities[$0] == nil }))
        for start in stride(from: 0, to: missing.count, by: Self.batchSize) {
            let batch = Array(missing[start..<min(start + Self.batchSize, missing.count)])
            for id in batch { entities[id] = .some(nil) }
            for entity in try Entity.fetchAll(db, keys: batch) where !entity.isDeleted {
                entities[entity.id] = entity
            }
        }
    }

    /// Every live relation of each (canonical) entity in `ids`, to live neighbours.
    func edges(of ids: [String], in db: Database) throws -> [String: [Edge]] {
        var ownerOfMember: [String: String] = [:]
        for id in ids {
            ownerOfMember[id] = id
            for member in membersByCanonical[id] ?? [] { ownerOfMember[member] = id }
        }
        let members = Array(ownerOfMember.keys).sorted()
        var raw: [(owner: String, edge: Edge)] = []
        for start in stride(from: 0, to: members.count, by: Self.batchSize) {
            let batch = Array(members[start..<min(start + Self.batchSize, members.count)])
            let marks = databaseQuestionMarks(count: batch.count)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, predicate, subject_id, object_id, paragraph_id, 'out' FROM relations
                    WHERE subject_id IN (\(marks)) AND is_deleted = 0
                    UNION ALL
                    SELECT id, predicate, object_id, subject_id, paragraph_id, 'in' FROM relations
                    WHERE object_id IN (\(marks)) AND is_deleted = 0
                    """,
                arguments: StatementArguments(batch + batch))
            for row in rows {
                guard let owner = ownerOfMember[row[2]] else { continue }
                raw.append((owner, edge(row, owner: owner)))
            }
        }
        return try live(raw, in: db)
    }

    /// The canonical ids of the live neighbours of each (canonical) entity in `ids`, read from
    /// the indexes of live relations by both ends alone (``RelationPairIndexSchema``): no table
    /// row is read, which is what makes a hub's thousands of neighbours affordable. A neighbour
    /// related by several relations is listed once per relation.
    func neighbourIDs(of ids: [String], in db: Database) throws -> [String: [String]] {
        let ownerOfMember = owners(of: ids)
        let members = Array(ownerOfMember.keys).sorted()
        var result: [String: [String]] = [:]
        for start in stride(from: 0, to: members.count, by: Self.batchSize) {
            let batch = Array(members[start..<min(start + Self.batchSize, members.count)])
            let marks = databaseQuestionMarks(count: batch.count)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT subject_id, object_id FROM relations WHERE subject_id IN (\(marks)) AND is_deleted = 0
                    UNION ALL
                    SELECT object_id, subject_id FROM relations WHERE object_id IN (\(marks)) AND is_deleted = 0
                    """,
                arguments: StatementArguments(batch + batch))
            while let row = try rows.next() {
                let near: String = row[0], far: String = row[1]
                guard let owner = ownerOfMember[near] else { continue }
                let neighbour = canonical(far)
                if neighbour != owner && !isDeleted(neighbour) { result[owner, default: []].append(neighbour) }
            }
        }
        return result
    }

    /// Every live relation between the canonical entity `id` and any of `neighbours` (canonical,
    /// live, other than `id`), seen from `id`: looked up by both ends in the pair indexes.
    func edges(from id: String, to neighbours: [String], in db: Database) throws -> [Edge] {
        let near = members(of: id)
        let farOwners = owners(of: neighbours)
        let far = Array(farOwners.keys).sorted()
        let size = max(1, Self.batchSize - near.count)
        var found: [Edge] = []
        for start in stride(from: 0, to: far.count, by: size) {
            let batch = Array(far[start..<min(start + size, far.count)])
            let nearMarks = databaseQuestionMarks(count: near.count)
            let farMarks = databaseQuestionMarks(count: batch.count)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, predicate, subject_id, object_id, paragraph_id, 'out' FROM relations
                    WHERE subject_id IN (\(nearMarks)) AND object_id IN (\(farMarks)) AND is_deleted = 0
                    UNION ALL
                    SELECT id, predicate, object_id, subject_id, paragraph_id, 'in' FROM relations
                    WHERE object_id IN (\(nearMarks)) AND subject_id IN (\(farMarks)) AND is_deleted = 0
                    """,
                arguments: StatementArguments(near + batch + near + batch))
            found += rows.map { edge($0, owner: id) }.filter { farOwners[$0.neighbourID] != nil }
        }
        return found
    }

    /// Every pair of canonical entities, one from `left` and one from `right` (canonical, live),
    /// related by a live relation in either direction: one lookup per pair of ids in the pair
    /// indexes, whatever the entities' numbers of relations. Each pair is listed once.
    func relatedPairs(_ left: [String], _ right: [String], in db: Database) throws -> [(left: String, right: String)] {
        let leftOwners = owners(of: left), rightOwners = owners(of: right)
        let leftMembers = Array(leftOwners.keys).sorted(), rightMembers = Array(rightOwners.keys).sorted()
        var pairs: [(left: String, right: String)] = []
        var seen: Set<[String]> = []
        let size = Self.batchSize / 2
        for leftStart in stride(from: 0, to: leftMembers.count, by: size) {
            let leftBatch = Array(leftMembers[leftStart..<min(leftStart + size, leftMembers.count)])
            for rightStart in stride(from: 0, to: rightMembers.count, by: size) {
                let rightBatch = Array(rightMembers[rightStart..<min(rightStart + size, rightMembers.count)])
                let leftMarks = databaseQuestionMarks(count: leftBatch.count)
                let rightMarks = databaseQuestionMarks(count: rightBatch.count)
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT subject_id, object_id FROM relations
                        WHERE subject_id IN (\(leftMarks)) AND object_id IN (\(rightMarks)) AND is_deleted = 0
                        UNION
                        SELECT object_id, subject_id FROM relations
                        WHERE object_id IN (\(leftMarks)) AND subject_id IN (\(rightMarks)) AND is_deleted = 0
                        """,
                    arguments: StatementArguments(leftBatch + rightBatch + leftBatch + rightBatch))
                for row in rows {
                    guard let near = leftOwners[row[0] as String], let far = rightOwners[row[1] as String], near != far,
                          seen.insert([near, far]).inserted
                    else { continue }
                    pairs.append((near, far))
                }
            }
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
        let all = ids.flatMap { members(of: $0) }
        var total = 0
        for start in stride(from: 0, to: all.count, by: Self.batchSize) where total < limit {
            let batch = Array(all[start..<min(start + Self.batchSize, all.count)])
            let marks = databaseQuestionMarks(count: batch.count)
            let room = Int64(min(limit - total, Int(Int32.max)))
            let subjects = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM (SELECT 1 FROM relations WHERE subject_id IN (\(marks)) LIMIT ?)",
                arguments: StatementArguments(batch + [room])) ?? 0
            total += subjects
            guard subjects < room else { break }
            total += try Int.fetchOne(
                db, sql: "SELECT count(*) FROM (SELECT 1 FROM relations WHERE object_id IN (\(marks)) LIMIT ?)",
                arguments: StatementArguments(batch + [room - Int64(subjects)])) ?? 0
        }
        return min(total, limit)
    }

    /// At most `limit` live relations of the canonical entity `id`, first by predicate then
    /// in stored order (index order: no sort of a hub's relations), and whether it has more.
    func edges(of id: String, limit: Int, in db: Database) throws -> (edges: [Edge], hasMore: Bool) {
        var raw: [(owner: String, edge: Edge)] = []
        for member in [id] + (membersByCanonical[id] ?? []) {
            for (near, far, direction) in [("subject_id", "object_id", "out"), ("object_id", "subject_id", "in")] {
                // Cached: a neighbourhood runs these two statements for each entity it expands.
                let statement = try db.cachedStatement(sql: Self.limitedEdgesSQL(near: near, far: far, direction: direction))
                let rows = try Row.fetchAll(statement, arguments: [member, limit + 1])
                raw += rows.map { (id, edge($0, owner: id)) }
            }
        }
        let found = try live(raw, in: db)[id] ?? []
        let ordered = found.sorted { ($0.predicate, $0.relationID) < ($1.predicate, $1.relationID) }
        return (Array(ordered.prefix(limit)), raw.count > limit)
    }

    /// The first relations of one entity on one side, in `relations_by_subject` / `relations_by_object`
    /// order (predicate, then rowid), so a hub's thousands of relations are not sorted. Arguments: id, limit.
    static func limitedEdgesSQL(near: String, far: String, direction: String) -> String {
        """
        SELECT id, predicate, \(near), \(far), paragraph_id, '\(direction)' FROM relations
        WHERE \(near) = ? AND is_deleted = 0 ORDER BY predicate, rowid LIMIT ?
        """
    }

    /// An edge from a row `id, predicate, near, far, paragraph_id, direction`.
    private func edge(_ row: Row, owner: String) -> Edge {
        Edge(
            relationID: row[0], predicate: row[1], direction: EntityPage.Link.Direction(rawValue: row[5]) ?? .out,
            neighbourID: canonical(row[3]), paragraphID: row[4])
    }

    /// The edges grouped by owner, without self-relations and relations to deleted entities.
    /// (Relations reference existing entities through foreign keys, so live means not deleted.)
    private func live(_ raw: [(owner: String, edge: Edge)], in db: Database) throws -> [String: [Edge]] {
        var result: [String: [Edge]] = [:]
        for (owner, edge) in raw where edge.neighbourID != owner && !deleted.contains(edge.neighbourID) {
            result[owner, default: []].append(edge)
        }
        return result
    }
}
