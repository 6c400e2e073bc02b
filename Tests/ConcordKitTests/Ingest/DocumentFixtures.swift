import Foundation
@testable import ConcordKit

/// The real UN documents under `Tests/Fixtures/documents/`, one per format, read as `ingest` reads them.
enum DocumentFixtures {
    static var folder: String { TestKnowledgeBase.repositoryRoot + "/Tests/Fixtures/documents" }

    static func path(_ name: String) -> String { folder + "/" + name }

    /// The file `name`, read (``DocumentFile/read(path:)``) and parsed.
    static func parsed(_ name: String) throws -> (file: DocumentFile, document: ParsedDocument) {
        let file = try DocumentFile.read(path: path(name))
        return (file, DocumentReader().read(text: file.text, sourceName: file.sourceName))
    }

    /// Whether poppler's `pdftotext` is installed (the PDF tests need it).
    static var hasPDFToText: Bool { PDFTextExtractor().executable != nil }
}
