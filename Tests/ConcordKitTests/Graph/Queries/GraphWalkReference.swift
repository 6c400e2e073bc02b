import GRDB
@testable import ConcordKit

/// A neighbourhood computed the plain way, for comparison with ``GraphWalk``: every relation,
/// entity and paragraph is read once, then the documented rules are applied in memory.
/// From the start all its relations are followed; from any other entity the first
/// ``GraphWalk/followLimit`` by predicate then stored order (both directions together); a new
/// entity is reached from the first entity of the level before related to it, by the first
/// predicate, citing the relation stated earliest (source, paragraph; by hand last; then id).
struct ReferenceWalk {
    struct Row {
        var rowID: Int64, id: String, subject: String, predicate: String, object: String, paragraph: String?
    }

    struct Edge {
        var rowID: Int64, id: String, predicate: String, direction: String, neighbour: String, paragraph: String?
    }

    /// Reached entities as `id depth predicates/directions relation-ids place`.
    struct Result {
        var reached: [String]
        var cut: [String]
    }

    var rows: [Row] = []
    var canonical: [String: String] = [:]
    var deleted: Set<String> = []
    var names: [String: String] = [:]
    var places: [String: (source: String, ordinal: Int, label: String)] = [:]

    init(in db: Database) throws {
        for row in try GRDB.Row.fetchAll(db, sql: "SELECT rowid, id, subject_id, predicate, object_id, paragraph_id FROM relations WHERE is_deleted = 0") {
            rows.append(Row(rowID: row[0], id: row[1], subject: row[2], predicate: row[3], object: row[4], paragraph: row[5]))
        }
        for row in try GRDB.Row.fetchAll(db, sql: "SELECT id, name, merged_into, is_deleted FROM entities") {
            names[row[0]] = row[1]
            if let target: String = row[2] { canonical[row[0]] = target }
            if row[3] as Bool { deleted.insert(row[0]) }
        }
        let placeRows = try GRDB.Row.fetchAll(db, sql: "SELECT \(ParagraphPlace.columns) FROM paragraphs p JOIN documents d ON d.id = p.document_id")
        for row in placeRows {
            guard let place = ParagraphPlace(row: row, startingAt: 0) else { continue }
            places[place.paragraphID] = (place.sourceName, place.ordinal, place.label)
        }
    }

    func owner(_ id: String) -> String { canonical[id] ?? id }

    /// The relations of the member id `member` in (predicate, rowid) order, self-relations and deleted neighbours included.
    func relations(of member: String) -> [Edge] {
        var edges: [Edge] = []
        for row in rows {
            if row.subject == member {
                edges.append(Edge(rowID: row.rowID, id: row.id, predicate: row.predicate, direction: "out", neighbour: owner(row.object), paragraph: row.paragraph))
            }
            if row.object == member {
                edges.append(Edge(rowID: row.rowID, id: row.id, predicate: row.predicate, direction: "in", neighbour: owner(row.subject), paragraph: row.paragraph))
            }
        }
        return edges.sorted { ($0.predicate, $0.rowID) < ($1.predicate, $1.rowID) }
    }

    /// The relations followed from `id` (every one when `all`), and whether it has more than were read.
    func followed(_ id: String, all: Bool) -> (edges: [Edge], cut: Bool) {
        let live = { (edge: Edge) in edge.neighbour != id && !deleted.contains(edge.neighbour) }
        let members = [id] + canonical.filter { $0.value == id }.map(\.key).sorted()
        if all { return (members.flatMap { relations(of: $0) }.filter(live), false) }
        // Each member's first limit + 1 relations are read; more than `limit` in all means the entity is cut.
        let read = members.flatMap { relations(of: $0).prefix(GraphWalk.followLimit + 1) }
            .sorted { ($0.predicate, $0.rowID) < ($1.predicate, $1.rowID) }
        return (Array(read.filter(live).prefix(GraphWalk.followLimit)), read.count > GraphWalk.followLimit)
    }

    func stated(_ lhs: Edge, before rhs: Edge) -> Bool {
        switch (lhs.paragraph.flatMap { places[$0] }, rhs.paragraph.flatMap { places[$0] }) {
        case let (left?, right?) where (left.source, left.ordinal) != (right.source, right.ordinal):
            return (left.source, left.ordinal) < (right.source, right.ordinal)
        case (.some, nil): return true
        case (nil, .some): return false
        default: return lhs.id < rhs.id
        }
    }

    func neighbourhood(of start: String, depth: Int) -> Result {
        var chains: [String: [Edge]] = [start: []]
        var order: [String] = [], frontier = [start], cut: [String] = []
        for level in 1...depth where !frontier.isEmpty {
            var best: [String: (parent: String, edge: Edge)] = [:]
            var next: [String] = []
            for id in frontier {
                if level > 1 && order.count + next.count >= GraphWalk.reachLimit { break }
                let (edges, isCut) = followed(id, all: level == 1)
                if isCut { cut.append(id) }
                for edge in edges where chains[edge.neighbour] == nil {
                    guard let current = best[edge.neighbour] else {
                        best[edge.neighbour] = (id, edge)
                        next.append(edge.neighbour)
                        continue
                    }
                    guard current.parent == id else { continue }
                    if edge.predicate < current.edge.predicate
                        || (edge.predicate == current.edge.predicate && stated(edge, before: current.edge)) {
                        best[edge.neighbour] = (id, edge)
                    }
                }
            }
            for id in next { chains[id] = chains[best[id]!.parent]! + [best[id]!.edge] }
            next.sort {
                let left = chains[$0]!.map(\.predicate).joined(separator: " "), right = chains[$1]!.map(\.predicate).joined(separator: " ")
                return (left, names[$0]!, $0) < (right, names[$1]!, $1)
            }
            order += next
            frontier = next
        }
        return Result(reached: order.map { summary(id: $0, chain: chains[$0]!) }, cut: cut)
    }

    func summary(id: String, chain: [Edge]) -> String {
        let place = chain.last?.paragraph.flatMap { places[$0]?.label } ?? "by hand"
        return "\(id) \(chain.count) " + chain.map { "\($0.predicate)/\($0.direction)/\($0.id)" }.joined(separator: " ") + " " + place
    }

    static func summary(_ reached: GraphWalk.Reached) -> String {
        let steps = reached.steps.map { "\($0.predicate)/\($0.direction.rawValue)/\($0.relationID)" }.joined(separator: " ")
        return "\(reached.entity.id) \(reached.depth) " + steps + " " + (reached.steps.last?.place?.label ?? "by hand")
    }
}
