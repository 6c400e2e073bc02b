/// Writes a graph as one CSV table (RFC 4180): a row per entity (`record` = `entity`,
/// aliases joined by `|`), then a row per relation (`record` = `relation`, with the
/// document, paragraph ordinal and official number that state it). Columns that do
/// not apply to a row are empty.
public struct CSVGraphFormat: GraphFormat {
    /// The header row.
    public static let columns = [
        "record", "id", "kind", "name", "aliases", "subject", "predicate", "object", "document", "paragraph", "number",
    ]

    public init() {}

    public func text(_ snapshot: GraphSnapshot) -> String {
        var rows = [Self.columns]
        for node in snapshot.nodes {
            let entity = node.entity
            rows.append([
                "entity", entity.id, entity.kind.rawValue, entity.name, node.aliases.joined(separator: "|"), "", "", "", "", "", "",
            ])
        }
        for edge in snapshot.edges {
            rows.append([
                "relation", edge.relationID, "", "", "", edge.subjectID, edge.predicate, edge.objectID,
                edge.place?.sourceName ?? "", edge.place.map { "\($0.ordinal)" } ?? "", edge.place?.number.map { "\($0)" } ?? "",
            ])
        }
        return rows.map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A CSV field, control characters made visible (``TerminalText``), quoted when it holds a comma or quote.
    static func field(_ raw: String) -> String {
        let value = TerminalText.escaped(raw)
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
