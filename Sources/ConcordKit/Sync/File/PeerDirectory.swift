import Foundation
import GRDB

/// What this knowledge base knows about other replicas: for each, the version vector
/// from the header of the newest file of it imported here (table `sync_peers`).
///
/// It only ever grows (vectors are merged entry by entry, keeping the higher
/// sequence), so an old file imported late does not make a peer look behind.
public struct PeerDirectory: Sendable {
    /// One other replica and what it had.
    public struct Peer: Sendable, Equatable {
        public var replicaID: String
        public var versionVector: [String: Int64]
        public var lastFile: String
        public var writtenAt: String
        public var importedAt: String
    }

    public init() {}

    /// Merges what a file's header says its origin had; does nothing for this replica's own files.
    func recordHeader(_ header: ChangesetFileHeader, fileName: String, localReplicaID: String, in db: Database) throws {
        guard header.originReplicaID != localReplicaID else { return }
        var vector = try peer(header.originReplicaID, in: db)?.versionVector ?? [:]
        vector.merge(header.originVersionVector) { max($0, $1) }
        let json = String(decoding: try JSONEncoder().encode(vector), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO sync_peers (replica_id, version_vector, last_file, written_at, imported_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (replica_id) DO UPDATE SET version_vector = excluded.version_vector,
                  last_file = excluded.last_file, written_at = max(written_at, excluded.written_at),
                  imported_at = excluded.imported_at
                """,
            arguments: [header.originReplicaID, json, fileName, Timestamp.string(from: header.writtenAt), Timestamp.now()])
    }

    /// Every peer, by replica id.
    public func peers(in db: Database) throws -> [Peer] {
        try Row.fetchAll(db, sql: "SELECT * FROM sync_peers ORDER BY replica_id").map(Self.peer(from:))
    }

    /// The peer with this id, if a file of it was imported.
    public func peer(_ replicaID: String, in db: Database) throws -> Peer? {
        try Row.fetchOne(db, sql: "SELECT * FROM sync_peers WHERE replica_id = ?", arguments: [replicaID]).map(Self.peer(from:))
    }

    /// The peer whose id is `reference` or starts with it.
    public func peer(matching reference: String, in db: Database) throws -> Peer {
        let lowered = reference.lowercased()
        let matches = try peers(in: db).filter { $0.replicaID.hasPrefix(lowered) }
        if let exact = matches.first(where: { $0.replicaID == lowered }) { return exact }
        guard !lowered.isEmpty, let only = matches.first else { throw SyncTransportError.unknownPeer(reference) }
        guard matches.count == 1 else {
            throw SyncTransportError.ambiguousPeer(reference, candidates: matches.map { String($0.replicaID.prefix(12)) })
        }
        return only
    }

    private static func peer(from row: Row) throws -> Peer {
        let json: String = row["version_vector"]
        let vector = (try? JSONDecoder().decode([String: Int64].self, from: Data(json.utf8))) ?? [:]
        return Peer(
            replicaID: row["replica_id"], versionVector: vector, lastFile: row["last_file"],
            writtenAt: row["written_at"], importedAt: row["imported_at"])
    }
}
