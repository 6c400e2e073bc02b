import Foundation
import Testing
@testable import ConcordKit

/// Prints what extraction finds in every seed, for a person reviewing it:
/// run with `CONCORD_DUMP_EXTRACTION=1 swift test --filter ExtractionDumpTests`.
@Suite struct ExtractionDumpTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CONCORD_DUMP_EXTRACTION"] != nil))
    func printsTheGraphOfEachSeed() throws {
        let only = ProcessInfo.processInfo.environment["CONCORD_DUMP_EXTRACTION"] ?? ""
        for file in try SeedCorpus.files(in: TestKnowledgeBase.repositoryRoot + "/seeds") where only == "1" || file.name.hasPrefix(only) {
            let parsed = DocumentReader().read(text: file.text, sourceName: file.name)
            let graph = GraphExtractor().extract(parsed, documentID: "doc:dump")
            let names = Dictionary(graph.entities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            print("== \(file.name): \(parsed.paragraphs.count) paragraphs, \(graph.entities.count) entities, \(graph.relations.count) relations")
            for entity in graph.entities.sorted(by: { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }) {
                let aliases = graph.aliases.filter { $0.entityID == entity.id }.map(\.alias)
                let count = graph.mentions.filter { $0.entityID == entity.id }.count
                print("  \(entity.kind.rawValue) \(entity.name) [\(count)] \(entity.date ?? "") \(entity.place ?? "") | \(aliases.joined(separator: " ; "))")
            }
            for relation in graph.relations {
                print("  > \(names[relation.subjectID] ?? "?") \(relation.predicate) \(names[relation.objectID] ?? "?") @\(relation.paragraphID ?? "")")
            }
        }
    }
}
