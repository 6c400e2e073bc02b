/// Prints an entity's neighbours (`links`): each with the chain of predicates that
/// reaches it, nearest first; or JSON lines.
struct LinksRenderer {
    /// The frozen JSON shape of one neighbour (`links --json`).
    struct NeighbourJSON: Encodable {
        var id: String
        var kind: String
        var name: String
        var depth: Int
        var path: [StepJSON]
    }

    let console: Console
    let json: Bool

    func render(_ reached: [GraphWalk.Reached], from start: Entity, depth: Int) throws {
        if json {
            for item in reached {
                console.line(try JSONLines.line(NeighbourJSON(
                    id: item.entity.id, kind: item.entity.kind.rawValue, name: item.entity.name, depth: item.depth,
                    path: item.steps.map(StepJSON.init))))
            }
            return
        }
        if reached.isEmpty {
            console.line("\(start.name) has no relations\(depth > 1 ? " within \(depth) steps" : "")")
            return
        }
        console.line(console.styled(start.name, .bold) + "  " + console.styled("(\(start.kind.rawValue))", .kind))
        let rows = reached.map { item -> [String] in
            let chain = item.steps.dropLast().map { step in Self.arrow(step) + " " + step.entity.name + " " }.joined()
            let last = item.steps.last.map(Self.arrow) ?? ""
            return [chain + last, item.entity.name, item.steps.last?.place?.label ?? "by hand"]
        }
        for line in EntityPageRenderer.fitted(rows, width: console.width - 2) { console.line("  " + line) }
    }

    /// `—predicate→` for a step along a relation, `←predicate—` against it.
    static func arrow(_ step: GraphStep) -> String {
        step.direction == .out ? "—\(step.predicate)→" : "←\(step.predicate)—"
    }
}
