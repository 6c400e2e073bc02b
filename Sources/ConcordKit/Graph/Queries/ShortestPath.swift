import GRDB

/// The shortest chain of live relations between two canonical entities, found by a
/// breadth-first search from both ends that always expands the side whose frontier has
/// fewer relations (counted on the indexes first), one whole level at a time, until the
/// two meet.
///
/// The search reads neighbour ids only, from the indexes of live relations by both ends
/// (``GraphAdjacency/neighbourIDs(of:in:)``: no table rows, so a hub's neighbours cost a few
/// milliseconds instead of ≈ 80). Every shortest chain passes through the nodes where the
/// searches meet, so the chain returned is picked among all shortest ones: step by step,
/// the one whose relation id, direction and entity id come first (the order the former
/// recursive CTE sorted its JSON chains in); only the relations between an entity on the
/// chain and the next entities that stay on a shortest chain are read in full. Searching
/// from both ends touches about the square root of the entities a one-sided walk would,
/// and a hub is expanded only when the other side would read even more.
struct ShortestPath {
    let start: String
    let goal: String
    let depth: Int

    /// What one end of the search knows.
    private struct Side {
        /// Steps from this side's root to each entity reached.
        var distance: [String: Int]
        var frontier: [String]
        var levels = 0
        /// For each entity, its neighbours one level further from this root (forward side)
        /// or one level nearer to it (backward side).
        var links: [String: [String]] = [:]
        /// How many relations the frontier has (what expanding it reads), once counted.
        var frontierCost: Int?

        init(root: String) {
            distance = [root: 0]
            frontier = [root]
        }
    }

    /// The edges of the shortest chain, or `nil` when none has at most `depth` steps.
    func find(using adjacency: inout GraphAdjacency, in db: Database) throws -> [GraphAdjacency.Edge]? {
        var forward = Side(root: start), backward = Side(root: goal)
        while true {
            if let length = meetingLength(forward, backward) {
                return try chain(length: length, forward: forward, backward: backward, adjacency: adjacency, in: db)
            }
            if forward.levels + backward.levels >= depth || forward.frontier.isEmpty || backward.frontier.isEmpty { return nil }
            // Looking the frontiers' pairs up pays when expanding either side would read more
            // relations; they are counted only that far (a hub need not be counted to its end).
            let lookups = forward.frontier.count * backward.frontier.count * Self.pairLookupCost
            if try cost(of: &forward, adjacency, upTo: lookups + 1, in: db) > lookups,
               try cost(of: &backward, adjacency, upTo: lookups + 1, in: db) > lookups,
               try linkAcross(&forward, backward, adjacency, in: db) {
                continue
            }
            if try forwardIsCheaper(&forward, &backward, adjacency, in: db) {
                try expand(&forward, reversed: false, adjacency: &adjacency, in: db)
            } else {
                try expand(&backward, reversed: true, adjacency: &adjacency, in: db)
            }
        }
    }

    /// What looking up whether two entities are related costs, in relations read by an expansion
    /// (an index descent against a step along an index range plus the Swift work for the row;
    /// measured on the 1M-entity base, roughly).
    static let pairLookupCost = 4

    /// Whether any live relation joins the two frontiers, looked up pair by pair in the pair
    /// indexes (cheaper than expanding a side when both frontiers are few entities but one holds
    /// a hub). If so, the shortest chains have exactly one more step than both sides have
    /// walked, and they cross those relations: the backward frontier's entities they reach are
    /// recorded as the forward side's next level (the only part of it on a shortest chain),
    /// so the two sides meet.
    private func linkAcross(_ forward: inout Side, _ backward: Side, _ adjacency: GraphAdjacency, in db: Database) throws -> Bool {
        let pairs = try adjacency.relatedPairs(forward.frontier, backward.frontier, in: db)
        if pairs.isEmpty { return false }
        for (near, far) in pairs {
            forward.distance[far] = forward.levels + 1
            forward.links[near, default: []].append(far)
        }
        return true
    }

