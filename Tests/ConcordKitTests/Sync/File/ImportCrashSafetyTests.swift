import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// `concord import` killed with SIGKILL at random moments: the file is applied wholly
/// or not at all, the database stays intact, and importing again completes and converges.
@Suite(.serialized) struct ImportCrashSafetyTests {
    /// Changes in the file and entities each one adds: enough work for an import to be killed mid-way.
    static let changeCount = 200
    static let entitiesPerChange = 12
    static let killCount = 16

    /// What a knowledge base file holds, as far as atomicity goes.
    struct Snapshot: Equatable, CustomStringConvertible {
        var integrity: String
        var hash: String
        /// Changes of the exporting replica this one holds (0 or all of them, never in between).
        var fromExporter: Int64
        var description: String { "integrity \(integrity), \(fromExporter) changes from the exporter, hash \(hash.prefix(12))" }
    }

    static func snapshot(_ path: String, exporter: String) throws -> Snapshot {
        let knowledgeBase = try KnowledgeBase.open(path: path, author: "check")
        defer { try? knowledgeBase.close() }
        return try knowledgeBase.read { db in
            Snapshot(
                integrity: try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; "),
                hash: try ContentHash().digest(in: db),
                fromExporter: try ChangeLog().versionVector(in: db)[exporter] ?? 0)
        }
    }

    /// A seeded exporter with `changeCount` local changes, a seeded importer that trusts it (closed,
    /// as a pristine file to copy), and the exported file.
    static func prepare() throws -> (exporter: KnowledgeBase, importerPath: String, file: String) {
        let exporter = try SyncFileFixtures.replica(author: "Exporter")
        let (importer, importerPath) = try TestKnowledgeBase.seeded(author: "Importer")
        try SyncFileFixtures.trustEachOther(exporter, importer)
        try importer.close()
        for change in 0..<changeCount {
            try exporter.write("add batch \(change)") { db in
                for index in 0..<entitiesPerChange {
                    try db.execute(
                        sql: "INSERT INTO entities (id, kind, name, summary) VALUES (?, 'person', ?, ?)",
                        arguments: [String(format: "person:%08x%08x", change, index), "Person \(change)-\(index)",
                                    String(repeating: "A summary long enough to make the file weigh something. ", count: 4)])
                }
            }
        }
        let file = try SyncFileFixtures.export(exporter)
        return (exporter, importerPath, file)
    }

    @Test func killedImportsApplyWhollyOrNotAtAllAndARetryConverges() throws {
        let (exporter, pristine, file) = try Self.prepare()
        let exporterID = exporter.replicaID
        let exporterHash = try SyncFileFixtures.digest(exporter)
        let before = try Self.snapshot(pristine, exporter: exporterID)
        #expect(before.fromExporter == 0 && before.hash != exporterHash)

        // One uninterrupted import, timed, gives the "after" state and the span to kill in.
        let reference = try TestKnowledgeBase.temporaryDirectory() + "/reference.db"
        try FileManager.default.copyItem(atPath: pristine, toPath: reference)
        let started = Date()
        let full = try ConcordProcess.run(["import", file, "--db", reference])
        var duration = Date().timeIntervalSince(started)
        #expect(full.status == 0, "\(full.errors)")
        // A second timed run: the shorter of the two, so the kills are not spent on a process already done.
        let second = try TestKnowledgeBase.temporaryDirectory() + "/second.db"
        try FileManager.default.copyItem(atPath: pristine, toPath: second)
        let secondStarted = Date()
        _ = try ConcordProcess.run(["import", file, "--db", second])
        duration = min(duration, Date().timeIntervalSince(secondStarted))
        let after = try Self.snapshot(reference, exporter: exporterID)
        #expect(after == Snapshot(integrity: "ok", hash: exporterHash, fromExporter: Int64(Self.changeCount)))
        print("import of \(Self.changeCount) changes (\(Self.changeCount * Self.entitiesPerChange) rows): \(String(format: "%.2f", duration)) s uninterrupted")

        // Most kills inside the run (before and during the transaction), the last few around and past its end.
        let outcomes = try CrashRounds(
            arguments: ["import", file], pristine: pristine, before: before, after: after, duration: duration,
            inside: 0.9, rounds: Self.killCount, seed: 0x1_C0FFEE, snapshot: { try Self.snapshot($0, exporter: exporterID) }
        ).run()
        print("import kills (\(String(format: "%.0f", Date().timeIntervalSince(started))) s in all): \(CrashRounds<Snapshot>.summary(outcomes))")
        // Where each kill lands depends on the machine's speed and load: only "before or after, never
        // between" is guaranteed, and CrashRounds checks that after every kill. The summary above says
        // how many landed inside the transaction this time.
    }
}
