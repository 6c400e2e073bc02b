import Foundation

/// A document read and extracted, not yet stored: what ``Ingestor`` computes outside
/// the write transaction, so that it can run on another thread than the writer.
struct PreparedDocument: Sendable {
    /// The rows to store.
    struct Content: Sendable {
        var document: Document
        var paragraphs: [ParsedParagraph]
        var graph: ExtractedGraph
    }

    var sourceName: String
    var documentID: String
    /// `nil` when the same text was already in the knowledge base when it was prepared.
    var content: Content?
}
