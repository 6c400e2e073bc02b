import Foundation
import Testing
@testable import ConcordKit

/// The seeds embedded in the binary are exactly the repository's `seeds/` folder.
@Suite struct SeedCorpusTests {
    private var seedsFolder: String { TestKnowledgeBase.repositoryRoot + "/seeds" }

    @Test func everySeedFileIsEmbeddedByteForByte() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: seedsFolder).filter { $0.hasSuffix(".txt") }.sorted()
        let embedded = SeedCorpus.files
        let missing = Set(onDisk).subtracting(embedded.map(\.name)).sorted()
        #expect(missing.isEmpty, "seeds/\(missing.joined(separator: ", ")) not embedded: add it to SeedCorpus.embedded in Sources/ConcordKit/Ingest/SeedCorpus.swift")
        let stale = Set(embedded.map(\.name)).subtracting(onDisk).sorted()
        #expect(stale.isEmpty, "embedded seeds \(stale) no longer exist in seeds/: remove them from SeedCorpus.embedded")
        for file in embedded where onDisk.contains(file.name) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: seedsFolder + "/" + file.name))
            #expect(Data(file.text.utf8) == bytes, "embedded \(file.name) differs from seeds/\(file.name): rebuild, or re-embed it")
        }
    }

    @Test func filesInAFolderAreTheTextFilesSortedByName() throws {
        let folder = try TestKnowledgeBase.temporaryDirectory()
        try "b".write(toFile: folder + "/b.txt", atomically: true, encoding: .utf8)
        try "a".write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
        try "not a seed".write(toFile: folder + "/notes.md", atomically: true, encoding: .utf8)
        #expect(try SeedCorpus.files(in: folder).map(\.name) == ["a.txt", "b.txt"])
        #expect(throws: StoreError.seedsNotFound(path: folder + "/missing")) { try SeedCorpus.files(in: folder + "/missing") }
    }
}
