import Foundation
import GRDB

/// Where this replica stands in the exchange of changes (`concord status`): its id,
/// its version vector (in the text form `export --since` takes), what waits for
/// earlier changes, and what each known peer lacks.
public struct SyncStatus: Sendable {
    /// A change received before something it depends on.
    public struct Waiting: Sendable, Encodable {
        public var replica: String
        public var sequence: Int64
        public var author: String
        public var summary: String
        /// The missing changes, as a version vector text.
        public var missing: String
    }

    /// Another replica and how far behind it is, as far as this one knows.
    public struct PeerState: Sendable, Encodable {
        public var replica: String
        public var versionVector: String
        /// Changes known here that it did not have when it wrote its last file imported here.
        public var lacks: Int
        public var lastFile: String
        public var writtenAt: String
    }

    public var replicaID: String
    public var author: String
    public var baseline: String
    public var versionVector: [String: Int64]
    public var changeCount: Int
    public var localChangeCount: Int
    public var waiting: [Waiting]
    public var peers: [PeerState]

    /// Reads the status of `knowledgeBase`.
    public static func read(from knowledgeBase: KnowledgeBase) throws -> SyncStatus {
        try knowledgeBase.read { db in
            let log = ChangeLog()
            let waiting = try ChangeIntegrator(knowledgeBase: knowledgeBase).pending(in: db).map { change in
                Waiting(
                    replica: change.replicaID, sequence: change.sequence, author: change.author, summary: change.summary,
                    missing: VersionVectorText.format(change.missing))
            }
            let peers = try PeerDirectory().peers(in: db).map { peer in
                PeerState(
                    replica: peer.replicaID, versionVector: VersionVectorText.format(peer.versionVector),
                    lacks: try uncoveredCount(by: peer.versionVector, in: db), lastFile: peer.lastFile, writtenAt: peer.writtenAt)
            }
            let vector = try log.versionVector(in: db)
            return SyncStatus(
                replicaID: knowledgeBase.replicaID, author: knowledgeBase.author, baseline: try SyncBaseline.identifier(in: db),
                versionVector: vector, changeCount: try log.count(in: db), localChangeCount: Int(vector[knowledgeBase.replicaID] ?? 0),
                waiting: waiting, peers: peers)
        }
    }

    /// How many logged changes a replica with `vector` lacks (counted in SQL, without loading the changes).
    static func uncoveredCount(by vector: [String: Int64], in db: Database) throws -> Int {
        let json = String(decoding: try JSONEncoder().encode(vector), as: UTF8.self)
        return try Int.fetchOne(
            db,
            sql: """
                SELECT count(*) FROM sync_changes c LEFT JOIN json_each(?) v ON v.key = c.replica_id
                WHERE c.sequence > coalesce(v.value, 0)
                """,
            arguments: [json]) ?? 0
    }
}
