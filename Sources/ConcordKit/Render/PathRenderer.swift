/// Prints the shortest chain between two entities (`path`) as
/// `A —predicate→ X ←predicate— B`, then where each relation is stated.
struct PathRenderer {
    /// The frozen JSON shape of `path --json`: `found` false and no steps when there is no path.
    struct PathJSON: Encodable {
        var from: String
        var to: String
        var found: Bool
        var length: Int
        var steps: [StepJSON]
    }

    let console: Console
    let json: Bool

    func render(_ steps: [GraphStep]?, from start: Entity, to goal: Entity, depth: Int) throws {
        if json {
            console.line(try JSONLines.line(PathJSON(
                from: start.id, to: goal.id, found: steps != nil, length: steps?.count ?? 0,
                steps: (steps ?? []).map(StepJSON.init))))
            return
        }
        guard let steps else {
            console.line("no path between \(start.name) and \(goal.name) within \(depth) steps")
            return
        }
        if steps.isEmpty {
            console.line("\(start.name) and \(goal.name) are the same entity (\(start.id))")
            return
        }
        let chain = steps.map { LinksRenderer.arrow($0) + " " + console.styled($0.entity.name, .bold) }.joined(separator: " ")
        let wrapped = TextWrapper(width: console.width).lines(console.styled(start.name, .bold) + " " + chain)
        for line in wrapped { console.line(line) }
        var previous = start
        for step in steps {
            let sentence = step.direction == .out
                ? "\(previous.name) \(step.predicate) \(step.entity.name)"
                : "\(step.entity.name) \(step.predicate) \(previous.name)"
            let label = step.place?.label ?? "by hand"
            let room = max(20, console.width - label.count - 6)
            console.line("  " + TextWrapper.padded(TextWrapper.truncated(sentence, to: room), to: room) + "  " + label)
            previous = step.entity
        }
    }
}
