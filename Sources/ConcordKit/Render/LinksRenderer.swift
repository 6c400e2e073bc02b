/// Prints an entity's neighbours (`links`): each with the relation that reaches it and
/// where that relation is stated, nearest first; farther neighbours get a second line
/// with the chain of entities in between. Or JSON lines.
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
            [item.steps.last.map(Self.arrow) ?? "", item.entity.name, item.steps.last?.place?.label ?? "by hand"]
        }
        let lines = EntityPageRenderer.fitted(rows, width: console.width - 2)
        for (item, line) in zip(reached, lines) {
            console.line("  " + line)
            guard item.steps.count > 1 else { continue }
            let chain = "via " + item.steps.dropLast().map { Self.arrow($0) + " " + $0.entity.name }.joined(separator: " ")
            for wrapped in TextWrapper(width: console.width, indent: "      ").lines(chain) {
                console.line(console.styled(wrapped, .dim))
            }
        }
    }

    /// `—predicate→` for a step along a relation, `←predicate—` against it.
    static func arrow(_ step: GraphStep) -> String {
        step.direction == .out ? "—\(step.predicate)→" : "←\(step.predicate)—"
    }
}
