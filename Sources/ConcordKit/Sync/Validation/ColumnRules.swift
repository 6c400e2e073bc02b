import Foundation

/// The text columns whose values come from a fixed list (Concord's enums).
enum EnumColumns {
    /// The allowed values of `table.column`, or `nil` when it is free text.
    static func allowed(table: String, column: String) -> [String]? {
        switch (table, column) {
        case ("entities", "kind"): return EntityKind.allCases.map(\.rawValue)
        case ("relations", "predicate"): return RelationPredicate.allCases.map(\.rawValue)
        case ("documents", "document_kind"): return DocumentKind.allCases.map(\.rawValue)
        case ("paragraphs", "paragraph_kind"): return ["heading", "text", "footnote"].filter { Paragraph.Kind(rawValue: $0) != nil }
        case ("annotations", "target_kind"): return ["entity", "relation", "paragraph"].filter { Annotation.TargetKind(rawValue: $0) != nil }
        case ("annotations", "annotation_kind"): return ["note", "tag"].filter { Annotation.Kind(rawValue: $0) != nil }
        default: return nil
        }
    }

    static func allows(_ value: String, table: String, column: String) -> Bool {
        allowed(table: table, column: column)?.contains(value) ?? true
    }

    static func values(table: String, column: String) -> String {
        (allowed(table: table, column: column) ?? []).joined(separator: ", ")
    }
}

/// The integer columns' ranges.
enum IntegerColumns {
    /// What is wrong with `number` in `table.column`, or `nil`.
    static func problem(with number: Int64, table: String, column: String) -> String? {
        switch column {
        case SyncedTable.tombstoneColumn:
            return number == 0 || number == 1 ? nil : "holds \(number), but it is 0 or 1"
        case "start_offset", "end_offset", "character_count", "number":
            return number >= 0 ? nil : "holds \(number), but it is never negative"
        case "ordinal":
            return number >= 1 ? nil : "holds \(number), but ordinals count from 1"
        default:
            return nil
        }
    }
}

/// The rows a knowledge base is built from (documents, paragraphs, mentions) travel only as
/// inserts, and their ids are derived from their content: a peer cannot put other text under a
/// document's or paragraph's id, and a mention's offsets are in order.
enum SourceRowRules {
    /// What is wrong with the inserted `row`, or `nil`.
    static func problem(with row: ChangesetChange, columns: [String]) -> String? {
        func text(_ name: String) -> String? {
            guard let index = columns.firstIndex(of: name), case let .text(value)? = row.newValues[index] else { return nil }
            return value
        }
        func integer(_ name: String) -> Int64? {
            guard let index = columns.firstIndex(of: name), case let .integer(value)? = row.newValues[index] else { return nil }
            return value
        }
        switch row.table {
        case "documents":
            guard let hash = text("content_sha256"), hash.count == 64, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                return "has a content_sha256 that is not 64 lowercase hex digits"
            }
            return text("id") == "doc:" + hash.prefix(16) ? nil : "has an id that is not derived from its content_sha256"
        case "paragraphs":
            guard let document = text("document_id"), let ordinal = integer("ordinal") else { return nil }
            return text("id") == Paragraph.id(documentID: document, ordinal: Int(ordinal)) ? nil : "has an id other than its document and ordinal"
        case "mentions":
            guard let start = integer("start_offset"), let end = integer("end_offset") else { return nil }
            return start <= end ? nil : "ends (\(end)) before it starts (\(start))"
        default:
            return nil
        }
    }
}
