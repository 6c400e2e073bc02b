import Foundation
import GRDB

/// Imports arbitrary SQLite changesets the way a trusted peer's file would bring them: each one is
/// signed as the next change of a test replica whose key the probe's knowledge base trusts, written
/// as a changeset file, and imported, so the validation and the merge engine see it.
///
/// The one code path shared by the changeset fuzzer's apply mode (`Sources/ConcordFuzzChangeset`)
/// and its regression test (`ChangesetApplyFuzzTests`). A refused file must leave the content hash
/// as it was and the database intact; a violation stops the process (a fuzzer finding).
public final class ChangesetApplyProbe: @unchecked Sendable {
    /// The receiving knowledge base (in memory, built on a small baseline).
    public let knowledgeBase: KnowledgeBase
    private let key: ReplicaSigningKey
    private let replicaID: String
    private let baseline: String
    private let scratchPath: String

    static let baselineText = """
        Committee on Migrant Workers
        Summary record of the 1st meeting
        1. Mr. Lewis (Office of the High Commissioner for Human Rights) spoke about the Convention.
        2. The Committee on Migrant Workers met with Mexico and Ghana.
        """

    /// A probe writing its files to `scratchPath`.
    public init(scratchPath: String) throws {
        self.scratchPath = scratchPath
        knowledgeBase = try KnowledgeBase.inMemory(author: "fuzz")
        try Ingestor().ingest(text: Self.baselineText, sourceName: "000_baseline.txt", into: knowledgeBase)
        try SyncBaseline.adopt(knowledgeBase)
        // A fixed test key: inputs replay the same way in every process.
        key = try ReplicaSigningKey(rawRepresentation: Data(repeating: 0x42, count: 32))
        replicaID = ReplicaKeyBinding.derivedReplicaID(for: key.publicKey)
        let (key, own) = (key.publicKey, knowledgeBase.signingKey.publicKey)
        try knowledgeBase.database.write { db in _ = try TrustStore().add(name: "fuzz", publicKey: key, ownKey: own, in: db) }
        baseline = try knowledgeBase.read { db in try SyncBaseline.identifier(in: db) }
    }

    /// Imports `changeset` as the test replica's next change, its clock `aheadMinutes` ahead of now;
    /// returns whether it was applied. Refusals are answers, not errors.
    @discardableResult
    public func probe(changeset: Data, aheadMinutes: Int = 0) throws -> Bool {
        let before = try state()
        let sequence = (before.vector[replicaID] ?? 0) + 1
        var record = ChangeRecord(
            replicaID: replicaID, sequence: sequence,
            timestamp: HybridLogicalClock.physical(Date().addingTimeInterval(Double(aheadMinutes) * 60)),
            author: "fuzz", summary: "fuzz input", dependencies: [:], changeset: changeset)
        record.signature = try ChangeSignature.sign(record, with: key)
        let header = ChangesetFileHeader(
            originReplicaID: replicaID, recordCount: 1, ranges: [.init(replicaID: replicaID, first: sequence, last: sequence)],
            originVersionVector: [replicaID: sequence], baseline: baseline, publicKeys: [replicaID: key.publicKey], formatVersion: 2)
        let writer = try ChangesetFileWriter(path: scratchPath, header: header, signingKey: key)
        try writer.write(record)
        try writer.finish()
        let applied: Bool
        do {
            applied = try ChangesetImporter().importFile(at: scratchPath, displayName: "input", into: knowledgeBase).applied == 1
        } catch is ChangesetFileError {
            applied = false
        } catch is SyncError {
            applied = false
        } catch let error as DatabaseError {
            // A constraint the schema enforces (a foreign key, a CHECK) refuses the file at commit.
            precondition(error.resultCode == .SQLITE_CONSTRAINT, "import failed with \(error)")
            applied = false
        }
        let after = try state()
        precondition(after.integrity == "ok", "integrity_check after an import: \(after.integrity)")
        if !applied { precondition(after.digest == before.digest && after.vector == before.vector, "a refused file changed the knowledge base") }
        // Whatever was stored reads back: the content hash and conflicts go over every synced row.
        _ = try knowledgeBase.read { db in try ConflictList(localReplicaID: knowledgeBase.replicaID).conflicts(in: db) }
        return applied
    }

    private func state() throws -> (digest: String, vector: [String: Int64], integrity: String) {
        try knowledgeBase.read { db in
            (try ContentHash().digest(in: db), try ChangeLog().versionVector(in: db),
             try String.fetchAll(db, sql: "PRAGMA quick_check").joined(separator: "; "))
        }
    }
}
