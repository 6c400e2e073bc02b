/// Writes a graph in Graphviz's DOT language: entities as boxes coloured by kind,
/// relations as arrows labelled with their predicate; the centre of a neighbourhood drawn bold.
///
/// Related documentation: https://graphviz.org/doc/info/lang.html
public struct DOTGraphFormat: GraphFormat {
    public init() {}

    public func text(_ snapshot: GraphSnapshot) -> String {
        var lines = [
            "digraph concord {",
            "  graph [rankdir=LR, fontname=\"Helvetica\", overlap=false];",
            "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];",
            "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];",
        ]
        for node in snapshot.nodes {
            let entity = node.entity
            var attributes = [
                "label=\(Self.quoted(entity.name + "\n" + entity.kind.rawValue))",
                "fillcolor=\(Self.quoted(Self.colour(entity.kind)))",
                "tooltip=\(Self.quoted(entity.id))",
            ]
            if entity.id == snapshot.centreID { attributes.append("penwidth=2.5") }
            lines.append("  \(Self.quoted(entity.id)) [\(attributes.joined(separator: ", "))];")
        }
        for edge in snapshot.edges {
            let source = edge.place.map { ", tooltip=\(Self.quoted($0.label))" } ?? ""
            lines.append("  \(Self.quoted(edge.subjectID)) -> \(Self.quoted(edge.objectID)) [label=\(Self.quoted(edge.predicate))\(source)];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A DOT double-quoted string: quotes and backslashes escaped, line breaks as `\n`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r", "\t": result += " "
            default: result.append(character)
            }
        }
        return result + "\""
    }

    static func colour(_ kind: EntityKind) -> String {
        switch kind {
        case .body: return "#cfe2ff"
        case .person: return "#ffe5b4"
        case .instrument: return "#d7f5d0"
        case .event: return "#f3d1f4"
        case .state: return "#e6e6e6"
        }
    }
}
