import Foundation
import Testing
@testable import ConcordKit

/// The real binary on the real seeded knowledge base (entities found by the extractor).
@Suite struct ExploreEndToEndTests {
    @Test func showFindAndStatsRunOnTheSeededBase() throws {
        let path = try TestKnowledgeBase.seededCopyPath()
        let result = try ConcordProcess.run(["run", "--db", path, "stats", "find OHCHR --json", "doc 004 '#1'"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("documents         5\n"))
        #expect(result.output.contains("004"))
    }

    @Test func ohchrHasAPageWhenTheExtractorFindsIt() throws {
        let path = try TestKnowledgeBase.seededCopyPath()
        let found = try ConcordProcess.run(["run", "--db", path, "find OHCHR --json"])
        guard found.output.contains("\"id\"") else { return }  // No extraction yet: nothing to show.
        let result = try ConcordProcess.run(["run", "--db", path, "show OHCHR", "mentions OHCHR --limit 2", "links OHCHR"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("(body)"))
        #expect(result.output.contains("«"))
        #expect(result.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func anUnknownEntityFailsWithOneLine() throws {
        let path = try TestKnowledgeBase.seededCopyPath()
        let result = try ConcordProcess.run(["run", "--db", path, "show Qwxzqwxz"])
        #expect(result.status != 0)
        #expect(result.errors.split(separator: "\n").count == 1)
        #expect(result.errors.contains("no entity matches 'Qwxzqwxz'"))
    }
}
