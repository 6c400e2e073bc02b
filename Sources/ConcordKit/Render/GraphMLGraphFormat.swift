/// Writes a graph as GraphML (for Gephi, yEd, Cytoscape, NetworkX): nodes with kind,
/// name and aliases; directed edges with predicate and provenance.
///
/// Related documentation: http://graphml.graphdrawing.org/specification.html
public struct GraphMLGraphFormat: GraphFormat {
    public init() {}

    public func text(_ snapshot: GraphSnapshot) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">",
            "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>",
            "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>",
            "  <key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>",
            "  <key id=\"predicate\" for=\"edge\" attr.name=\"predicate\" attr.type=\"string\"/>",
            "  <key id=\"document\" for=\"edge\" attr.name=\"document\" attr.type=\"string\"/>",
            "  <key id=\"paragraph\" for=\"edge\" attr.name=\"paragraph\" attr.type=\"int\"/>",
            "  <key id=\"number\" for=\"edge\" attr.name=\"number\" attr.type=\"int\"/>",
            "  <graph id=\"concord\" edgedefault=\"directed\">",
        ]
        for node in snapshot.nodes {
            lines.append("    <node id=\"\(Self.escaped(node.entity.id))\">")
            lines.append("      <data key=\"kind\">\(node.entity.kind.rawValue)</data>")
            lines.append("      <data key=\"name\">\(Self.escaped(node.entity.name))</data>")
            if !node.aliases.isEmpty {
                lines.append("      <data key=\"aliases\">\(Self.escaped(node.aliases.joined(separator: "|")))</data>")
            }
            lines.append("    </node>")
        }
        for edge in snapshot.edges {
            lines.append(
                "    <edge id=\"\(Self.escaped(edge.relationID))\" source=\"\(Self.escaped(edge.subjectID))\" target=\"\(Self.escaped(edge.objectID))\">")
            lines.append("      <data key=\"predicate\">\(Self.escaped(edge.predicate))</data>")
            if let place = edge.place {
                lines.append("      <data key=\"document\">\(Self.escaped(place.sourceName))</data>")
                lines.append("      <data key=\"paragraph\">\(place.ordinal)</data>")
                if let number = place.number { lines.append("      <data key=\"number\">\(number)</data>") }
            }
            lines.append("    </edge>")
        }
        lines += ["  </graph>", "</graphml>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe inside XML content and attribute values; characters XML 1.0 forbids are dropped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result += "&#\(scalar.value);"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
