import Foundation
import GRDB

/// Writes the changes a recipient may lack to a changeset file (`concord export`).
///
/// By default that is every change known here, from every replica, so files can be
/// relayed; `--since` and `--for` narrow it to what is not covered by a version
/// vector. The file is written under a temporary name next to the target, flushed,
/// and renamed, so a reader never sees half a file.
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
        let (records, vector, baseline, base, peer) = try knowledgeBase.read { db in
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
            return (
                try ChangeLog().records(notCoveredBy: base, in: db), try ChangeLog().versionVector(in: db),
                try SyncBaseline.identifier(in: db), base, peer)
        }
        let header = try write(
            records, to: path, origin: knowledgeBase.replicaID, vector: vector, baseline: baseline,
            signer: ChangesetSigner(knowledgeBase: knowledgeBase)
        ).header
        return Outcome(path: path, header: header, baseVector: base, peer: peer)
    }

    /// Writes `records` to `path` atomically (temporary file beside it, flushed, then renamed), signed by
    /// `signer` (which must be `origin`'s); returns the header and the path written. `name`, if given, picks
    /// the final file name in the same folder from the file's hex checksum. Records keep their origins'
    /// signatures; call it outside any open read of the signer's knowledge base.
    @discardableResult
    public func write(
        _ records: [ChangeRecord], to path: String, origin: String, vector: [String: Int64], baseline: String,
        signer: ChangesetSigner, name: ((String) -> String)? = nil
    ) throws -> (header: ChangesetFileHeader, path: String) {
        guard signer.replicaID == origin else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "the file is signed by replica \(signer.replicaID.prefix(8)), not by its writer \(origin.prefix(8))")
        }
        let (keys, records) = try signer.keyTable(for: records)
        let header = ChangesetFileHeader(
            originReplicaID: origin, recordCount: records.count, ranges: ChangesetFileHeader.ranges(of: records),
            originVersionVector: vector, baseline: baseline, publicKeys: keys)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            ".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).\(ChangesetFileFormat.fileExtension)").path
        do {
            let writer = try ChangesetFileWriter(path: temporary, header: header, signingKey: signer.key)
            for record in records { try writer.write(record) }
            try writer.finish()
            var target = path
            if let name, let checksum = ChangesetFileReader.storedChecksum(path: temporary)?.checksum {
                target = folder.appendingPathComponent(name(checksum)).path
            }
            guard rename(temporary, target) == 0 else {
                throw ChangesetFileError.cannotWrite(file: target, reason: String(cString: strerror(errno)))
            }
            return (header, target)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
