import ConcordBenchKit
import Foundation
import Testing
@testable import ConcordKit

/// Scores extraction against the hand-made annotation of seeds 000–001 in
/// `Tests/Fixtures/gold/` (see Tests/Fixtures/README.md) and holds it to the targets:
/// per file, recall of core entities ≥ 0.95, recall of all entities ≥ 0.85, precision
/// ≥ 0.90, no gold entity matched twice, and recall of `represents` and `spoke_at` ≥ 0.80.
/// `concord-bench extraction score Tests/Fixtures/gold --texts seeds --details` prints the same figures.
@Suite struct GoldStandardTests {
    static let goldDirectory = TestKnowledgeBase.repositoryRoot + "/Tests/Fixtures/gold"

    @Test func extractionMeetsTheTargetsOnTheAnnotatedFiles() throws {
        let annotation = try ExtractionAnnotation(folder: Self.goldDirectory, textDirectory: TestKnowledgeBase.repositoryRoot + "/seeds")
        #expect(annotation.files.count >= 2)
        for file in annotation.files {
            let score = ExtractionScore(file: file.name, text: try annotation.text(of: file), gold: file)
            print("gold \(score)")
            #expect(score.coreRecall.ratio >= 0.95, "\(file.name): core recall \(score.coreRecall.ratio); missed \(score.missedEntities)")
            #expect(score.recall.ratio >= 0.85, "\(file.name): recall \(score.recall.ratio); missed \(score.missedEntities)")
            #expect(score.precision.ratio >= 0.90, "\(file.name): precision \(score.precision.ratio); not in gold \(score.spuriousEntities)")
            #expect(score.doubleMatched.isEmpty, "\(file.name): gold entities matched twice: \(score.doubleMatched)")
            for predicate in ["represents", "spoke_at"] {
                let figures = score.relationRecall[predicate] ?? .init()
                #expect(figures.ratio >= 0.80, "\(file.name): \(predicate) recall \(figures.found)/\(figures.total)")
            }
        }
    }

    /// A scorer that could not fail would make the test above say nothing: an empty graph
    /// scores zero, and one gold entity extracted twice is caught.
    @Test func theScorerFindsMissesAndDuplicates() throws {
        let annotation = try ExtractionAnnotation(folder: Self.goldDirectory, textDirectory: TestKnowledgeBase.repositoryRoot + "/seeds")
        let file = try #require(annotation.files.first)
        let empty = ExtractionScore(file: file.name, graph: ExtractedGraph(), gold: file)
        #expect(empty.recall.found == 0 && empty.coreRecall.found == 0)
        let goldEntity = try #require(file.entities.first { EntityKind(rawValue: $0.kind) != nil })
        let kind = try #require(EntityKind(rawValue: goldEntity.kind))
        let twice = ExtractedGraph(entities: [
            Entity(id: "\(kind.rawValue):a", kind: kind, name: goldEntity.name),
            Entity(id: "\(kind.rawValue):b", kind: kind, name: goldEntity.name),
        ])
        let score = ExtractionScore(file: file.name, graph: twice, gold: file)
        #expect(score.doubleMatched == [goldEntity.name])
        #expect(score.precision.ratio == 1)
    }
}
