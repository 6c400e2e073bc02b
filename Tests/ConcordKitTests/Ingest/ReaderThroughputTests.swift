import Foundation
import Testing
@testable import ConcordKit

/// Measures the reader on the seeds: paragraphs per seed and throughput in MB/s,
/// printed for the record, with a floor far below what any machine achieves so
/// only a pathological slowdown (e.g. quadratic behaviour) fails it.
@Suite struct ReaderThroughputTests {
    @Test func readerThroughputOnTheSeeds() throws {
        let files = SeedCorpus.files
        let bytes = files.reduce(0) { $0 + $1.text.utf8.count }
        let rounds = 5
        let clock = ContinuousClock()
        var paragraphs: [String: Int] = [:]
        let elapsed = clock.measure {
            for _ in 0..<rounds {
                for file in files {
                    paragraphs[file.name] = DocumentReader().read(text: file.text, sourceName: file.name).paragraphs.count
                }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytesPerSecond = Double(bytes * rounds) / 1_000_000 / seconds
        for file in files { print("reader: \(file.name): \(paragraphs[file.name] ?? 0) paragraphs") }
        print("reader: \(bytes) bytes × \(rounds) in \(String(format: "%.3f", seconds)) s = \(String(format: "%.2f", megabytesPerSecond)) MB/s")
        #expect(megabytesPerSecond > 0.05)
    }
}
