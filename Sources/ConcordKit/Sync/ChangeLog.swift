import Foundation
import GRDB

/// The change log (`sync_changes`): every change applied to this replica, local or
/// received, with the version vector that summarizes it.
///
/// Changes are kept in the order they were applied, which is a causal order, so
/// ``records(notCoveredBy:in:)`` can hand them to another replica as they are.
public struct ChangeLog: Sendable {
    /// A change as the log shows it: the record, and when it was applied here.
    public struct Entry: Sendable, Hashable {
        public var record: ChangeRecord
        /// ISO 8601 UTC time this replica applied it.
        public var appliedAt: String
        /// `true` for a change made on this replica.
        public var isLocal: Bool
        /// `true` for a local change that `undo` has reverted.
        public var isUndone: Bool
    }

    public init() {}

    /// The highest sequence applied here, per replica (every lower one is applied too).
    public func versionVector(in db: Database) throws -> [String: Int64] {
        var vector: [String: Int64] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT replica_id, sequence FROM sync_versions")) {
            vector[row[0]] = row[1]
        }
        return vector
    }

    /// The changes a replica with version vector `vector` lacks, dependencies first.
    public func records(notCoveredBy vector: [String: Int64], in db: Database) throws -> [ChangeRecord] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT c.* FROM sync_changes c LEFT JOIN json_each(?) v ON v.key = c.replica_id
                WHERE c.sequence > coalesce(v.value, 0) ORDER BY c.position
                """,
            arguments: [try DependencyCoding.encode(vector)]
        ).map(Self.record(from:))
    }

    /// Calls `body` with each change a replica with version vector `vector` lacks, dependencies first,
    /// reading them through a cursor: one change in memory at a time, however long the log.
    public func forEachRecord(
        notCoveredBy vector: [String: Int64], in db: Database, _ body: (ChangeRecord) throws -> Void
    ) throws {
        // Columns by position: looking each up by name cost as much as the rest of reading a change.
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.replica_id, c.sequence, c.timestamp, c.author, c.summary, c.dependencies, c.changeset,
                       c.signature, c.chain_hash, c.chain_signature
                FROM sync_changes c LEFT JOIN json_each(?) v ON v.key = c.replica_id
                WHERE c.sequence > coalesce(v.value, 0) ORDER BY c.position
                """,
            arguments: [try DependencyCoding.encode(vector)])
        while let row = try rows.next() {
            try body(ChangeRecord(
                replicaID: row[0], sequence: row[1], timestamp: UInt64(bitPattern: row[2]), author: row[3], summary: row[4],
                dependencies: try DependencyCoding.decode(row[5]), changeset: row[6] ?? Data(), signature: row[7],
                chainHash: row[8], chainSignature: row[9]))
        }
    }

    /// One change by its identity, if it was applied here.
    public func record(replica: String, sequence: Int64, in db: Database) throws -> ChangeRecord? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM sync_changes WHERE replica_id = ? AND sequence = ?", arguments: [replica, sequence]
        ).map(Self.record(from:))
    }

    /// The most recent changes first, at most `limit`.
    public func recent(limit: Int, localReplica: String, in db: Database) throws -> [Entry] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT c.*, (u.undone_sequence IS NOT NULL) AS is_undone FROM sync_changes c
                LEFT JOIN sync_undo u ON c.replica_id = ? AND u.undone_sequence = c.sequence
                ORDER BY c.position DESC LIMIT ?
                """,
            arguments: [localReplica, max(0, limit)]
        ).map { row in
            let record = try Self.record(from: row)
            return Entry(
                record: record, appliedAt: row["applied_at"], isLocal: record.replicaID == localReplica,
                isUndone: row["is_undone"])
        }
    }

    /// How many changes the log holds.
    public func count(in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_changes") ?? 0
    }

    /// Appends an applied change and advances the version vector.
    ///
    /// The change's chain hash is the record's own if it carries one (a file reader's, proved by a chain
    /// signature), else computed from the previous change of its replica, which is in the log already
    /// (changes are applied in sequence order per replica).
    func append(_ record: ChangeRecord, in db: Database) throws {
        let chainHash = try record.chainHash ?? ChangeChain.hash(of: record, after: try chainHash(before: record, in: db))
        // Bound directly (DirectStatement): GRDB's argument conversion was most of this function's cost in an import.
        try db.cachedStatement(sql: """
            INSERT INTO sync_changes
              (replica_id, sequence, timestamp, author, summary, dependencies, changeset, applied_at, signature,
               chain_hash, chain_signature)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run([
                record.replicaID.databaseValue, record.sequence.databaseValue, Int64(bitPattern: record.timestamp).databaseValue,
                record.author.databaseValue, record.summary.databaseValue, try DependencyCoding.encode(record.dependencies).databaseValue,
                record.changeset.databaseValue, Timestamp.now().databaseValue, record.signature.databaseValue,
                chainHash.databaseValue, record.chainSignature.databaseValue,
            ])
        try db.cachedStatement(sql: """
            INSERT INTO sync_versions (replica_id, sequence) VALUES (?, ?)
            ON CONFLICT (replica_id) DO UPDATE SET sequence = max(sequence, excluded.sequence)
            """).run([record.replicaID.databaseValue, record.sequence.databaseValue])
    }

    /// The chain hash of the change before `record` in its replica's sequence (``ChangeChain/origin`` before the first).
    func chainHash(before record: ChangeRecord, in db: Database) throws -> Data {
        try chainHash(replica: record.replicaID, sequence: record.sequence - 1, in: db)
    }

    /// The chain hash of change `sequence` of `replica` (``ChangeChain/origin`` for sequence 0);
    /// throws if the log does not hold it.
    func chainHash(replica: String, sequence: Int64, in db: Database) throws -> Data {
        if sequence <= 0 { return ChangeChain.origin }
        let stored = try Data.fetchOne(
            db.cachedStatement(sql: "SELECT chain_hash FROM sync_changes WHERE replica_id = ? AND sequence = ?"),
            arguments: [replica, sequence])
        guard let stored, stored.count == ChangeChain.hashSize else {
            throw ChangeChainError.missingChainHash(replica: replica, sequence: sequence)
        }
        return stored
    }

    static func record(from row: Row) throws -> ChangeRecord {
        ChangeRecord(
            replicaID: row["replica_id"], sequence: row["sequence"],
            timestamp: UInt64(bitPattern: row["timestamp"]), author: row["author"], summary: row["summary"],
            dependencies: try DependencyCoding.decode(row["dependencies"]), changeset: row["changeset"] ?? Data(),
            signature: row["signature"], chainHash: row["chain_hash"],
            chainSignature: row["chain_signature"])
    }
}

