import Foundation

/// The file a changeset writer is creating: bytes are collected in a buffer and written in
/// chunks of about 1 MiB, and a failed write is reported as
/// ``ChangesetFileError/cannotWrite(file:reason:)`` naming the file.
///
/// Shared by ``ChangesetStreamWriter`` (format 3) and ``LegacyChangesetWriter`` (formats 1–2).
final class BufferedFileOutput {
    let path: String
    /// The open file, for writers that must seek back (format 3 writes the stream's lengths last).
    let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let flushThreshold = 1 << 20

    /// Creates (or replaces) the file at `path`.
    init(creating path: String) throws {
        self.path = path
        handle = try ChangesetFileWriter.create(path)
    }

    deinit { try? handle.close() }

    /// Adds `bytes` to the buffer, writing it out once it holds about 1 MiB.
    func append(_ bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Writes out whatever the buffer holds.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ChangesetFileError.cannotWrite(file: path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes out the buffer, waits for the disk and closes the file.
    func close() throws {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw ChangesetFileError.cannotWrite(file: path, reason: error.localizedDescription)
        }
    }
}
