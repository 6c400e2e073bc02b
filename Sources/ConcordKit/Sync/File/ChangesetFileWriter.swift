import Crypto
import Foundation

/// What writes one format's records and trailer (see ``ChangesetFileWriter``).
protocol RecordFileWriting: AnyObject {
    func write(_ record: ChangeRecord) throws
    func finish() throws
}

/// Writes a changeset file record by record, so the file never has to be held in memory.
///
/// Call ``write(_:)`` once per record (exactly `header.recordCount` times, matching
/// `header.ranges`; in format 3 the records of each range in sequence order), then ``finish()``.
/// Callers that publish the file elsewhere write to a temporary name first and rename it
/// (see ``ChangesetExporter``). Format 3 files are written by ``ChangesetStreamWriter``,
/// formats 1 and 2 (kept for tests and tools) by ``LegacyChangesetWriter``.
public final class ChangesetFileWriter {
    private let backend: any RecordFileWriting

    /// Creates (or replaces) the file at `path` and writes the header.
    ///
    /// A signed (v2 on) header needs `signingKey`, the key of the header's origin replica, which
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
        backend = header.isStreamed
            ? try ChangesetStreamWriter(path: path, header: header, signingKey: signingKey)
            : try LegacyChangesetWriter(path: path, header: header, signingKey: signingKey)
    }

    /// Appends one record.
    public func write(_ record: ChangeRecord) throws { try backend.write(record) }

    /// Writes the trailer and flushes everything to disk.
    public func finish() throws { try backend.finish() }

    /// Creates (or empties) the file at `path` for writing.
    static func create(_ path: String) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "cannot create the file")
        }
        return handle
    }

    /// The record's bytes: a 4-byte length, then the body described in FORMAT.md (in a signed
    /// file, followed by the signature's length, 0 or 64, and the signature).
    static func encode(_ record: ChangeRecord, file: String, signed: Bool = true) throws -> [UInt8] {
        var body = try ChangesetFileWriter.body(of: record, file: file)
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
}