/// Version vectors as stored: a JSON object with sorted keys, `{"replica": sequence}`.
enum DependencyCoding {
    static func encode(_ vector: [String: Int64]) throws -> String {
        "{" + vector.keys.sorted().map { key in
            "\"\(key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\":\(vector[key] ?? 0)"
        }.joined(separator: ",") + "}"
    }

    static func decode(_ text: String) throws -> [String: Int64] {
        if text == "{}" { return [:] }
        if let vector = decodeWritten(text) { return vector }
        return try JSONDecoder().decode([String: Int64].self, from: Data(text.utf8))
    }

    /// Reads the exact form ``encode(_:)`` writes (`{"key":123,...}`, keys without escapes) without
    /// a JSON decoder, which cost more than the rest of reading a record; `nil` for anything else.
    static func decodeWritten(_ text: String) -> [String: Int64]? {
        var rest = text.utf8[...]
        guard rest.popFirst() == UInt8(ascii: "{"), rest.popLast() == UInt8(ascii: "}") else { return nil }
        var vector: [String: Int64] = [:]
        while true {
            guard rest.popFirst() == UInt8(ascii: "\""), let close = rest.firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            let key = rest[..<close]
            guard !key.contains(UInt8(ascii: "\\")) else { return nil }
            rest = rest[rest.index(after: close)...]
            guard rest.popFirst() == UInt8(ascii: ":") else { return nil }
            let end = rest.firstIndex(of: UInt8(ascii: ",")) ?? rest.endIndex
            guard let number = Int64(String(decoding: rest[..<end], as: UTF8.self)) else { return nil }
            vector[String(decoding: key, as: UTF8.self)] = number
            if end == rest.endIndex { return vector }
            rest = rest[rest.index(after: end)...]
        }
    }
}
