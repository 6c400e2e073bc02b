import Foundation
import GRDB

/// Breadth-first walks over live relations, in either direction, level by level.
///
/// The walk runs on canonical entities: a relation recorded under a merged entity
/// counts for the entity it was merged into, and deleted relations and entities are
/// not crossed (see ``GraphAdjacency``, which does each level's one-hop lookups in a
/// few indexed statements). Each entity is reached once, by the first chain that gets
/// to it: levels are expanded nearest first, in ``nearerFirst(_:_:)`` order, and of the
/// relations between an entity and the one it is reached from, the first predicate is
/// taken, stated earliest in document order (``GraphLevel``).
///
/// A neighbourhood stays readable and quick around hubs: the start's own relations are
/// all listed, but from every other entity at most ``followLimit`` relations are followed,
/// the first by predicate then in stored order (an entity with more is reported in
/// ``Neighbourhood/cutEntities``), and no entity is
/// expanded once ``reachLimit`` entities have been reached (``Neighbourhood/unexpandedCount``).
/// Paths are found by ``ShortestPath`` (a bidirectional search), without those limits.
public struct GraphWalk: Sendable {
    /// One entity reached, with the chain of steps from the start that reached it.
    public struct Reached: Hashable, Sendable {
        public var entity: Entity
        public var steps: [GraphStep]
        public var depth: Int { steps.count }
    }

    /// The entities around a start, and where the walk was cut short.
    public struct Neighbourhood: Hashable, Sendable {
        /// Nearest first (``GraphWalk/nearerFirst(_:_:)``).
        public var reached: [Reached]
        /// Entities with more than ``GraphWalk/followLimit`` relations: only that many were followed.
        public var cutEntities: [Entity]
        /// Entities reached but not expanded because ``GraphWalk/reachLimit`` was hit.
        public var unexpandedCount: Int
        /// Whether the listing is complete.
        public var isComplete: Bool { cutEntities.isEmpty && unexpandedCount == 0 }
    }

    /// The most relations followed from any entity but the start.
    public static let followLimit = 50
    /// Beyond one step, no entity is expanded once this many entities have been reached.
    public static let reachLimit = 1_000
    /// The deepest walk allowed.
    public static let maximumDepth = 8

    public init() {}

    /// The entities within `depth` steps of `start` (canonical), nearest first.
    public func neighbours(of start: Entity, depth: Int, in db: Database) throws -> [Reached] {
        try neighbourhood(of: start, depth: depth, in: db).reached
    }

    /// The entities within `depth` steps of `start` (canonical), with where hubs cut the walk.
    public func neighbourhood(of start: Entity, depth: Int, in db: Database) throws -> Neighbourhood {
        let depth = try Self.checked(depth)
        var adjacency = try GraphAdjacency(in: db)
        var chains: [String: [GraphAdjacency.Edge]] = [start.id: []]
        var order: [String] = []
        var frontier = [start.id]
        var cut: [String] = []
        var unexpanded = 0
        for level in 1...depth where !frontier.isEmpty {
            var reached = GraphLevel()
            if level == 1 {
                reached.add(try adjacency.edges(of: [start.id], in: db)[start.id] ?? [], from: start.id, skipping: chains)
            } else {
                for (index, id) in frontier.enumerated() {
                    if order.count + reached.count >= Self.reachLimit {
                        unexpanded += frontier.count - index
                        break
                    }
                    let (edges, hasMore) = try adjacency.edges(of: id, limit: Self.followLimit, in: db)
                    if hasMore { cut.append(id) }
                    reached.add(edges, from: id, skipping: chains)
                }
            }
            for (id, parent, edge) in try reached.chosen(using: &adjacency, in: db) {
                chains[id] = (chains[parent] ?? []) + [edge]
            }
            let next = try sorted(reached.order, chains: chains, adjacency: &adjacency, in: db)
            order += next
            frontier = next
        }
        let reached = try Self.reached(order, chains: chains, adjacency: &adjacency, in: db)
        let cutEntities = try cut.compactMap { try adjacency.entity($0, in: db) }
        return Neighbourhood(reached: reached, cutEntities: cutEntities, unexpandedCount: unexpanded)
    }

