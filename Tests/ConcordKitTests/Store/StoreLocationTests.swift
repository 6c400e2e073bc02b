import Foundation
import Testing
@testable import ConcordKit

/// Where the knowledge base lives and how it is created, end to end with the real binary.
@Suite struct StoreLocationTests {
    @Test func aDatabaseCreatedInOneDirectoryOpensFromAnother() throws {
        let store = try IngestCommandTests.smallStore()
        let elsewhere = try TestKnowledgeBase.temporaryDirectory()
        let created = try ConcordProcess.run(["search", "Chair", "--db", "kb.db", "--seeds", store.seeds], directory: store.folder)
        #expect(created.status == 0, "\(created.errors)")
        #expect(created.errors.contains("Creating a new knowledge base at \(store.folder)/kb.db"))
        #expect(created.output.contains("welcomed"))
        #expect(FileManager.default.fileExists(atPath: store.folder + "/kb.db"))
        // From another directory: an absolute path, and CONCORD_DB, find the same base without re-creating it.
        let absolute = try ConcordProcess.run(["search", "Chair", "--db", store.folder + "/kb.db"], directory: elsewhere)
        #expect(absolute.status == 0 && absolute.output == created.output)
        #expect(!absolute.errors.contains("Creating"))
        let fromEnvironment = try ConcordProcess.run(["search", "Chair"], environment: ["CONCORD_DB": store.folder + "/kb.db"], directory: elsewhere)
        #expect(fromEnvironment.output == created.output)
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/kb.db"))
    }

    @Test func theBuiltInSeedsAreAnnouncedOnStandardError() throws {
        let folder = try TestKnowledgeBase.temporaryDirectory()
        let result = try ConcordProcess.run(["search", "enforced", "disappearance", "--json"], environment: ["XDG_DATA_HOME": folder, "CONCORD_DB": ""], directory: folder)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("Creating a new knowledge base at \(folder)/concord/concord.db from \(SeedCorpus.files.count) documents (the built-in seed documents)"))
        #expect(!result.output.contains("Creating"), "progress goes to standard error, never into --json output")
        #expect(!result.output.isEmpty)
    }

    @Test func aBadSeedsFolderLeavesNoDatabaseBehind() throws {
        let folder = try TestKnowledgeBase.temporaryDirectory()
        let result = try ConcordProcess.run(["search", "Chair", "--db", folder + "/kb.db", "--seeds", folder + "/nowhere"])
        #expect(result.status == 1)
        #expect(result.errors.split(separator: "\n").count == 1)
        #expect(result.errors.contains("no seed documents (*.txt) found in \(folder)/nowhere"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
