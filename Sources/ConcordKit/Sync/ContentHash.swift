import Crypto
import Foundation
import GRDB

/// A SHA-256 digest of what users see: documents, paragraphs, entities, attributes,
/// aliases, relations, mentions, annotations (rows not deleted) and open conflicts.
///
/// The dump is canonical — tables in a fixed order, rows by primary key, every value
/// tagged with its type — so two knowledge bases have the same digest exactly when they
/// hold the same content, whatever order their changes arrived in. Left out: local
/// facts (`documents.ingested_at`, when this copy received a document), the change log
/// and field versions, and removed rows (`is_deleted = 1`, or rows no longer there).
public struct ContentHash: Sendable {
    /// Columns that describe this copy rather than the content.
    static let localColumns: Set<String> = ["documents.ingested_at"]

    public init() {}

    /// The digest, as 64 lowercase hex digits.
    public func digest(in db: Database) throws -> String {
        var hasher = SHA256()
        for name in SyncedTable.names {
            let table = try SyncedTable.named(name, in: db)
            let columns = table.columns.filter { !Self.localColumns.contains("\(name).\($0)") }
            let filter = table.hasTombstone ? " WHERE is_deleted = 0" : ""
            let order = table.primaryKeyNames.joined(separator: ", ")
            var buffer = Data("table \(name)\n".utf8)
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT \(columns.joined(separator: ", ")) FROM \(name)\(filter) ORDER BY \(order)")
            while let row = try cursor.next() {
                for index in 0..<columns.count { Self.append(row[index] as DatabaseValue, to: &buffer) }
                buffer.append(0x0A)
                if buffer.count > 1 << 16 {
                    hasher.update(data: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            hasher.update(data: buffer)
        }
        var buffer = Data("conflicts\n".utf8)
        for conflict in try ConflictList(localReplicaID: "").conflicts(in: db) {
            buffer.append(contentsOf: Array("\(conflict.id) \(conflict.table) \(conflict.rowKey) \(conflict.column)\n".utf8))
            let versions = conflict.versions.sorted { ($0.replicaID, $0.sequence) < ($1.replicaID, $1.sequence) }
            for version in versions {
                buffer.append(contentsOf: Array("\(version.replicaID) \(version.sequence) \(version.timestamp) ".utf8))
                Self.append(version.value, to: &buffer)
                buffer.append(0x0A)
            }
        }
        hasher.update(data: buffer)
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Appends a value with its type, so 1, 1.0, '1' and NULL all differ.
    private static func append(_ value: DatabaseValue, to buffer: inout Data) {
        switch value.storage {
        case .null: buffer.append(contentsOf: Array("n;".utf8))
        case let .int64(number): buffer.append(contentsOf: Array("i\(number);".utf8))
        case let .double(number): buffer.append(contentsOf: Array("r\(number.bitPattern);".utf8))
        case let .string(text):
            let bytes = Array(text.utf8)
            buffer.append(contentsOf: Array("t\(bytes.count):".utf8))
            buffer.append(contentsOf: bytes)
        case let .blob(data):
            buffer.append(contentsOf: Array("b\(data.count):".utf8))
            buffer.append(data)
        }
    }
}
