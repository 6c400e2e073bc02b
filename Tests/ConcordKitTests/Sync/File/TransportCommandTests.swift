import Foundation
import Testing
@testable import ConcordKit

/// The real binary: export, import, status and changeset show as a user runs them.
@Suite struct TransportCommandTests {
    static let samples = TestKnowledgeBase.repositoryRoot + "/sync/samples"

    /// A seeded copy that trusts the samples' writers, as a user does with `concord trust add`.
    static func trustingCopy() throws -> String {
        let database = try TestKnowledgeBase.seededCopyPath()
        for (name, file) in [("Ana", "01-ana-adds.concord"), ("Bo", "02-bo-edits.concord")] {
            let header = try ChangesetFileReader(path: samples + "/" + file).header
            let key = PublicKeyText.hex(try #require(header.publicKeys[header.originReplicaID]))
            let added = try ConcordProcess.run(["trust", "add", name, key, "--db", database])
            #expect(added.status == 0, "\(added.errors)")
        }
        return database
    }

    @Test func importReportsEachFileAndRefusesADamagedOneWithOneLine() throws {
        let database = try Self.trustingCopy()
        let folder = (database as NSString).deletingLastPathComponent
        var bytes = try Data(contentsOf: URL(fileURLWithPath: Self.samples + "/02-bo-edits.concord"))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: folder + "/damaged.concord"))
        let result = try ConcordProcess.run(
            ["import", Self.samples + "/01-ana-adds.concord", "damaged.concord", Self.samples + "/01-ana-adds.concord", "--db", database],
            directory: folder)
        #expect(result.status == 1)
        #expect(result.output == """
            \(Self.samples)/01-ana-adds.concord: 4 new changes applied, 0 already present, 0 waiting
            \(Self.samples)/01-ana-adds.concord: 0 new changes applied, 4 already present, 0 waiting

            """)
        let errors = result.errors.split(separator: "\n")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("error: damaged.concord: ") == true)
    }

    @Test func statusPrintsAVectorThatExportSinceAccepts() throws {
        let database = try Self.trustingCopy()
        _ = try ConcordProcess.run(["import", Self.samples + "/01-ana-adds.concord", "--db", database])
        let status = try ConcordProcess.run(["status", "--json", "--db", database])
        let object = try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any]
        let vector = try #require(object?["version_vector"] as? String)
        #expect(vector.hasSuffix(":4"))
        #expect((object?["peers"] as? [[String: Any]])?.count == 1)
        #expect(Set(object?.keys.map { $0 } ?? []) == ["replica", "author", "baseline", "version_vector", "changes", "local_changes", "waiting", "peers"])
        let file = (database as NSString).deletingLastPathComponent + "/since.concord"
        let export = try ConcordProcess.run(["export", file, "--since", vector, "--db", database])
        #expect(export.status == 0)
        #expect(export.output.contains("no changes the recipient lacks"))
        let bad = try ConcordProcess.run(["export", file, "--since", "nonsense", "--db", database])
        #expect(bad.status == 1 && bad.errors.contains("cannot read the version vector"))
    }

    @Test func changesetShowDescribesWithoutApplying() throws {
        let database = try TestKnowledgeBase.seededCopyPath()
        let shown = try ConcordProcess.run(["changeset", "show", Self.samples + "/02-bo-edits.concord", "--db", database])
        #expect(shown.status == 0)
        #expect(shown.output.contains("place: NULL → \"Geneva\""))
        #expect(shown.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
        // Who signed what: the writer, and each range's proof with the key it is checked against (Bo's own changes).
        let header = try ChangesetFileReader(path: Self.samples + "/02-bo-edits.concord").header
        let bo = PublicKeyText.fingerprint(try #require(header.publicKeys[header.originReplicaID]))
        #expect(shown.output.contains("file signed by its writer's key \(bo)"))
        #expect(shown.output.contains("\(header.originReplicaID.prefix(8)) 1…2: chain signature by key \(bo)"))
        let json = try ConcordProcess.run(["changeset", "show", "--json", Self.samples + "/02-bo-edits.concord", "--db", database])
        let lines = json.output.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["author"] as? String == "Bo")
        #expect(first?["sequence"] as? Int == 1)
        let status = try ConcordProcess.run(["status", "--json", "--db", database])
        #expect(status.output.contains("\"changes\":0"))
    }
}
