import Foundation

/// Why the knowledge base could not be opened, created or written.
public enum StoreError: LocalizedError, Equatable {
    case cannotCreateDirectory(path: String, reason: String)
    case notAKnowledgeBase(path: String)
    case newerSchema(path: String, migration: String)
    case missingReplicaID(path: String)
    case seedsNotFound(path: String)

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
        case let .seedsNotFound(path):
            return "no seed documents (*.txt) found in \(path); pass --seeds with a folder of .txt files"
        }
    }
}