    /// Whether expanding `forward` reads no more relations than expanding `backward`. The side
    /// with the smaller frontier is counted in full, the other only up to that count (so a
    /// frontier holding a hub is not counted to its end).
    private func forwardIsCheaper(
        _ forward: inout Side, _ backward: inout Side, _ adjacency: GraphAdjacency, in db: Database
    ) throws -> Bool {
        if forward.frontier.count <= backward.frontier.count {
            let forwardCost = try cost(of: &forward, adjacency, in: db)
            return try forwardCost <= cost(of: &backward, adjacency, upTo: forwardCost + 1, in: db)
        }
        let backwardCost = try cost(of: &backward, adjacency, in: db)
        return try cost(of: &forward, adjacency, upTo: backwardCost + 1, in: db) <= backwardCost
    }

    /// What expanding `side` would read: its frontier's relations, counted up to `limit`
    /// (an exact count is kept for the level).
    private func cost(of side: inout Side, _ adjacency: GraphAdjacency, upTo limit: Int = .max, in db: Database) throws -> Int {
        if let known = side.frontierCost { return min(known, limit) }
        let cost = try adjacency.relationCount(of: side.frontier, upTo: limit, in: db)
        if cost < limit { side.frontierCost = cost }
        return cost
    }

    /// Adds the next level to `side`, keeping every link between its last two levels.
    private func expand(_ side: inout Side, reversed: Bool, adjacency: inout GraphAdjacency, in db: Database) throws {
        let level = side.levels + 1
        var next: [String] = []
        let neighbours = try adjacency.neighbourIDs(of: side.frontier, in: db)
        for owner in side.frontier {
            for far in neighbours[owner] ?? [] {
                if let known = side.distance[far] {
                    if known != level { continue }
                } else {
                    side.distance[far] = level
                    next.append(far)
                }
                if reversed {
                    side.links[far, default: []].append(owner)
                } else {
                    side.links[owner, default: []].append(far)
                }
            }
        }
        side.frontier = next
        side.frontierCost = nil
        side.levels = level
    }

    /// The length of the shortest chain through entities both sides reached, if any.
    private func meetingLength(_ forward: Side, _ backward: Side) -> Int? {
        let (smaller, larger) = forward.distance.count <= backward.distance.count
            ? (forward.distance, backward.distance) : (backward.distance, forward.distance)
        return smaller.compactMap { id, near in larger[id].map { near + $0 } }.min()
    }

    /// Walks from the start, taking at each step the first edge (``GraphAdjacency/Edge/precedes(_:_:)``)
    /// that stays on a shortest chain of `length` steps.
    private func chain(
        length: Int, forward: Side, backward: Side, adjacency: GraphAdjacency, in db: Database
    ) throws -> [GraphAdjacency.Edge] {
        var onChain: [String: Bool] = [:]
        /// Whether `id`, `position` steps from the start, lies on a chain of `length` steps.
        func lies(_ id: String, at position: Int) -> Bool {
            if length - position <= backward.levels { return backward.distance[id] == length - position }
            if let known = onChain[id] { return known }
            let result = forward.distance[id] == position
                && (forward.links[id] ?? []).contains { lies($0, at: position + 1) }
            onChain[id] = result
            return result
        }
        var chain: [GraphAdjacency.Edge] = []
        var current = start
        for position in 0..<length {
            let candidates = length - position <= backward.levels
                ? (backward.links[current] ?? []).filter { backward.distance[$0] == length - position - 1 }
                : (forward.links[current] ?? []).filter { lies($0, at: position + 1) }
            let edges = try adjacency.edges(from: current, to: Array(Set(candidates)), in: db)
            guard let best = edges.min(by: GraphAdjacency.Edge.precedes) else { break }
            chain.append(best)
            current = best.neighbourID
        }
        return chain
    }
}