    /// The shortest chain from `start` to `goal` (both canonical), or `nil` beyond `depth` steps.
    /// Among several shortest chains, the first by relation id, direction and entity id, step by step.
    public func path(from start: Entity, to goal: Entity, depth: Int, in db: Database) throws -> [GraphStep]? {
        if start.id == goal.id { return [] }
        var adjacency = try GraphAdjacency(in: db)
        guard let edges = try ShortestPath(start: start.id, goal: goal.id, depth: try Self.checked(depth)).find(using: &adjacency, in: db)
        else { return nil }
        return try Self.steps(edges, adjacency: &adjacency, in: db)
    }

    /// Nearest first, then by the predicates crossed, the name and the id.
    static func nearerFirst(_ lhs: Reached, _ rhs: Reached) -> Bool {
        if lhs.depth != rhs.depth { return lhs.depth < rhs.depth }
        let left = lhs.steps.map(\.predicate).joined(separator: " "), right = rhs.steps.map(\.predicate).joined(separator: " ")
        if left != right { return left < right }
        return (lhs.entity.name, lhs.entity.id) < (rhs.entity.name, rhs.entity.id)
    }

    static func checked(_ depth: Int) throws -> Int {
        guard (1...maximumDepth).contains(depth) else {
            throw GraphError.invalidValue("depth must be between 1 and \(maximumDepth); got \(depth)")
        }
        return depth
    }

    /// One level's ids in ``nearerFirst(_:_:)`` order (predicates crossed, then name, then id).
    private func sorted(
        _ ids: [String], chains: [String: [GraphAdjacency.Edge]], adjacency: inout GraphAdjacency, in db: Database
    ) throws -> [String] {
        try adjacency.load(ids, in: db)
        let keyed = ids.map { id -> (predicates: String, name: String, id: String) in
            let name = (adjacency.entities[id] ?? nil)?.name ?? ""
            return ((chains[id] ?? []).map(\.predicate).joined(separator: " "), name, id)
        }
        return keyed.sorted { ($0.predicates, $0.name, $0.id) < ($1.predicates, $1.name, $1.id) }.map(\.id)
    }

    /// Full ``Reached`` values for `ids`, their places read in one batch.
    private static func reached(
        _ ids: [String], chains: [String: [GraphAdjacency.Edge]], adjacency: inout GraphAdjacency, in db: Database
    ) throws -> [Reached] {
        try adjacency.loadPlaces(ids.compactMap { chains[$0]?.last?.paragraphID }, in: db)
        return try ids.compactMap { id in
            let steps = try (chains[id] ?? []).map { try step($0, adjacency: &adjacency, in: db) }
            guard let last = steps.last else { return nil }
            return Reached(entity: last.entity, steps: steps)
        }
    }

    /// A path's edges as steps, with entities and places.
    private static func steps(_ edges: [GraphAdjacency.Edge], adjacency: inout GraphAdjacency, in db: Database) throws -> [GraphStep] {
        try adjacency.loadPlaces(edges.compactMap(\.paragraphID), in: db)
        return try edges.map { try step($0, adjacency: &adjacency, in: db) }
    }

    private static func step(_ edge: GraphAdjacency.Edge, adjacency: inout GraphAdjacency, in db: Database) throws -> GraphStep {
        guard let entity = try adjacency.entity(edge.neighbourID, in: db) else {
            throw GraphError.invalidValue("a graph walk reached \(edge.neighbourID), which is no longer in the knowledge base")
        }
        return GraphStep(
            relationID: edge.relationID, predicate: edge.predicate, direction: edge.direction, entity: entity,
            place: adjacency.place(of: edge))
    }
}
