import Foundation

/// Why the knowledge base could not be opened, created or written.
public enum StoreError: LocalizedError, Equatable {
    case cannotCreateDirectory(path: String, reason: String)
    case notAKnowledgeBase(path: String)
    case newerSchema(path: String, migration: String)
    case missingReplicaID(path: String)
    case seedsNotFound(path: String)
    case cannotCreate(path: String, reason: String)
    /// A key file lies where a new database is to be created.
    case keyWithoutDatabase(path: String)
    /// The database file is empty (0 bytes): not a knowledge base, and not made into one.
    case emptyFile(path: String)
    /// The knowledge base is on read-only media (or the file is read-only): reads work, this write cannot.
    case readOnly(path: String)
    /// The knowledge base is read-only and its schema is older than this Concord's.
    case readOnlyNeedsUpgrade(path: String)
    /// The disk is full: the write was rolled back and the knowledge base is as it was.
    case diskFull(path: String)

    public var errorDescription: String? {
        switch self {
        case let .cannotCreateDirectory(path, reason):
            return "cannot create the folder \(path) for the knowledge base (\(reason)); pass --db PATH to put it elsewhere"
        case let .notAKnowledgeBase(path):
            return "\(path) is not a Concord knowledge base; pass --db with another path"
        case let .newerSchema(path, migration):
            return "\(path) was written by a newer Concord (it has migration '\(migration)'); upgrade Concord to open it"
        case let .missingReplicaID(path):
            return "\(path) has no replica id; it may be damaged — restore it from a backup or make a new one"
        case let .cannotCreate(path, reason):
            return "cannot create the knowledge base \(path) (\(reason)); check the folder is writable"
        case let .keyWithoutDatabase(path):
            return "\(path) is a signing key without its database; restore the database beside it, or move the key file away to create a new knowledge base"
        case let .emptyFile(path):
            return "\(path) is an empty file (0 bytes), not a knowledge base; remove it to create a new one there, or pass --db with another path"
        case let .readOnly(path):
            return "\(path) is read-only (the file or its folder cannot be written); reading commands work, but this one writes — copy the knowledge base somewhere writable"
        case let .readOnlyNeedsUpgrade(path):
            return "\(path) is read-only and was made by an older Concord; open it once where it can be written, so it is upgraded"
        case let .diskFull(path):
            return "the disk holding \(path) is full; nothing was changed — free some space and run the command again"
        case let .seedsNotFound(path):
            return "no seed documents (*.txt) found in \(path); pass --seeds with a folder of .txt files"
        }
    }
}
