import Foundation
import Testing
@testable import ConcordKit

/// Extraction runs on every ingest, so it must stay fast: this prints the
/// throughput of reading and extracting the seeds, and of ingesting them with storage.
@Suite struct ExtractionThroughputTests {
    @Test func extractionOfTheSeedsIsFast() throws {
        let files = try SeedCorpus.files(in: TestKnowledgeBase.repositoryRoot + "/seeds")
        let bytes = files.reduce(0) { $0 + $1.text.utf8.count }
        let parsed = files.map { DocumentReader().read(text: $0.text, sourceName: $0.name) }
        _ = GraphExtractor().extract(parsed[0], documentID: "doc:warm")  // builds the gazetteer once
        let start = Date()
        var entities = 0
        for (index, document) in parsed.enumerated() {
            entities += GraphExtractor().extract(document, documentID: "doc:\(index)").entities.count
        }
        let extraction = Date().timeIntervalSince(start)
        let knowledgeBase = try TestKnowledgeBase.empty()
        let ingestStart = Date()
        for file in files { try Ingestor().ingest(text: file.text, sourceName: file.name, into: knowledgeBase) }
        let ingest = Date().timeIntervalSince(ingestStart)
        let megabytes = Double(bytes) / 1_000_000
        print(String(format: "extraction: %.0f KB in %.3f s = %.1f MB/s (%d entities); ingest with storage: %.3f s = %.1f MB/s",
                     Double(bytes) / 1000, extraction, megabytes / extraction, entities, ingest, megabytes / ingest))
        #expect(entities > 100)
        // A guard against quadratic slips, generous for a debug build on a loaded 2-core machine
        // (debug measures ~0.2 MB/s; release builds run several times faster).
        #expect(megabytes / ingest > 0.05)
    }
}
