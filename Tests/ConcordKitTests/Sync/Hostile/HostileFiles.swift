import Foundation
import GRDB
@testable import ConcordKit

/// Crafted changeset files, as a compromised or buggy peer would write them: any row change,
/// under any replica id, signed (format 2, a signature per record) with a key the victim trusts.
enum HostileFiles {
    /// Bytes that stand for invalid UTF-8 inside a crafted text value (replaced after encoding).
    static let invalidTextMarker = "@@BAD@@"

    /// A changeset holding `changes`; every `invalidTextMarker` in a text value becomes seven 0xFF bytes.
    static func changeset(_ changes: [ChangesetChange]) -> Data {
        var encoder = ChangesetEncoder()
        for change in changes { encoder.append(change) }
        var bytes = encoder.changeset
        let marker = Data(invalidTextMarker.utf8)
        while let range = bytes.range(of: marker) { bytes.replaceSubrange(range, with: Data(repeating: 0xFF, count: marker.count)) }
        return bytes
    }

    /// An INSERT of a whole row of `table` (values in the table's column order).
    static func insert(_ table: String, _ values: [ChangesetValue], keys: [Bool]) -> ChangesetChange {
        ChangesetChange(table: table, operation: .insert, primaryKeyColumns: keys, oldValues: values.map { _ in nil }, newValues: values)
    }

    /// An UPDATE of one column of a row: `old` has the key values (and the column's old value), `new` the new value.
    static func update(_ table: String, keys: [Bool], old: [ChangesetValue?], new: [ChangesetValue?]) -> ChangesetChange {
        ChangesetChange(table: table, operation: .update, primaryKeyColumns: keys, oldValues: old, newValues: new)
    }

    /// The entities row of a person named `name` (columns: id, kind, name, summary, date, place, merged_into, is_deleted).
    static func person(_ id: String, name: ChangesetValue, isDeleted: ChangesetValue = .integer(0), kind: String = "person") -> ChangesetChange {
        insert("entities", [.text(id), .text(kind), name, .null, .null, .null, .null, isDeleted], keys: [true] + Array(repeating: false, count: 7))
    }

    /// A record of `replicaID`'s change `sequence` holding `changeset`.
    static func record(_ replicaID: String, _ sequence: Int64, _ changeset: Data, timestamp: UInt64? = nil) -> ChangeRecord {
        ChangeRecord(
            replicaID: replicaID, sequence: sequence, timestamp: timestamp ?? HybridLogicalClock.physical(Date()),
            author: "mallory", summary: "crafted", dependencies: [:], changeset: changeset)
    }

    /// Writes `records` into a format 2 file written by `writer`, every record signed with `key`, which the
    /// key table gives to every replica of the file; returns its path.
    static func write(
        _ records: [ChangeRecord], writer: String, key: ReplicaSigningKey, baseline: String, name: String = "hostile.concord"
    ) throws -> String {
        let path = try SyncFileFixtures.filePath(name)
        var ranges: [ChangesetFileHeader.ReplicaRange] = []
        for record in records {
            if let last = ranges.last, last.replicaID == record.replicaID, last.last + 1 == record.sequence {
                ranges[ranges.count - 1].last = record.sequence
            } else {
                ranges.append(.init(replicaID: record.replicaID, first: record.sequence, last: record.sequence))
            }
        }
        var keys = Dictionary(uniqueKeysWithValues: Set(records.map(\.replicaID)).map { ($0, key.publicKey) })
        keys[writer] = key.publicKey
        let header = ChangesetFileHeader(
            originReplicaID: writer, recordCount: records.count, ranges: ranges, originVersionVector: [:], baseline: baseline,
            publicKeys: keys, formatVersion: 2)
        let fileWriter = try ChangesetFileWriter(path: path, header: header, signingKey: key)
        for var record in records {
            record.signature = try ChangeSignature.sign(record, with: key)
            try fileWriter.write(record)
        }
        try fileWriter.finish()
        return path
    }

    /// The baseline identifier of `knowledgeBase`.
    static func baseline(of knowledgeBase: KnowledgeBase) throws -> String {
        try knowledgeBase.read { db in try SyncBaseline.identifier(in: db) }
    }

    /// `PRAGMA integrity_check`'s answer.
    static func integrity(_ knowledgeBase: KnowledgeBase) throws -> String {
        try knowledgeBase.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }.joined(separator: "; ")
    }
}
