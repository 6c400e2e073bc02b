import Foundation

/// Why a sync folder, or an entry in it, was refused.
public enum SyncFolderError: LocalizedError, Equatable {
    case notAFolder(String)
    case cannotCreate(String, reason: String)
    case symbolicLink(String)
    case unexpectedEntry(String)
    case badFileName(String)
    case wrongOrigin(file: String, folderReplica: String, origin: String)
    case tooLarge(String, bytes: Int64, limit: Int64)
    case outsideReplicaFolder(String)

    /// The message, with anything that came from data (file and replica names, values) escaped for a terminal.
    public var errorDescription: String? { TerminalText.escaped(message) }

    private var message: String {
        switch self {
        case let .notAFolder(path):
            return "\(path) is not a folder; give the shared folder to sync through (it is created if its parent exists)"
        case let .cannotCreate(path, reason):
            return "cannot create \(path) (\(reason)); check the shared folder is mounted and writable"
        case let .symbolicLink(path):
            return "\(path): a symbolic link; sync follows no links (they could lead outside the folder) — replace it with the real file or folder"
        case let .unexpectedEntry(path):
            return "\(path): not a regular file or folder; remove it from the sync folder"
        case let .badFileName(path):
            return "\(path): not a changeset file name (letters, digits, '.', '_', '-', ending in .concord); rename or remove it"
        case let .wrongOrigin(file, folderReplica, origin):
            return "\(file): lies in the folder of replica \(folderReplica.prefix(8))… but was written by \(origin.prefix(8))…; each replica writes only its own folder — move it or remove it"
        case let .tooLarge(path, bytes, limit):
            return "\(path): \(bytes) bytes, larger than a sync file may be (\(limit) bytes); remove it, and move big changes with export and import"
        case let .outsideReplicaFolder(path):
            return "\(path): a changeset file outside any replica folder; import it with concord import, or let its replica's sync write it"
        }
    }
}
