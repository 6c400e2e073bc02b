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
    }

    public var reader = DocumentReader()
    public var extractor = GraphExtractor()

    public init() {}

    /// Ingests one text under `sourceName`, as one transaction.
    @discardableResult
    public func ingest(text: String, sourceName: String, into knowledgeBase: KnowledgeBase) throws -> Outcome {
        let sha = StableID.sha256Hex(Data(text.utf8))
        let documentID = "doc:" + sha.prefix(16)
        let alreadyThere = try knowledgeBase.read { db in
            try Document.filter(key: documentID).fetchCount(db) > 0
        }
        if alreadyThere {
            return Outcome(sourceName: sourceName, documentID: documentID, added: false, paragraphCount: 0, entityCount: 0)
        }
        let parsed = reader.read(text: text, sourceName: sourceName)
        let graph = extractor.extract(parsed, documentID: documentID)
        let document = Document(
            id: documentID, sourceName: sourceName, symbol: parsed.symbol, documentKind: parsed.kind,
            title: parsed.title, dated: parsed.dated, meetingStartedAt: parsed.meetingStartedAt,
            meetingEndedAt: parsed.meetingEndedAt, contentSHA256: sha, characterCount: text.unicodeScalars.count,
            ingestedAt: Timestamp.now())
        return try knowledgeBase.write("ingest \(sourceName)") { db in
            if try Document.filter(key: documentID).fetchCount(db) > 0 {
                return Outcome(sourceName: sourceName, documentID: documentID, added: false, paragraphCount: 0, entityCount: 0)
            }
            try document.insert(db)
            for paragraph in parsed.paragraphs {
                try Paragraph(
                    id: Paragraph.id(documentID: documentID, ordinal: paragraph.ordinal), documentID: documentID,
                    ordinal: paragraph.ordinal, number: paragraph.number, paragraphKind: paragraph.kind,
                    section: paragraph.section, text: paragraph.text
                ).insert(db)
            }
            try store(graph, in: db)
            return Outcome(
                sourceName: sourceName, documentID: documentID, added: true,
                paragraphCount: parsed.paragraphs.count, entityCount: graph.entities.count)
        }
    }

    /// Ingests the file at `path`.
    @discardableResult
    public func ingest(file path: String, into knowledgeBase: KnowledgeBase) throws -> Outcome {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw IngestError.unreadable(path: path)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw IngestError.notUTF8Text(path: path) }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw IngestError.empty(path: path) }
        return try ingest(text: text, sourceName: (path as NSString).lastPathComponent, into: knowledgeBase)
    }

    private func store(_ graph: ExtractedGraph, in db: Database) throws {
        for entity in graph.entities { try entity.insert(db, onConflict: .ignore) }
        for alias in graph.aliases { try alias.insert(db, onConflict: .ignore) }
        for attribute in graph.attributes { try attribute.insert(db, onConflict: .ignore) }
        for relation in graph.relations { try relation.insert(db, onConflict: .ignore) }
        for mention in graph.mentions { try mention.insert(db, onConflict: .ignore) }
    }
}

/// Why a file could not be ingested.
public enum IngestError: LocalizedError, Equatable {
    case unreadable(path: String)
    case notUTF8Text(path: String)
    case empty(path: String)

    public var errorDescription: String? {
        switch self {
        case let .unreadable(path): return "cannot read \(path); check the path and its permissions"
        case let .notUTF8Text(path): return "\(path) is not UTF-8 text; convert it (e.g. with iconv) and ingest it again"
        case let .empty(path): return "\(path) holds no text; nothing was ingested"
        }
    }
}
