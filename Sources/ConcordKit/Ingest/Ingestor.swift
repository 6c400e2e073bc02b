import Foundation
import GRDB

/// Reads documents, extracts their graph and stores both in one transaction each.
///
/// Ingesting is idempotent: a document is identified by the SHA-256 of its text,
/// and a text already present is skipped. Entities already in the knowledge base
/// (perhaps edited by hand since) are never overwritten by extraction; new aliases,
/// relations and mentions are added beside them.
public struct Ingestor: Sendable {
    /// What happened to one file.
    public struct Outcome: Sendable, Hashable {
        public var sourceName: String
        public var documentID: String
        /// `false` when the same text was already in the knowledge base.
        public var added: Bool
        public var paragraphCount: Int
        public var entityCount: Int
        /// Why the file was not ingested (it could not be read as a document); `nil` when it was read.
        public var refusal: IngestError?
        /// What reading it warned about (e.g. a conversion from Windows-1252).
        public var warnings: [String] = []
    }

    public var reader = DocumentReader()
    public var extractor = GraphExtractor()

    public init() {}

    /// Ingests one text under `sourceName`, as one transaction.
    @discardableResult
    public func ingest(text: String, sourceName: String, into knowledgeBase: KnowledgeBase) throws -> Outcome {
        try store(try prepare(text: text, sourceName: sourceName, for: knowledgeBase), into: knowledgeBase)
    }

    /// Reads and extracts `text` without writing anything (see ``IngestPipeline``): skipped,
    /// with no content, when the same text is already in `knowledgeBase`.
    func prepare(text: String, sourceName: String, for knowledgeBase: KnowledgeBase) throws -> PreparedDocument {
        try prepare(text: text, sourceName: sourceName, format: .text, fileSHA256: nil, for: knowledgeBase)
    }

    /// Reads and extracts a document file (see ``prepare(text:sourceName:for:)``).
    func prepare(file: DocumentFile, for knowledgeBase: KnowledgeBase) throws -> PreparedDocument {
        var prepared = try prepare(
            text: file.text, sourceName: file.sourceName, format: file.format, fileSHA256: file.fileSHA256, for: knowledgeBase)
        prepared.warnings = file.warnings
        return prepared
    }

    private func prepare(
        text: String, sourceName: String, format: DocumentFormat, fileSHA256: String?, for knowledgeBase: KnowledgeBase
    ) throws -> PreparedDocument {
        let sha = StableID.sha256Hex(Data(text.utf8))
        let documentID = "doc:" + sha.prefix(16)
        let alreadyThere = try knowledgeBase.read { db in try Self.isStored(documentID, in: db) }
        if alreadyThere { return PreparedDocument(sourceName: sourceName, documentID: documentID, content: nil) }
        let parsed = reader.read(text: text, sourceName: sourceName)
        let graph = extractor.extract(parsed, documentID: documentID)
        var document = Document(
            id: documentID, sourceName: sourceName, symbol: parsed.symbol, documentKind: parsed.kind,
            title: parsed.title, dated: parsed.dated, meetingStartedAt: parsed.meetingStartedAt,
            meetingEndedAt: parsed.meetingEndedAt, contentSHA256: sha, characterCount: text.unicodeScalars.count,
            ingestedAt: Timestamp.now())
        document.sourceFormat = format
        document.sourceSHA256 = fileSHA256 ?? sha
        document.metadata = parsed.metadata
        return PreparedDocument(
            sourceName: sourceName, documentID: documentID,
            content: PreparedDocument.Content(document: document, paragraphs: parsed.paragraphs, graph: graph))
    }

    /// Stores a prepared document as one transaction, unless its text is there already.
    func store(_ prepared: PreparedDocument, into knowledgeBase: KnowledgeBase) throws -> Outcome {
        guard prepared.content != nil else { return Self.skipped(prepared) }
        return try knowledgeBase.write(Self.summary(of: prepared)) { db in
            // find's name index gets the document's names in one statement, not one per entity and alias.
            try NameSearchMaintenance.deferring(in: db) { try storeRows(of: prepared, in: db) }
        }
    }

    /// Stores a prepared document inside the caller's transaction as this replica's next change
    /// (captured like a ``KnowledgeBase/write(_:_:)`` of its own), unless its text is there already.
    /// The caller makes it all or nothing: ``IngestPipeline`` rolls back the whole batch when one document
    /// fails, then stores the documents before it again.
    func store(_ prepared: PreparedDocument, in db: Database, by knowledgeBase: KnowledgeBase) throws -> Outcome {
        guard prepared.content != nil else { return Self.skipped(prepared) }
        return try ChangeCapture.capture(Self.summary(of: prepared), by: knowledgeBase, in: db) { db in
            try storeRows(of: prepared, in: db)
        }
    }

