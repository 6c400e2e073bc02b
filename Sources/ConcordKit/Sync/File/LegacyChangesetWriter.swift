import Crypto
import Foundation

/// Writes a changeset file of format 1 or 2 (length-prefixed records, each with its own
/// signature) through a buffer, hashing as it goes. Format 3 is ``ChangesetStreamWriter``'s.
final class LegacyChangesetWriter: RecordFileWriting {
    private let path: String
    private let output: BufferedFileOutput
    private let header: ChangesetFileHeader
    private let signingKey: ReplicaSigningKey?
    private var hasher = SHA256()
    private var written = 0
    private var finished = false

    /// Creates (or replaces) the file at `path` and writes the header (checked by ``ChangesetFileWriter``).
    init(path: String, header: ChangesetFileHeader, signingKey: ReplicaSigningKey?) throws {
        self.path = path
        output = try BufferedFileOutput(creating: path)
        self.header = header
        self.signingKey = signingKey
        try emit(header.encoded())
    }

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
        try output.append(Array(hasher.finalize()))
        try output.close()
        finished = true
    }

    private func emit(_ bytes: [UInt8]) throws {
        hasher.update(data: bytes)
        try output.append(bytes)
    }
}
