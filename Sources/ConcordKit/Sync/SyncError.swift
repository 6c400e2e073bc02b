import Foundation

/// Why a change could not be captured, integrated, undone or resolved.
public enum SyncError: LocalizedError, Equatable {
    case malformedChangeset(code: Int32)
    case sessionUnavailable(code: Int32)
    /// A change arrived under this replica's own id that this copy never made: the file was copied.
    case replicaIDCollision(replica: String, sequence: Int64)
    /// A change names a table or shape this schema does not have.
    case unknownTable(String)
    case columnCountMismatch(table: String, expected: Int, found: Int)
    /// A change refers to a row this replica never had: the two copies were built from different seeds.
    case missingRow(table: String, key: String)
    /// Rows of these tables are never removed: entities, relations and annotations use `is_deleted`;
    /// documents, paragraphs and mentions are kept for good.
    case hardDelete(table: String)
    case nothingToUndo
    case unknownConflict(String)
    case noOtherValue(String)
    case invalidFieldValue(field: String, value: String)
    /// A received change edits a row of a source table (documents, paragraphs, mentions), which only ever gain rows.
    case sourceRowChanged(table: String, key: String)
    /// A local change holds a value every peer would refuse (see ``IncomingChangeValidator``).
    case changePeersWouldRefuse(reason: String)
    /// A received mention's offsets fall outside its paragraph's text.
    case mentionOutsideParagraph(key: String, reason: String)

    /// The message, with anything that came from data (file and replica names, values) escaped for a terminal.
    public var errorDescription: String? { TerminalText.escaped(message) }

    private var message: String {
        switch self {
        case let .malformedChangeset(code):
            return "a changeset is damaged or incomplete (SQLite code \(code)); ask for the file again"
        case let .sessionUnavailable(code):
            return "SQLite could not start recording changes (code \(code)); check that libsqlite3 has the session extension"
        case let .replicaIDCollision(replica, sequence):
            return "change \(sequence) of replica \(replica) was made by a copy of this database file, not by it; "
                + "open the copy once with this Concord so it takes a new replica id, then export again"
        case let .unknownTable(table):
            return "a change touches table '\(table)', which this knowledge base does not sync; upgrade Concord"
        case let .columnCountMismatch(table, expected, found):
            return "a change to '\(table)' has \(found) columns but this schema has \(expected); both sides need the same Concord version"
        case let .missingRow(table, key):
            return "a change refers to \(table) row \(key), which this knowledge base never had; were both copies built from the same seeds?"
        case let .hardDelete(table):
            return "rows of \(table) cannot be removed with DELETE; set is_deleted = 1 (or keep the row) so the removal can sync"
        case .nothingToUndo:
            return "there is no change of yours left to undo; log lists the changes"
        case let .unknownConflict(id):
            return "no open conflict '\(id)'; conflicts lists the open ones"
        case let .noOtherValue(id):
            return "conflict \(id) has no other value to keep; give the value to keep in quotes"
        case let .sourceRowChanged(table, key):
            return "a received change edits \(table) row \(key); the documents a knowledge base was built from, their paragraphs and mentions are never changed by peers"
        case let .changePeersWouldRefuse(reason):
            return "this change was not made: \(reason), and every replica you sync with would refuse it (limits: sync/FORMAT.md, \"Validation\")"
        case let .mentionOutsideParagraph(key, reason):
            return "a received mention (\(key)) \(reason); its change was refused"
        case let .invalidFieldValue(field, value):
            return "'\(value)' cannot be kept as \(field); keep 1 or 0 (or mine / theirs)"
        }
    }
}
