import Foundation
import GRDB

/// Describes what a changeset file holds, in words, without applying it
/// (`concord changeset show FILE`): per record who, when and what, and per row
/// change the table, the entity it concerns (named if known here or in the file),
/// and each field's old → new value.
public struct ChangesetDescriber: Sendable {
    /// One record, described.
    public struct RecordDescription: Sendable, Encodable {
        public var replica: String
        public var sequence: Int64
        public var author: String
        public var time: String
        public var timestamp: UInt64
        public var summary: String
        public var dependencies: String
        public var changes: [RowDescription]
    }

    /// One row change, described.
    public struct RowDescription: Sendable, Encodable {
        public var table: String
        public var operation: String
        public var key: String
        public var entity: String?
        public var entityName: String?
        public var fields: [FieldDescription]
    }

    /// One field: its value before and after (nil where the change has none).
    public struct FieldDescription: Sendable, Encodable {
        public var field: String
        public var old: String?
        public var new: String?
    }

    public init() {}

    /// Reads `path` record by record, calling `body` with each description; returns the header.
    /// A damaged file throws after the records read so far were described.
    @discardableResult
    public func describe(
        file path: String, displayName: String? = nil, in knowledgeBase: KnowledgeBase,
        header headerBody: (ChangesetFileHeader) -> Void = { _ in }, _ body: (RecordDescription) throws -> Void
    ) throws -> ChangesetFileHeader {
        let reader = try ChangesetFileReader(path: path, displayName: displayName)
        headerBody(reader.header)
        var namesInFile: [String: String] = [:]
        while let record = try reader.next() {
            let description = try knowledgeBase.read { db in try describe(record, namesInFile: &namesInFile, in: db) }
            try body(description)
        }
        return reader.header
    }

    func describe(_ record: ChangeRecord, namesInFile: inout [String: String], in db: Database) throws -> RecordDescription {
        var rows: [RowDescription] = []
        try ChangesetIterator.forEach(in: record.changeset) { change in
            let columns = SyncedTable.names.contains(change.table)
                ? try SyncedTable.named(change.table, in: db).columns
                : change.primaryKeyColumns.indices.map { "column \($0 + 1)" }
            rows.append(try describe(change, columns: columns, namesInFile: &namesInFile, in: db))
        }
        return RecordDescription(
            replica: record.replicaID, sequence: record.sequence, author: record.author,
            time: Timestamp.string(from: HybridLogicalClock.date(of: record.timestamp)), timestamp: record.timestamp,
            summary: record.summary, dependencies: VersionVectorText.format(record.dependencies), changes: rows)
    }

    private func describe(
        _ change: ChangesetChange, columns: [String], namesInFile: inout [String: String], in db: Database
    ) throws -> RowDescription {
        func value(_ column: String, _ values: [ChangesetValue?]) -> ChangesetValue? {
            columns.firstIndex(of: column).flatMap { $0 < values.count ? values[$0] : nil }
        }
        let after = change.operation == .delete ? change.oldValues : change.newValues
        let entityColumn = change.table == "entities" ? "id" : ["entity_id", "subject_id", "target_id"].first { columns.contains($0) }
        var entity = entityColumn.flatMap { value($0, change.oldValues) ?? value($0, change.newValues) }.map(\.description)
        if change.table == "annotations", let kind = value("target_kind", change.newValues) ?? value("target_kind", change.oldValues),
           kind.description != "entity" { entity = nil }
        if change.table == "entities", change.operation != .delete, let id = entity, let name = value("name", after) {
            namesInFile[id] = name.description
        }
        var name: String?
        if let id = entity {
            name = try String.fetchOne(db, sql: "SELECT name FROM entities WHERE id = ?", arguments: [id]) ?? namesInFile[id]
        }
        var fields: [FieldDescription] = []
        for (index, column) in columns.enumerated() where !(change.primaryKeyColumns.indices.contains(index) && change.primaryKeyColumns[index]) {
            let old = index < change.oldValues.count ? change.oldValues[index] : nil
            let new = index < change.newValues.count ? change.newValues[index] : nil
            if change.operation == .update, new == nil { continue }
            if change.operation == .insert, new == .null || new == nil { continue }
            fields.append(FieldDescription(field: column, old: old?.description, new: new?.description))
        }
        return RowDescription(
            table: change.table, operation: change.operation.rawValue,
            key: change.primaryKey.map(\.description).joined(separator: " / "), entity: entity, entityName: name, fields: fields)
    }
}
