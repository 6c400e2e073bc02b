import Crypto
import Foundation

/// Writes a changeset file of format 1 or 2 (length-prefixed records, each with its own
/// signature) through a buffer, hashing as it goes. Format 3 is ``ChangesetStreamWriter``'s.
final class LegacyChangesetWriter: RecordFileWriting {
    private let path: String
    private let handle: FileHandle
    private let header: ChangesetFileHeader
    private let signingKey: ReplicaSigningKey?
    private var hasher = SHA256()
    private var buffer: [UInt8] = []
    private var written = 0
    private var finished = false
    private static let flushThreshold = 1 << 20

    /// Creates (or replaces) the file at `path` and writes the header (checked by ``ChangesetFileWriter``).
    init(path: String, header: ChangesetFileHeader, signingKey: ReplicaSigningKey?) throws {
        let handle = try ChangesetFileWriter.create(path)
        self.path = path
        self.handle = handle
        self.header = header
        self.signingKey = signingKey
        try emit(header.encoded())
    }

    deinit { try? handle.close() }

    func write(_ record: ChangeRecord) throws {
        guard written < header.recordCount else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "more records than the header announced (\(header.recordCount))")
        }
        if header.isSigned, record.signature != nil, header.publicKeys[record.replicaID] == nil {
            throw ChangesetFileError.cannotWrite(
                file: path, reason: "change \(record.replicaID.prefix(8))#\(record.sequence) is signed but its replica's key is not in the key table")
        }
        try emit(ChangesetFileWriter.encode(record, file: path, signed: header.isSigned))
        written += 1
    }

    func finish() throws {
        guard !finished else { return }
        guard written == header.recordCount else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "\(written) records written, \(header.recordCount) announced")
        }
        try emit(ChangesetFileFormat.endMagic)
        if header.isSigned, let signingKey {
            do {
                try emit(Array(try ChangeSignature.signFile(digest: hasher.finalize(), with: signingKey)))
            } catch let error as ChangesetFileError {
                throw error
            } catch {
                throw ChangesetFileError.cannotWrite(file: path, reason: "cannot sign it (\(error.localizedDescription))")
            }
        }
        let digest = Array(hasher.finalize())
        buffer.append(contentsOf: digest)
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw ChangesetFileError.cannotWrite(file: path, reason: error.localizedDescription)
        }
        finished = true
    }

    private func emit(_ bytes: [UInt8]) throws {
        hasher.update(data: bytes)
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ChangesetFileError.cannotWrite(file: path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
