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
    private var hasher = SHA256()
    private var buffer: [UInt8] = []
    private var written = 0
    private var finished = false
    private static let flushThreshold = 1 << 20

    /// Creates (or replaces) the file at `path` and writes the header.
    public init(path: String, header: ChangesetFileHeader) throws {
        guard ReplicaIDCoding.isValid(header.originReplicaID) else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "the replica id '\(header.originReplicaID)' is not 32 hex digits")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "cannot create the file")
        }
        self.path = path
        self.handle = handle
        self.header = header
        try emit(header.encoded())
    }

    deinit { try? handle.close() }

    /// Appends one record.
    public func write(_ record: ChangeRecord) throws {
        guard written < header.recordCount else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "more records than the header announced (\(header.recordCount))")
        }
        try emit(Self.encode(record, file: path))
        written += 1
    }

    /// Writes the trailer and flushes everything to disk.
    public func finish() throws {
        guard !finished else { return }
        guard written == header.recordCount else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "\(written) records written, \(header.recordCount) announced")
        }
        try emit(ChangesetFileFormat.endMagic)
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

    /// The record's bytes: a 4-byte length, then the body described in FORMAT.md.
    static func encode(_ record: ChangeRecord, file: String) throws -> [UInt8] {
        guard ReplicaIDCoding.isValid(record.replicaID), record.sequence >= 1 else {
            throw ChangesetFileError.cannotWrite(file: file, reason: "change \(record.replicaID)#\(record.sequence) has an invalid identity")
        }
        var body = BinaryEncoder(reservingCapacity: 64 + record.summary.utf8.count + record.changeset.count)
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
        guard body.bytes.count <= ChangesetFileFormat.Limit.recordBytes else {
            throw ChangesetFileError.cannotWrite(file: file, reason: "change \(record.replicaID)#\(record.sequence) is larger than 1 GiB")
        }
        var framed = BinaryEncoder(reservingCapacity: body.bytes.count + 4)
        framed.append(UInt32(body.bytes.count))
        framed.append(body.bytes)
        return framed.bytes
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
