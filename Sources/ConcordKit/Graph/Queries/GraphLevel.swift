import GRDB

/// The entities one level of a neighbourhood walk reaches, and the relation that reaches each.
///
/// The entities of the level before are expanded in order; a new entity belongs to the
/// first of them related to it, through the relation with the first predicate; when that
/// entity is related to it by several relations with that predicate (one per paragraph
/// stating it), the one stated earliest in document order (source, then paragraph) is
/// cited, one added by hand last, then the first by relation id.
struct GraphLevel {
    /// The entities reached, in the order they were first reached.
    private(set) var order: [String] = []
    private var parents: [String: String] = [:]
    /// The relations that tie for reaching each entity (same parent, same first predicate).
    private var candidates: [String: [GraphAdjacency.Edge]] = [:]

    /// How many entities the level has reached so far.
    var count: Int { order.count }

    /// Notes the relations `edges` of `parent` (expanded after every entity noted before it)
    /// that lead to entities not in `reached`.
    mutating func add(_ edges: [GraphAdjacency.Edge], from parent: String, skipping reached: [String: [GraphAdjacency.Edge]]) {
        for edge in edges where reached[edge.neighbourID] == nil {
            let id = edge.neighbourID
            guard let first = candidates[id]?.first else {
                parents[id] = parent
                candidates[id] = [edge]
                order.append(id)
                continue
            }
            guard parents[id] == parent, edge.predicate <= first.predicate else { continue }
            if edge.predicate < first.predicate { candidates[id] = [edge] } else { candidates[id]?.append(edge) }
        }
    }

    /// Each entity reached, with the entity it was reached from and the relation cited; the
    /// places of tied relations are read into `adjacency` to choose.
    func chosen(using adjacency: inout GraphAdjacency, in db: Database) throws -> [(id: String, parent: String, edge: GraphAdjacency.Edge)] {
        try adjacency.loadPlaces(candidates.values.filter { $0.count > 1 }.joined().compactMap(\.paragraphID), in: db)
        return order.compactMap { id in
            guard let edges = candidates[id], let parent = parents[id],
                  let best = edges.count == 1 ? edges.first : edges.min(by: { Self.stated($0, before: $1, places: adjacency) })
            else { return nil }
            return (id, parent, best)
        }
    }

    /// Whether `lhs` is stated before `rhs`: by source and paragraph, by hand last, then by relation id.
    static func stated(_ lhs: GraphAdjacency.Edge, before rhs: GraphAdjacency.Edge, places: GraphAdjacency) -> Bool {
        switch (places.place(of: lhs), places.place(of: rhs)) {
        case let (left?, right?) where (left.sourceName, left.ordinal) != (right.sourceName, right.ordinal):
            return (left.sourceName, left.ordinal) < (right.sourceName, right.ordinal)
        case (.some, nil): return true
        case (nil, .some): return false
        default: return lhs.relationID < rhs.relationID
        }
    }
}
