/// Finds bodies, people, instruments, events and States in a document, with the
/// relations between them and the places they are mentioned.
public struct GraphExtractor: Sendable {
    public init() {}

    /// Extracts the graph of `document`, whose paragraphs are stored under `documentID`.
    public func extract(_ document: ParsedDocument, documentID: String) -> ExtractedGraph {
        ExtractedGraph()
    }
}
