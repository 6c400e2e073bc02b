import ConcordBenchKit
import Foundation
import Testing
@testable import ConcordKit

/// Scores extraction on the development set of real UN documents (Tests/Fixtures/devset,
/// annotated by hand; see Tests/Fixtures/README.md), prints the figures per document and
/// over the set, and holds the set's totals at or above the floors below, so that a change
/// that makes extraction worse on documents unlike the seeds fails here.
///
/// The floors are today's figures less a small margin, not the targets of the facts issue
/// (core recall 0.95, relation recall 0.70), which extraction does not reach yet.
/// `concord-bench extraction score Tests/Fixtures/devset --details` lists what was missed.
@Suite struct DevSetScoreTests {
    static let folder = TestKnowledgeBase.repositoryRoot + "/Tests/Fixtures/devset"

    @Test func extractionOnTheDevelopmentSetStaysAboveItsFloors() throws {
        let annotation = try ExtractionAnnotation(folder: Self.folder)
        #expect(annotation.files.count >= 12)
        var core = ExtractionScore.Count(), recall = ExtractionScore.Count(), precision = ExtractionScore.Count()
        var relationRecall = ExtractionScore.Count(), relationPrecision = ExtractionScore.Count()
        for file in annotation.files {
            let score = ExtractionScore(file: file.name, text: try annotation.text(of: file), gold: file)
            print("devset \(score)")
            core.add(score.coreRecall)
            recall.add(score.recall)
            precision.add(score.precision)
            relationRecall.add(score.relationRecallOverall)
            relationPrecision.add(score.relationPrecision)
        }
        print(String(format: "devset total: core recall %.3f, recall %.3f, precision %.3f, relation recall %.3f, relation precision %.3f",
                     core.ratio, recall.ratio, precision.ratio, relationRecall.ratio, relationPrecision.ratio))
        #expect(core.ratio >= 0.75, "core recall \(core.found)/\(core.total)")
        #expect(recall.ratio >= 0.63, "recall \(recall.found)/\(recall.total)")
        #expect(precision.ratio >= 0.88, "precision \(precision.found)/\(precision.total)")
        #expect(relationRecall.ratio >= 0.28, "relation recall \(relationRecall.found)/\(relationRecall.total)")
        #expect(relationPrecision.ratio >= 0.90, "relation precision \(relationPrecision.found)/\(relationPrecision.total)")
    }
}

extension ExtractionScore.Count {
    mutating func add(_ other: Self) {
        found += other.found
        total += other.total
    }
}
