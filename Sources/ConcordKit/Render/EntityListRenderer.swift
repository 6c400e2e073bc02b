/// Prints the entities `find` found: kind, name, id and the alias that matched, or JSON lines.
struct EntityListRenderer {
    /// The frozen JSON shape of one match (`find --json`).
    struct MatchJSON: Encodable {
        var id: String
        var kind: String
        var name: String
        /// The name or alias that matched.
        var matched: String
        /// exact | prefix | word | fuzzy
        var match: String
        var distance: Int
    }

    let console: Console
    let json: Bool

    func render(_ matches: [EntityFinder.Match], query: String) throws {
        if json {
            for match in matches {
                console.line(try JSONLines.line(MatchJSON(
                    id: match.entity.id, kind: match.entity.kind.rawValue, name: match.entity.name,
                    matched: match.matchedName, match: match.quality.label, distance: match.distance)))
            }
            return
        }
        if matches.isEmpty {
            console.line("no entity matches \(query)")
            return
        }
        if console.isPipe {
            let rows = matches.map { [$0.entity.kind.rawValue, $0.entity.id, $0.entity.name, $0.matchedName] }
            return TabSeparatedLines.write(header: ["kind", "id", "name", "matched"], rows: rows, to: console)
        }
        let rows = matches.map { match -> [String] in
            let alias = NameNormalizer.normalize(match.matchedName) == NameNormalizer.normalize(match.entity.name)
                ? "" : "  (as \(match.matchedName))"
            return [match.entity.kind.rawValue, match.entity.id, match.entity.name + alias]
        }
        for (index, line) in TextTable(rows: rows).lines(width: console.width).enumerated() {
            let kind = matches[index].entity.kind.rawValue
            console.line(console.styled(kind, .kind) + String(line.dropFirst(kind.count)))
        }
    }
}
