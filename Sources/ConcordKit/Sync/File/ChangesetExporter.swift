import Foundation
import GRDB

/// Writes the changes a recipient may lack to a changeset file (`concord export`).
///
/// By default that is every change known here, from every replica, so files can be
/// relayed; `--since` and `--for` narrow it to what is not covered by a version
/// vector. The file (format 3) is written as the change log is read, through a cursor in
/// causal order, so no more than one change is held in memory; its ranges and their proofs
/// are known before the first record from the version vectors (``ChangesetExportPlan``). It is
/// written under a temporary name next to the target, flushed, and renamed, so a reader never
/// sees half a file.
public struct ChangesetExporter: Sendable {
    /// Which changes to write.
    public enum Selection: Sendable, Equatable {
        /// Every change known here.
        case everything
        /// Changes not covered by this version vector.
        case since([String: Int64])
        /// Changes not covered by this version vector as text (see ``VersionVectorText``).
        case sinceText(String)
        /// Changes the peer (id or unique prefix) lacked when it last wrote a file imported here.
        case forPeer(String)
    }

    /// What was written.
    public struct Outcome: Sendable {
        public var path: String
        public var header: ChangesetFileHeader
        /// The vector the selection started from (empty for everything).
        public var baseVector: [String: Int64]
        public var peer: String?
    }

    public init() {}

    /// Writes the selected changes of `knowledgeBase` to `path`, signed by its replica.
    public func export(to path: String, selection: Selection, from knowledgeBase: KnowledgeBase) throws -> Outcome {
        try knowledgeBase.read { db in
            var peer: String?
            let base: [String: Int64]
            switch selection {
            case .everything: base = [:]
            case let .since(vector): base = vector
            case let .sinceText(text):
                let known = Array(try ChangeLog().versionVector(in: db).keys) + (try PeerDirectory().peers(in: db).map(\.replicaID))
                base = try VersionVectorText.parse(text, knownReplicas: known)
            case let .forPeer(reference):
                let found = try PeerDirectory().peer(matching: reference, in: db)
                peer = found.replicaID
                base = found.versionVector
            }
            let written = try write(notCoveredBy: base, to: path, knowledgeBase: knowledgeBase, in: db)
            return Outcome(path: path, header: written.header, baseVector: base, peer: peer)
        }
    }

    /// Writes every change of `knowledgeBase`'s log not covered by `base` to `path` atomically, streaming from
    /// the log, signed by its replica; `db` is a read of that knowledge base. `name`, if given, picks the final
    /// file name in the same folder from the file's hex checksum. Returns the header and the path written.
    @discardableResult
    public func write(
        notCoveredBy base: [String: Int64], to path: String, knowledgeBase: KnowledgeBase, name: ((String) -> String)? = nil,
        in db: Database
    ) throws -> (header: ChangesetFileHeader, path: String) {
        let log = ChangeLog()
        let vector = try log.versionVector(in: db)
        let plan = try ChangesetExportPlan.notCovered(
            by: base, vector: vector, writer: knowledgeBase.replicaID, writerKey: knowledgeBase.signingKey.publicKey, in: db)
        let header = ChangesetFileHeader(
            originReplicaID: knowledgeBase.replicaID, recordCount: plan.recordCount, ranges: plan.ranges,
            originVersionVector: vector, baseline: try SyncBaseline.identifier(in: db), publicKeys: plan.keys, rangeProofs: plan.proofs)
        let target = try atomically(path: path, name: name) { temporary in
            let writer = try ChangesetFileWriter(path: temporary, header: header, signingKey: knowledgeBase.signingKey)
            try log.forEachRecord(notCoveredBy: base, in: db) { record in try writer.write(record) }
            try writer.finish()
        }
        return (header, target)
    }

    /// Writes `records` to `path` atomically (temporary file beside it, flushed, then renamed), signed by
    /// `signer` (which must be `origin`'s); returns the header and the path written. `name`, if given, picks
    /// the final file name in the same folder from the file's hex checksum. Records keep their origins'
    /// signatures (a run ending in a chain signature is chain-proved when the chain hash before it is in
    /// the signer's log); call it outside any open read of the signer's knowledge base.
    @discardableResult
    public func write(
        _ records: [ChangeRecord], to path: String, origin: String, vector: [String: Int64], baseline: String,
        signer: ChangesetSigner, name: ((String) -> String)? = nil
    ) throws -> (header: ChangesetFileHeader, path: String) {
        guard signer.replicaID == origin else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "the file is signed by replica \(signer.replicaID.prefix(8)), not by its writer \(origin.prefix(8))")
        }
        let (keys, chainHashes) = try signer.keysAndChainHashes(for: records)
        let plan = ChangesetExportPlan.of(
            records, writer: origin, writerKey: signer.key.publicKey, knownKeys: keys,
            chainBefore: { chainHashes[RecordKey(replicaID: $0, sequence: $1)] })
        let header = ChangesetFileHeader(
            originReplicaID: origin, recordCount: records.count, ranges: plan.ranges,
            originVersionVector: vector, baseline: baseline, publicKeys: plan.keys, rangeProofs: plan.proofs)
        let target = try atomically(path: path, name: name) { temporary in
            let writer = try ChangesetFileWriter(path: temporary, header: header, signingKey: signer.key)
            for record in records { try writer.write(record) }
            try writer.finish()
        }
        return (header, target)
    }

    /// Runs `write` on a temporary path beside `path`, then renames it to `path` (or to `name(checksum)` in the same folder).
    private func atomically(path: String, name: ((String) -> String)?, _ write: (String) throws -> Void) throws -> String {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            ".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).\(ChangesetFileFormat.fileExtension)").path
        do {
            try write(temporary)
            var target = path
            if let name, let checksum = ChangesetFileReader.storedChecksum(path: temporary)?.checksum {
                target = folder.appendingPathComponent(name(checksum)).path
            }
            guard rename(temporary, target) == 0 else {
                throw ChangesetFileError.cannotWrite(file: target, reason: String(cString: strerror(errno)))
            }
            return target
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
