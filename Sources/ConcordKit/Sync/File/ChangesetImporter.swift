import Foundation
import GRDB

/// Applies changeset files (`concord import`): each file entirely or not at all,
/// idempotently, in any order.
///
/// A file is first read through once to verify everything that can be verified
/// (structure, checksum, that every change fits this knowledge base's tables);
/// then, in one transaction, it is read again and each record handed to the sync
/// engine. Any error rolls the transaction back.
public struct ChangesetImporter: Sendable {
    /// What importing one file did.
    public struct Outcome: Sendable, Equatable {
        /// The file as named by the caller.
        public var file: String
        public var originReplicaID: String
        public var recordCount: Int
        /// Records applied now (including earlier waiting ones this file released).
        public var applied: Int
        public var alreadyPresent: Int
        /// Records of this file that wait for earlier changes.
        public var waiting: Int
        /// Hex SHA-256 of the file (its trailer).
        public var checksum: String
        public var ranges: [ChangesetFileHeader.ReplicaRange]
        /// Fingerprints of the keys accepted once without trust (`--allow-untrusted`), and `unsigned` if
        /// unsigned changes were; empty when every signer was trusted.
        public var acceptedWithoutTrust: [String] = []
    }

    public init() {}

    /// Verifies and applies the file at `path`; throws a ``ChangesetFileError`` (nothing applied) if it is refused.
    ///
    /// Every signature is checked before anything is applied; then, in the import's transaction and
    /// before any change is applied, every signer's key must be the one its replica is bound to
    /// and be trusted (see ``TrustStore``).
    ///
    /// - Parameters:
    ///   - allowUntrusted: accept unsigned changes and untrusted keys this once, and record that it was done
    ///     (`import --allow-untrusted`); an impersonation or a bad signature is refused all the same.
    ///   - accept: called with the verified header before anything is applied; throw to refuse the file.
    ///   - afterApplying: called inside the import's transaction, to record the import atomically with it.
    public func importFile(
        at path: String, displayName: String? = nil, into knowledgeBase: KnowledgeBase, allowUntrusted: Bool = false,
        accept: (ChangesetFileHeader) throws -> Void = { _ in },
        afterApplying: (Outcome, Database) throws -> Void = { _, _ in }
    ) throws -> Outcome {
        let name = displayName ?? path
        let (schema, baseline) = try knowledgeBase.read { db in (try ChangesetSchemaCheck(in: db), try SyncBaseline.identifier(in: db)) }
        let verified = try ChangesetFileReader.verifySigned(path: path, displayName: name) { record in
            try schema.check(record, file: name)
        }
        guard verified.header.baseline == baseline else {
            throw ChangesetFileError.differentBaseline(file: name, theirs: verified.header.baseline, ours: baseline)
        }
        try accept(verified.header)
        let trust = ChangesetTrustCheck(
            localReplicaID: knowledgeBase.replicaID, ownKey: knowledgeBase.signingKey.publicKey, allowUntrusted: allowUntrusted)
        return try knowledgeBase.database.write { db in try BulkWritePageCache.during(in: db) {
            let verdict = try trust.evaluate(
                .init(keys: verified.signers, unsignedReplicas: verified.unsignedReplicas, writer: verified.header.originReplicaID), file: name, in: db)
            // find's name index is brought up to date once, after every change is applied (not at each statement).
            var outcome = try NameSearchMaintenance.deferring(in: db) {
                try apply(path: path, name: name, expected: verified.checksum, localReplicaID: knowledgeBase.replicaID, in: db)
            }
            try verdict.record(file: name, in: db)
            outcome.acceptedWithoutTrust = verdict.untrustedKeys.map(PublicKeyText.fingerprint) + (verdict.acceptsUnsigned ? ["unsigned"] : [])
            try afterApplying(outcome, db)
            return outcome
        } }
    }

    private func apply(path: String, name: String, expected: [UInt8], localReplicaID: String, in db: Database) throws -> Outcome {
        let reader = try ChangesetFileReader(path: path, displayName: name)
        // The checksum is compared with the verified pass's below, so these are the bytes whose signatures were checked.
        reader.checksSignatures = false
        let integrator = ChangeIntegrator(localReplicaID: localReplicaID)
        let appliedBefore = try ChangeLog().versionVector(in: db).values.reduce(0, +)
        var outcome = Outcome(
            file: name, originReplicaID: reader.header.originReplicaID, recordCount: reader.header.recordCount,
            applied: 0, alreadyPresent: 0, waiting: 0, checksum: ReplicaIDCoding.text(expected), ranges: reader.header.ranges)
        var current = ""
        do {
            while let record = try reader.next() {
                current = "change \(record.replicaID.prefix(8))#\(record.sequence)"
                if try integrator.integrate(record, in: db) == .alreadyPresent { outcome.alreadyPresent += 1 }
            }
        } catch let error as SyncError {
            switch error {
            case .sourceRowChanged, .mentionOutsideParagraph:
                throw ChangesetFileError.refusedChange(file: name, change: current, reason: error.localizedDescription)
            default: throw error
            }
        } catch let error as ChangesetFileError {
            // The file passed verification a moment ago: it changed in between.
            throw error == .checksumMismatch(file: name) ? ChangesetFileError.changedWhileReading(file: name) : error
        }
        guard reader.checksum == expected else { throw ChangesetFileError.changedWhileReading(file: name) }
        // Changes apply in causal order, so the version vector grows by exactly the number applied,
        // which counts earlier waiting changes this file released, and none of this file's that still wait.
        outcome.applied = Int(try ChangeLog().versionVector(in: db).values.reduce(0, +) - appliedBefore)
        // The file's own waiting changes are the waiting ones inside its ranges (its ranges are exact), found
        // without keeping a set of every record read: that set alone was ~100 bytes a change (100 MB for 1M).
        let ranges = Dictionary(grouping: reader.header.ranges, by: \.replicaID)
        outcome.waiting = try integrator.pending(in: db).filter { waiting in
            ranges[waiting.replicaID]?.contains { $0.first <= waiting.sequence && waiting.sequence <= $0.last } == true
        }.count
        try PeerDirectory().recordHeader(
            reader.header, fileName: (name as NSString).lastPathComponent, localReplicaID: localReplicaID, in: db)
        return outcome
    }
}
