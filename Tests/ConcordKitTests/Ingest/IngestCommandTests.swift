import Foundation
import Testing
@testable import ConcordKit

/// `concord ingest FILE…` end to end, on a small knowledge base built from a
/// one-file seed folder (fast to create).
@Suite struct IngestCommandTests {
    /// A folder with one tiny seed, and a database path beside it (not yet created).
    static func smallStore() throws -> (seeds: String, database: String, folder: String) {
        let folder = try TestKnowledgeBase.temporaryDirectory()
        let seeds = folder + "/seeds"
        try FileManager.default.createDirectory(atPath: seeds, withIntermediateDirectories: true)
        try "The meeting was called to order at 3 p.m.\n\n1. The Chair welcomed the members.\n"
            .write(toFile: seeds + "/001_small.txt", atomically: true, encoding: .utf8)
        return (seeds, folder + "/concord.db", folder)
    }

    @Test func ingestAddsADocumentAndASecondTimeChangesNothing() throws {
        let store = try Self.smallStore()
        let file = store.folder + "/report.txt"
        try "1. The Special Rapporteur on the human rights of migrants presented a report.\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let first = try ConcordProcess.run(["ingest", file, "--db", store.database, "--seeds", store.seeds])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("report.txt: added 1 paragraphs"))
        let second = try ConcordProcess.run(["ingest", file, "--db", store.database])
        #expect(second.status == 0)
        #expect(second.output.contains("already in the knowledge base"))
        let search = try ConcordProcess.run(["search", "Rapporteur", "--db", store.database, "--json"])
        #expect(search.output.split(separator: "\n").count == 1)
    }

    @Test(arguments: ["missing", "binary", "empty"])
    func aBadFileIsRefusedOnItsOwnAndListedAtTheEnd(kind: String) throws {
        let store = try Self.smallStore()
        let good = store.folder + "/good.txt"
        try "1. A good document about enforced disappearance.\n".write(toFile: good, atomically: true, encoding: .utf8)
        let bad = store.folder + "/bad.txt"
        switch kind {
        case "binary": try Data([0x00, 0x01, 0x02, 0xFF, 0x00]).write(to: URL(fileURLWithPath: bad))
        case "empty": try "".write(toFile: bad, atomically: true, encoding: .utf8)
        default: break
        }
        let result = try ConcordProcess.run(["ingest", bad, good, "--db", store.database, "--seeds", store.seeds])
        #expect(result.status == 1, "a refused file makes the exit status 1")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("[1/2] bad.txt: refused:") })
        #expect(lines.contains { $0.hasPrefix("[2/2] good.txt: added 1 paragraphs") })
        #expect(lines.suffix(2).first == "refused:" && lines.last?.contains("bad.txt") == true, "\(result.output)")
        let after = try ConcordProcess.run(["search", "enforced", "--db", store.database])
        #expect(!after.output.contains("no paragraph matches"))
    }

    static func counts(_ path: String) throws -> [String: Int] {
        let knowledgeBase = try KnowledgeBase.open(path: path, author: "tester")
        defer { try? knowledgeBase.close() }
        return try IngestorTests.rowCounts(knowledgeBase)
    }
}
