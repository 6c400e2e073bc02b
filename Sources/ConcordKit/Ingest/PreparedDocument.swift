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
    /// `nil` when the same text was already in the knowledge base when it was prepared, or the file was refused.
    var content: Content?
    /// Why the file could not be read as a document.
    var refusal: IngestError?
    /// What reading the file warned about.
    var warnings: [String] = []

    init(sourceName: String, documentID: String, content: Content?) {
        self.sourceName = sourceName
        self.documentID = documentID
        self.content = content
    }

    /// A file that is not ingested, and why.
    init(refused sourceName: String, because refusal: IngestError) {
        self.init(sourceName: sourceName, documentID: "", content: nil)
        self.refusal = refusal
    }
}
