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
    /// With `--evidence`: each reaching relation's source and sentence, by relation id.
    var evidence: [String: RelationEvidence]?

    func render(_ reached: [GraphWalk.Reached], from start: Entity, depth: Int) throws {
        try render(GraphWalk.Neighbourhood(reached: reached, cutEntities: [], unexpandedCount: 0), from: start, depth: depth)
    }

    /// Renders a neighbourhood; in text, a last line says where hubs cut the walk short
    /// (JSON lines keep their frozen shape and list what was reached).
    func render(_ neighbourhood: GraphWalk.Neighbourhood, from start: Entity, depth: Int) throws {
        let reached = neighbourhood.reached
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
            let source = item.steps.last.flatMap { evidence?[$0.relationID] }
            let confirmed = source?.source == Relation.Source.edited.rawValue ? " " + RelationsRenderer.confirmedMark : ""
            return [item.steps.last.map(Self.arrow) ?? "", item.entity.name, (item.steps.last?.place?.label).map { $0 + confirmed } ?? "by hand"]
        }
        let lines = EntityPageRenderer.fitted(rows, width: console.width - 2)
        for (item, line) in zip(reached, lines) {
            console.line("  " + line)
            if let sentence = item.steps.last.flatMap({ evidence?[$0.relationID]?.evidence }) {
                for wrapped in TextWrapper(width: console.width, indent: "      ").lines("“\(sentence)”") {
                    console.line(console.styled(wrapped, .dim))
                }
            }
            guard item.steps.count > 1 else { continue }
            let chain = "via " + item.steps.dropLast().map { Self.arrow($0) + " " + $0.entity.name }.joined(separator: " ")
            for wrapped in chainLines(chain) { console.line(console.styled(wrapped, .dim)) }
        }
        if let note = Self.cutNote(neighbourhood) {
            for wrapped in TextWrapper(width: console.width).lines(note) { console.line(console.styled(wrapped, .dim)) }
        }
    }

    /// The lines of a `via …` chain under its neighbour: the chain as it is when it fits in one
    /// line and wrapping would leave it unchanged (most do: wrapping a thousand chains was a
    /// tenth of a large neighbourhood's time), else wrapped by ``TextWrapper``.
    func chainLines(_ chain: String) -> [String] {
        let indent = "      "
        let wrapper = TextWrapper(width: console.width, indent: indent)
        // TextWrapper's room for text; UTF-8 bytes are never fewer than characters.
        let fits = chain.utf8.count <= max(20, console.width - indent.count)
            && !chain.utf8.contains { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") }
            && !chain.contains("  ") && chain.last != " "
        return fits ? [indent + chain] : wrapper.lines(chain)
    }

    /// What the listing leaves out around hubs, or `nil` when it is complete.
    static func cutNote(_ neighbourhood: GraphWalk.Neighbourhood) -> String? {
        var parts: [String] = []
        let cut = neighbourhood.cutEntities
        if !cut.isEmpty {
            let names = cut.prefix(3).map(\.name).joined(separator: ", ") + (cut.count > 3 ? " and \(cut.count - 3) more" : "")
            parts.append("only \(GraphWalk.followLimit) relations followed from \(names) (links ENTITY lists them all)")
        }
        if neighbourhood.unexpandedCount > 0 {
            parts.append("stopped at \(GraphWalk.reachLimit) entities: \(neighbourhood.unexpandedCount) reached were not expanded")
        }
        return parts.isEmpty ? nil : "(" + parts.joined(separator: "; ") + ")"
    }

    /// `—predicate→` for a step along a relation, `←predicate—` against it.
    static func arrow(_ step: GraphStep) -> String {
        step.direction == .out ? "—\(step.predicate)→" : "←\(step.predicate)—"
    }
}
