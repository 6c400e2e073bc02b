import Foundation
import GRDB

/// Checks a received mention against its paragraph: offsets (in Unicode code points, as
/// SQLite's `length()` counts text) in order and inside the paragraph's text.
///
/// Runs when the change is applied, once the paragraph is there (received earlier, or earlier in
/// the same change); a mention of a paragraph that is nowhere is left to the foreign-key check.
struct MentionOffsetCheck {
    let db: Database

    /// Throws ``SyncError/mentionOutsideParagraph(key:reason:)`` when the mention does not fit its paragraph.
    func check(_ mention: ChangesetChange) throws {
        let table = try SyncedTable.named("mentions", in: db)
        func value(_ column: String) -> ChangesetValue? {
            table.columns.firstIndex(of: column).flatMap { mention.newValues[$0] }
        }
        let key = TerminalText.escaped(SyncedTable.rowKey(mention.primaryKey))
        guard case let .text(paragraphID)? = value("paragraph_id"), case let .integer(start)? = value("start_offset"),
            case let .integer(end)? = value("end_offset")
        else { throw SyncError.mentionOutsideParagraph(key: key, reason: "lacks its paragraph or offsets") }
        guard 0 <= start, start <= end else {
            throw SyncError.mentionOutsideParagraph(key: key, reason: "has offsets \(start)…\(end), not in order")
        }
        let length = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT length(text) FROM paragraphs WHERE id = ?"), arguments: [paragraphID])
        if let length, end > length {
            throw SyncError.mentionOutsideParagraph(key: key, reason: "ends at \(end), past its paragraph's \(length) characters")
        }
    }
}
