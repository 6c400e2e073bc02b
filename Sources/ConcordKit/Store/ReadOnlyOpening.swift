import Foundation
import GRDB

/// Opens a knowledge base this process cannot write: a read-only file, a file in a read-only folder,
/// or one on a read-only file system.
///
/// A read-only connection to a WAL database needs the `-shm` file; where the folder cannot be
/// written either, the file is opened as immutable (`?immutable=1`, https://www.sqlite.org/uri.html),
/// which reads it without any lock or shared memory: right for read-only media, which nobody writes.
enum ReadOnlyOpening {
    /// A read-only connection to `path` when it cannot be written, or `nil` when it can.
    static func open(path: String) throws -> DatabaseQueue? {
        let folder = (path as NSString).deletingLastPathComponent
        let fileWritable = isWritable(path), folderWritable = isWritable(folder.isEmpty ? "." : folder)
        guard !(fileWritable && folderWritable) else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.foreignKeysEnabled = true
        configuration.label = "concord (read-only)"
        let absolute = (path as NSString).standardizingPath
        let location = folderWritable ? path : "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute) + "?immutable=1"
        do {
            let queue = try DatabaseQueue(path: location, configuration: configuration)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notAKnowledgeBase(path: path)
        }
    }

    /// Whether this process may write `path`: its permissions, and the file system not mounted read-only
    /// (`access` answers yes to root whatever the mode, so the mount is asked too).
    static func isWritable(_ path: String) -> Bool {
        guard access(path, W_OK) == 0 else { return false }
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return true }
        return info.f_flag & UInt(ST_RDONLY) == 0
    }
}
