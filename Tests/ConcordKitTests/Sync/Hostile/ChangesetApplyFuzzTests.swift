import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// The changeset fuzzer's apply mode, replayed: real changesets and seeded mutations of them,
/// each signed with the probe's trusted test key and imported. Every input must end applied or
/// refused, a refused one leaving the knowledge base as it was (the probe checks; a violation
/// stops the process), and the corpus files (`Tests/FuzzCorpus/changeset/apply-*`) replay too.
@Suite struct ChangesetApplyFuzzTests {
    static let corpus = TestKnowledgeBase.repositoryRoot + "/Tests/FuzzCorpus/changeset"

    /// Changesets of ordinary edits, captured on a replica with the probe's baseline.
    static func seedChangesets() throws -> [Data] {
        let replica = try SyncTestReplica.make("seed", baseline: ChangesetApplyProbe.baselineText)
        let person = try replica.addEntity("Ms. Example")
        try replica.edit("alias", "INSERT INTO aliases (entity_id, alias, normalized_alias) VALUES (?, 'M. Example', 'm example')", [person])
        try replica.edit("summary", "UPDATE entities SET summary = 'Rapporteur', place = 'Geneva' WHERE id = ?", [person])
        try replica.edit("note", """
            INSERT INTO annotations (id, target_kind, target_id, annotation_kind, body, author, created_at)
            VALUES ('note:1', 'entity', ?, 'note', 'met in 2024', 'seed', '2026-01-01T00:00:00Z')
            """, [person])
        try replica.edit("delete", "UPDATE entities SET is_deleted = 1 WHERE id = ?", [person])
        try Ingestor().ingest(text: "Committee against Torture\n1. Ms. Example spoke for Ghana.", sourceName: "x.txt", into: replica.knowledgeBase)
        return try replica.knowledgeBase.read { db in try ChangeLog().records(notCoveredBy: [:], in: db) }.map(\.changeset)
    }

    @Test func realAndMutatedChangesetsAreAppliedOrRefusedCleanly() throws {
        let probe = try ChangesetApplyProbe(scratchPath: try SyncFileFixtures.filePath("apply.concord"))
        let seeds = try Self.seedChangesets()
        var applied = 0
        for changeset in seeds where try probe.probe(changeset: changeset) { applied += 1 }
        #expect(applied == seeds.count)
        var generator = SeededGenerator(seed: 16)
        for round in 0..<300 {
            var bytes = [UInt8](seeds[round % seeds.count])
            for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] ^= UInt8.random(in: 1...255, using: &generator)
                case 1: bytes.removeSubrange(index...)
                default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
                }
            }
            try probe.probe(changeset: Data(bytes), aheadMinutes: round % 90)
        }
        if let folder = ProcessInfo.processInfo.environment["CONCORD_WRITE_APPLY_CORPUS"] {
            for (index, changeset) in seeds.enumerated() {
                try (Data([0]) + changeset).write(to: URL(fileURLWithPath: folder + "/apply-\(String(format: "%02d", index + 1)).bin"))
            }
        }
    }

    @Test func theApplyCorpusReplays() throws {
        let probe = try ChangesetApplyProbe(scratchPath: try SyncFileFixtures.filePath("apply.concord"))
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus).filter { $0.hasPrefix("apply-") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.corpus + "/" + file))
            try probe.probe(changeset: bytes.dropFirst(), aheadMinutes: Int(bytes.first ?? 0))
        }
    }
}
