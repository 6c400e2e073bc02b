import Crypto
import Foundation

/// Writes a changeset file record by record through a buffer, hashing as it goes,
/// so the file never has to be held in memory.
///
/// Call ``write(_:)`` once per record (exactly `header.recordCount` times, matching
/// `header.ranges`), then ``finish()``. Callers that publish the file elsewhere write
/// to a temporary name first and rename it (see ``ChangesetExporter``).
public final class ChangesetFileWriter {
    private let path: String
    private let handle: FileHandle
    private let header: ChangesetFileHeader
    private let signingKey: ReplicaSigningKey?
    private var hasher = SHA256()
    private var buffer: [UInt8] = []
    private var written = 0
    private var finished = false
    private static let flushThreshold = 1 << 20

    /// Creates (or replaces) the file at `path` and writes the header.
    ///
    /// A signed (v2) header needs `signingKey`, the key of the header's origin replica, which
    /// must be in `header.publicKeys`; a v1 header writes an unsigned file (kept for tests and tools).
    public init(path: String, header: ChangesetFileHeader, signingKey: ReplicaSigningKey? = nil) throws {
        guard ReplicaIDCoding.isValid(header.originReplicaID) else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "the replica id '\(header.originReplicaID)' is not 32 hex digits")
        }
        if header.isSigned {
            guard let signingKey, header.publicKeys[header.originReplicaID] == signingKey.publicKey else {
                throw ChangesetFileError.cannotWrite(file: path, reason: "a signed file needs its writer's key, in its key table")
            }
            guard header.publicKeys.allSatisfy({ ReplicaIDCoding.isValid($0.key) && $0.value.count == 32 }) else {
                throw ChangesetFileError.cannotWrite(file: path, reason: "its key table holds an invalid replica id or key")
            }
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "cannot create the file")
        }
        self.path = path
        self.handle = handle
        self.header = header
        self.signingKey = signingKey
        try emit(header.encoded())
    }

    deinit { try? handle.close() }

    /// Appends one record.
    public func write(_ record: ChangeRecord) throws {
        guard written < header.recordCount else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "more records than the header announced (\(header.recordCount))")
        }
        if header.isSigned, record.signature != nil, header.publicKeys[record.replicaID] == nil {
            throw ChangesetFileError.cannotWrite(
                file: path, reason: "change \(record.replicaID.prefix(8))#\(record.sequence) is signed but its replica's key is not in the key table")
        }
        try emit(Self.encode(record, file: path, signed: header.isSigned))
        written += 1
    }

    /// Writes the trailer and flushes everything to disk.
    public func finish() throws {
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

    /// The record's bytes: a 4-byte length, then the body described in FORMAT.md (in a signed
    /// file, followed by the signature's length, 0 or 64, and the signature).
    static func encode(_ record: ChangeRecord, file: String, signed: Bool = true) throws -> [UInt8] {
        var body = try Self.body(of: record, file: file)
        if signed {
            let signature = record.signature.map(Array.init) ?? []
            guard signature.isEmpty || signature.count == ChangeSignature.size else {
                throw ChangesetFileError.cannotWrite(file: file, reason: "change \(record.replicaID)#\(record.sequence) has a malformed signature")
            }
            body.append(UInt8(signature.count))
            body.append(contentsOf: signature)
        }
        guard body.count <= ChangesetFileFormat.Limit.recordBytes else {
            throw ChangesetFileError.cannotWrite(file: file, reason: "change \(record.replicaID)#\(record.sequence) is larger than 1 GiB")
        }
        var framed = BinaryEncoder(reservingCapacity: body.count + 4)
        framed.append(UInt32(body.count))
        framed.append(body)
        return framed.bytes
    }

    /// The record's body without its signature: what its origin signs (see ``ChangeSignature``).
    static func body(of record: ChangeRecord, file: String) throws -> [UInt8] {
        guard ReplicaIDCoding.isValid(record.replicaID), record.sequence >= 1 else {
            throw ChangesetFileError.cannotWrite(file: file, reason: "change \(record.replicaID)#\(record.sequence) has an invalid identity")
        }
        var body = BinaryEncoder(reservingCapacity: 64 + ChangeSignature.size + record.summary.utf8.count + record.changeset.count)
        body.appendReplica(record.replicaID)
        body.append(UInt64(record.sequence))
        body.append(record.timestamp)
        let dependencies = record.dependencies.filter { ReplicaIDCoding.isValid($0.key) && $0.value > 0 }
        body.append(UInt32(dependencies.count))
        for (replicaID, sequence) in dependencies.sorted(by: { $0.key < $1.key }) {
            body.appendReplica(replicaID)
            body.append(UInt64(sequence))
        }
        body.appendString(Self.clipped(record.author, toBytes: ChangesetFileFormat.Limit.authorBytes), lengthType: UInt16.self)
        body.appendString(Self.clipped(record.summary, toBytes: ChangesetFileFormat.Limit.summaryBytes), lengthType: UInt32.self)
        body.append(UInt32(record.changeset.count))
        body.append(record.changeset)
        return body.bytes
    }

    /// `text` shortened by whole characters until its UTF-8 fits `limit` bytes.
    static func clipped(_ text: String, toBytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var clipped = Substring(text)
        while clipped.utf8.count > limit { clipped = clipped.dropLast() }
        return String(clipped)
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
