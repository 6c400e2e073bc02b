/// A way of writing a ``GraphSnapshot`` as text, one type per format (as SwiftPM's
/// `show-dependencies --format` and GRDB's `DumpFormat` do): DOT, JSON lines, CSV, GraphML.
///
/// Outputs are deterministic for the same graph (nodes and edges come sorted), so
/// exports can be compared and diffed.
public protocol GraphFormat: Sendable {
    /// The whole text of `snapshot` in this format, ending with a newline.
    func text(_ snapshot: GraphSnapshot) throws -> String
}

/// The formats `graph` and `export` accept, by name.
public enum GraphFormatName: String, CaseIterable, Sendable {
    case dot, json, csv, graphml

    /// The writer for this format.
    public var format: any GraphFormat {
        switch self {
        case .dot: return DOTGraphFormat()
        case .json: return JSONGraphFormat()
        case .csv: return CSVGraphFormat()
        case .graphml: return GraphMLGraphFormat()
        }
    }
}
