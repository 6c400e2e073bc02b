import Foundation

/// An exclusive lock that serializes the processes creating the same new database:
/// `flock` on `<database>.creating.lock`, removed again once the database is in place.
enum CreationLock {
    /// Runs `body` while holding the creation lock of the database at `databasePath`.
    static func holding(_ databasePath: String, _ body: () throws -> Void) throws {
        let path = databasePath + ".creating.lock"
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw StoreError.cannotCreate(path: databasePath, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX) == 0 else {
                throw StoreError.cannotCreate(path: databasePath, reason: String(cString: strerror(errno)))
            }
            // The previous holder may have removed the file after we opened it: lock the one on disk.
            var held = stat(), onDisk = stat()
            guard fstat(descriptor, &held) == 0, stat(path, &onDisk) == 0, held.st_ino == onDisk.st_ino else { continue }
            defer { unlink(path) }
            try body()
            return
        }
    }
}
