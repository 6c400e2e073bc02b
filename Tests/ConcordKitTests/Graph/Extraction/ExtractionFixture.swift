import Foundation
@testable import ConcordKit

/// Extracts the graph of a few sentences, for tests of single rules.
enum ExtractionFixture {
    /// The graph of a document made of `paragraphs` (numbered 1, 2, …).
    static func extract(_ paragraphs: [String], kind: DocumentKind = .other, sourceName: String = "test.txt") -> ExtractedGraph {
        let parsed = ParsedDocument(
            sourceName: sourceName, kind: kind,
            paragraphs: paragraphs.enumerated().map {
                ParsedParagraph(ordinal: $0.offset + 1, number: $0.offset + 1, kind: .text, section: nil, text: $0.element)
            })
        return GraphExtractor().extract(parsed, documentID: "doc:test")
    }

    /// The canonical names of the entities of `kind` in `graph`.
    static func names(_ graph: ExtractedGraph, _ kind: EntityKind) -> Set<String> {
        Set(graph.entities.filter { $0.kind == kind }.map(\.name))
    }

    /// The entity of `graph` called `name`.
    static func entity(_ graph: ExtractedGraph, _ name: String) -> Entity? {
        graph.entities.first { $0.name == name }
    }

    /// The aliases of the entity called `name`.
    static func aliases(_ graph: ExtractedGraph, of name: String) -> Set<String> {
        guard let id = entity(graph, name)?.id else { return [] }
        return Set(graph.aliases.filter { $0.entityID == id }.map(\.alias))
    }

    /// Relations as "subject predicate object" with canonical names.
    static func statements(_ graph: ExtractedGraph) -> Set<String> {
        let names = Dictionary(graph.entities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return Set(graph.relations.map { "\(names[$0.subjectID] ?? "?") \($0.predicate) \(names[$0.objectID] ?? "?")" })
    }

    static let migrantWorkersCommittee = "Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families"
    static let migrantWorkersConvention = "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families"
}
