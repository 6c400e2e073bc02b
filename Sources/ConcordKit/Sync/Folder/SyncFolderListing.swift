import Foundation

/// The changeset files a sync folder offers, and the entries refused on sight.
///
/// Only `DIR/<replica id>/<name>.concord` entries that are real files (not symbolic
/// links) are candidates; names starting with '.' (files still being written, by
/// Concord or by a sync tool) and entries that are clearly not Concord's (`.git`,
/// `README`, `.stfolder`) are ignored.
struct SyncFolderListing {
    /// A changeset file found in a replica's folder.
    struct Candidate {
        /// '<replica id>/<file name>', relative to the sync folder.
        var name: String
        var path: String
        var folderReplicaID: String
    }

    var candidates: [Candidate] = []
    /// Files in this replica's own folder, by relative name.
    var ownFiles: Set<String> = []
    /// Every relative name seen, own or not (to tell which remembered files are still there).
    var present: Set<String> = []
    var refusals: [String] = []

    /// The largest file a sync folder may offer: 1 GiB. Larger ones are refused on sight,
    /// by their size alone, without being opened.
    static let maximumFileBytes: Int64 = 1 << 30

    /// Lists `folder` for the replica `localReplicaID`.
    init(folder: String, localReplicaID: String) throws {
        let fileManager = FileManager.default
        let entries = try fileManager.contentsOfDirectory(atPath: folder).sorted()
        for entry in entries {
            let path = folder + "/" + entry
            guard ReplicaIDCoding.isValid(entry) else {
                // Not a replica folder: ignored (.git, README…), except a changeset file someone put here.
                if !entry.hasPrefix("."), entry.hasSuffix("." + ChangesetFileFormat.fileExtension) {
                    refusals.append(SyncFolderError.outsideReplicaFolder(path).localizedDescription)
                }
                continue
            }
            switch Self.kind(of: path) {
            case .directory: break
            case .symbolicLink: refusals.append(SyncFolderError.symbolicLink(path).localizedDescription); continue
            case .regular, .other: refusals.append(SyncFolderError.unexpectedEntry(path).localizedDescription); continue
            }
            for file in (try? fileManager.contentsOfDirectory(atPath: path).sorted()) ?? [] where !file.hasPrefix(".") {
                guard file.hasSuffix("." + ChangesetFileFormat.fileExtension) else { continue }
                let filePath = path + "/" + file
                if let refusal = Self.refusal(of: file, at: filePath) {
                    refusals.append(refusal.localizedDescription)
                    continue
                }
                let relative = entry + "/" + file
                present.insert(relative)
                if entry == localReplicaID {
                    ownFiles.insert(relative)
                } else {
                    candidates.append(Candidate(name: relative, path: filePath, folderReplicaID: entry))
                }
            }
        }
    }

    /// Why the changeset file `name` at `path` is refused on sight, if it is:
    /// an odd name, a symbolic link, not a regular file (a folder, FIFO, device), or too large.
    static func refusal(of name: String, at path: String) -> SyncFolderError? {
        guard isPlainName(name) else { return .badFileName(path) }
        var status = stat()
        guard lstat(path, &status) == 0 else { return .unexpectedEntry(path) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: return .symbolicLink(path)
        default: return .unexpectedEntry(path)
        }
        let size = Int64(status.st_size)
        return size > maximumFileBytes ? .tooLarge(path, bytes: size, limit: maximumFileBytes) : nil
    }

    enum EntryKind { case regular, directory, symbolicLink, other }

    /// What is at `path`, without following a symbolic link.
    static func kind(of path: String) -> EntryKind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .other }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Letters, digits, '.', '_' and '-' only, not starting with '.': nothing that could name another folder.
    static func isPlainName(_ name: String) -> Bool {
        !name.hasPrefix(".") && name.utf8.count <= 200
            && name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
    }
}