    /// Whether a document with this id is stored (one cached statement: the writer asks once per document).
    private static func isStored(_ documentID: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?)"), arguments: [documentID])
            ?? false
    }

    private static func summary(of prepared: PreparedDocument) -> String { "ingest \(prepared.sourceName)" }

    private static func skipped(_ prepared: PreparedDocument) -> Outcome {
        Outcome(
            sourceName: prepared.sourceName, documentID: prepared.documentID, added: false, paragraphCount: 0, entityCount: 0,
            refusal: prepared.refusal, warnings: prepared.warnings)
    }

    /// The document's rows, its paragraphs and its graph, unless the same text is stored already.
    private func storeRows(of prepared: PreparedDocument, in db: Database) throws -> Outcome {
        guard let content = prepared.content else { return Self.skipped(prepared) }
        if try Self.isStored(prepared.documentID, in: db) { return Self.skipped(prepared) }
        try content.document.insert(db)
        let rows = IngestRowWriter(db: db)
        try rows.insertParagraphs(content.paragraphs, of: prepared.documentID)
        try rows.insert(content.graph)
        return Outcome(
            sourceName: prepared.sourceName, documentID: prepared.documentID, added: true,
            paragraphCount: content.paragraphs.count, entityCount: content.graph.entities.count, warnings: prepared.warnings)
    }

    /// Ingests `texts` (source name, text) in order, one transaction each, reading and
    /// extracting the next ones on other cores while one is stored (see ``IngestPipeline``);
    /// `each` receives every outcome in order. The result is the same as one
    /// ``ingest(text:sourceName:into:)`` call per text.
    public func ingest(
        texts: [(sourceName: String, text: String)], into knowledgeBase: KnowledgeBase,
        each: (Outcome) throws -> Void = { _ in }
    ) throws {
        let ingestor = self
        try IngestPipeline(ingestor: self).run(count: texts.count, into: knowledgeBase, prepare: { index in
            let (sourceName, text) = texts[index]
            return try ingestor.prepare(text: text, sourceName: sourceName, for: knowledgeBase)
        }, each: each)
    }

    /// Ingests the files at `paths` in order like ``ingest(texts:into:each:)``, reading each
    /// file (``DocumentFile/read(path:)``) on a worker. A file that cannot be read as a document
    /// is refused on its own: its outcome carries the reason, and the files after it go on.
    public func ingest(files paths: [String], into knowledgeBase: KnowledgeBase, each: (Outcome) throws -> Void = { _ in }) throws {
        let ingestor = self
        try IngestPipeline(ingestor: self).run(count: paths.count, into: knowledgeBase, prepare: { index in
            let file: DocumentFile
            do {
                file = try DocumentFile.read(path: paths[index])
            } catch let refusal as IngestError {
                return PreparedDocument(refused: (paths[index] as NSString).lastPathComponent, because: refusal)
            }
            return try ingestor.prepare(file: file, for: knowledgeBase)
        }, each: each)
    }

    /// Ingests the file at `path`.
    @discardableResult
    public func ingest(file path: String, into knowledgeBase: KnowledgeBase) throws -> Outcome {
        let file = try DocumentFile.read(path: path)
        return try store(try prepare(file: file, for: knowledgeBase), into: knowledgeBase)
    }

    /// The text of the file at `path` (see ``DocumentFile/read(path:)``).
    public static func text(ofFile path: String) throws -> String {
        try DocumentFile.read(path: path).text
    }

    /// Text files hold no NUL and (almost) no other C0 controls (at most one character in
    /// a hundred); binary files are full of them. `bytes` are valid UTF-8, where a C0 control
    /// is always a byte of its own and every character has exactly one non-continuation byte.
    static func looksLikeText(_ bytes: some Sequence<UInt8>) -> Bool {
        var characters = 0, controls = 0
        for byte in bytes {
            if byte & 0xC0 != 0x80 { characters += 1 }
            guard byte < 0x20 else { continue }
            if byte == 0 { return false }
            if byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C { controls += 1 }
        }
        return controls * 100 <= max(characters, 1)
    }

    /// ``looksLikeText(_:)`` of a string's UTF-8.
    static func looksLikeText(_ text: String) -> Bool { looksLikeText(text.utf8) }
}

/// Why a file could not be ingested.
public enum IngestError: LocalizedError, Hashable, Sendable {
    case unreadable(path: String)
    case notText(path: String)
    case empty(path: String)
    /// A format Concord does not read (by its extension, or a PDF or ZIP without one).
    case unsupportedFormat(path: String)
    /// A PDF, and poppler's `pdftotext` is not installed.
    case pdfToolMissing(path: String)
    /// A PDF whose pages hold no text, only pictures of it.
    case scannedPDF(path: String)
    /// A PDF or .docx that could not be read; `reason` says what was wrong.
    case unreadableFormat(path: String, format: DocumentFormat, reason: String)
    /// More text than one document may hold (``DocumentFile/maximumTextBytes``).
    case tooLarge(path: String, bytes: Int, limit: Int)

    public var errorDescription: String? {
        switch self {
        case let .unreadable(path): return "cannot read \(path); check the path and its permissions"
        case let .notText(path): return "\(path) looks like a binary file, not text; ingest \(DocumentFormat.extensionList) documents"
        case let .empty(path): return "\(path) holds no text; nothing was ingested"
        case let .unsupportedFormat(path):
            let suffix = (path as NSString).pathExtension
            let what = suffix.isEmpty ? "this kind of file" : ".\(suffix) files"
            return "\(path): Concord cannot read \(what); save it as \(DocumentFormat.extensionList) and ingest that"
        case let .pdfToolMissing(path):
            return "reading \(path) needs poppler's pdftotext; install poppler-utils (apt-get install poppler-utils)"
        case let .scannedPDF(path):
            return "\(path) has no text layer (a scanned PDF?); run OCR on it (e.g. ocrmypdf) and ingest the result"
        case let .unreadableFormat(path, format, reason):
            return "cannot read \(path) as \(format.rawValue.uppercased()): \(reason)"
        case let .tooLarge(path, bytes, limit):
            return String(
                format: "%@ holds %.1f MB of text, more than the %.0f MB one document may hold; split it into smaller files",
                path, Double(bytes) / 1_000_000, Double(limit) / 1_000_000)
        }
    }
}
