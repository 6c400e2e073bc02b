import Foundation

/// Copies a changeset file that can be read only once (standard input `-`, a FIFO, a pipe) to a
/// temporary regular file, so import's two passes (verify, then apply) read the same bytes.
public enum ChangesetSpool {
    /// The path to import `file` from, and whether it is a temporary copy to remove afterwards.
    public static func readablePath(for file: String) throws -> (path: String, isTemporary: Bool) {
        if file != "-" {
            var info = stat()
            guard stat(file, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG else { return (file, false) }
        }
        let source: FileHandle
        if file == "-" {
            source = FileHandle.standardInput
        } else {
            guard let handle = FileHandle(forReadingAtPath: file) else {
                throw ChangesetFileError.cannotRead(file: file, reason: "it cannot be opened")
            }
            source = handle
        }
        let temporary = NSTemporaryDirectory() + "concord-import-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).concord"
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]),
              let sink = FileHandle(forWritingAtPath: temporary) else {
            throw ChangesetFileError.cannotWrite(file: temporary, reason: "cannot create a temporary copy")
        }
        defer { try? sink.close(); if file != "-" { try? source.close() } }
        var total = 0
        do {
            while let chunk = try source.read(upToCount: 1 << 20), !chunk.isEmpty {
                total += chunk.count
                guard total <= ChangesetFileFormat.Limit.recordBytes else {
                    unlink(temporary)
                    throw ChangesetFileError.cannotRead(file: file, reason: "more than 1 GiB")
                }
                try sink.write(contentsOf: chunk)
            }
        } catch let error as ChangesetFileError {
            throw error
        } catch {
            unlink(temporary)
            throw ChangesetFileError.cannotRead(file: file, reason: error.localizedDescription)
        }
        return (temporary, true)
    }
}
