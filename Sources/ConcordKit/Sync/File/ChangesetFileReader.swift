import Crypto
import Foundation

/// Reads a changeset file record by record, checking every length, count and
/// identity against the header, and the trailer's SHA-256 against the bytes read.
///
/// The reader never holds more than one record in memory. ``next()`` returns `nil`
/// only after the trailer was read and the checksum matched; a file is valid only
/// when it was read to that point. Use ``verify(path:displayName:inspect:)`` for a
/// whole validating pass.
public final class ChangesetFileReader {
    public let header: ChangesetFileHeader
    /// The name used in error messages (usually the path as the user typed it).
    public let displayName: String
    private let input: ByteInput
    private var recordsRead = 0
    private var seen = Set<RecordKey>()
    private let declared: [String: [ChangesetFileHeader.ReplicaRange]]
    private var finished = false
    /// Format 3: the compressed record stream after the header.
    private var stream: ChangesetStreamReader?
    /// The SHA-256 the trailer holds, once the file was read to its end.
    public private(set) var checksum: [UInt8]?
    /// Whether record and writer signatures are checked (on by default; a second pass over a file
    /// whose checksum matched the first pass's may skip them: its bytes are the ones checked).
    public var checksSignatures = true
    /// Replicas whose records read so far carried a verified signature, with the key they verified under.
    public private(set) var signers: [String: Data] = [:]
    /// Replicas whose records read so far carried no signature (every record of a v1 file).
    public private(set) var unsignedReplicas: Set<String> = []

    /// Opens `path` and reads its header; throws ``ChangesetFileError`` for anything not a valid header.
    public init(path: String, displayName: String? = nil) throws {
        let name = displayName ?? path
        self.displayName = name
        do {
            input = try ByteInput(path: path)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw ChangesetFileError.cannotRead(file: name, reason: reason)
        }
        header = try Self.readHeader(input, name: name)
        declared = header.isStreamed ? [:] : Dictionary(grouping: header.ranges, by: \.replicaID)
        if header.isStreamed { stream = try ChangesetStreamReader(input: input, header: header, name: name) }
    }

    /// The next record, or `nil` after the last one once the checksum was verified.
    public func next() throws -> ChangeRecord? {
        if finished { return nil }
        if let stream { return try next(from: stream) }
        if recordsRead == header.recordCount {
            try readTrailer()
            finished = true
            return nil
        }
        let index = recordsRead + 1
        let lengthBytes = try read(4)
        if lengthBytes.isEmpty { throw ChangesetFileError.truncated(file: displayName, afterRecord: recordsRead, of: header.recordCount) }
        guard lengthBytes.count == 4 else { throw truncatedInRecord(index) }
        let length = lengthBytes.reduce(0) { ($0 << 8) | Int($1) }
        guard length >= 46, length <= ChangesetFileFormat.Limit.recordBytes else {
            throw damaged("record \(index) of \(header.recordCount) claims an impossible length of \(length) bytes")
        }
        let body = try read(length)
        guard body.count == length else { throw truncatedInRecord(index) }
        let decoded: (record: ChangeRecord, signedLength: Int)
        do {
            decoded = try Self.decodeRecord(body, signed: header.isSigned)
        } catch let failure as BinaryDecoder.Failure {
            throw damaged("record \(index): \(failure.reason)")
        }
        let record = decoded.record
        try checkIdentity(of: record, index: index)
        try checkSignature(of: record, body: body.prefix(decoded.signedLength), index: index)
        recordsRead = index
        return record
    }

    /// Format 3: the next record of the stream (its identity follows from its range, so it needs no check here).
    private func next(from stream: ChangesetStreamReader) throws -> ChangeRecord? {
        if recordsRead == header.recordCount {
            try stream.finish(recordsRead: recordsRead)
            try readTrailer()
            finished = true
            return nil
        }
        let record = try stream.next(
            index: recordsRead + 1, checksSignatures: checksSignatures, signers: &signers, unsigned: &unsignedReplicas)
        recordsRead += 1
        return record
    }

    /// What a whole validating pass found: see ``verifySigned(path:displayName:inspect:)``.
    public struct Verified: Sendable {
        public var header: ChangesetFileHeader
        public var checksum: [UInt8]
        /// Each replica that signed records or the file (its writer), with its key; every signature verified.
        public var signers: [String: Data]
        /// Replicas with unsigned records (all of a v1 file's).
        public var unsignedReplicas: Set<String>
    }

    /// Reads the whole file once, checking every signature, calling `inspect` on each record; throws on the first problem.
    public static func verifySigned(
        path: String, displayName: String? = nil, inspect: (ChangeRecord) throws -> Void = { _ in }
    ) throws -> Verified {
        let reader = try ChangesetFileReader(path: path, displayName: displayName)
        while let record = try reader.next() { try inspect(record) }
        return Verified(header: reader.header, checksum: reader.checksum ?? [], signers: reader.signers, unsignedReplicas: reader.unsignedReplicas)
    }

    /// Reads the whole file once, calling `inspect` on each record, and returns the header
    /// and the trailer's checksum; throws on the first problem (a bad signature included).
    @discardableResult
    public static func verify(
        path: String, displayName: String? = nil, inspect: (ChangeRecord) throws -> Void = { _ in }
    ) throws -> (header: ChangesetFileHeader, checksum: [UInt8]) {
        let reader = try ChangesetFileReader(path: path, displayName: displayName)
        while let record = try reader.next() { try inspect(record) }
        return (reader.header, reader.checksum ?? [])
    }

    /// The SHA-256 stored in the last 32 bytes of a file, and the file's size, without reading the rest.
    public static func storedChecksum(path: String) -> (size: Int64, checksum: String)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size >= UInt64(ChangesetFileFormat.headerSize + ChangesetFileFormat.trailerSize),
              (try? handle.seek(toOffset: size - 32)) != nil,
              let tail = try? handle.read(upToCount: 32), tail.count == 32 else { return nil }
        return (Int64(size), ReplicaIDCoding.text(tail))
    }

    private func read(_ count: Int) throws -> [UInt8] {
        do {
            return try input.read(count)
        } catch {
            throw ChangesetFileError.cannotRead(file: displayName, reason: error.localizedDescription)
        }
    }

    private func readTrailer() throws {
        let end = try read(ChangesetFileFormat.endMagic.count)
        if end.isEmpty { throw ChangesetFileError.truncatedBeforeChecksum(file: displayName) }
        guard end == ChangesetFileFormat.endMagic else {
            if end.count < ChangesetFileFormat.endMagic.count { throw ChangesetFileError.truncatedBeforeChecksum(file: displayName) }
            throw damaged("no end marker after record \(recordsRead) of \(header.recordCount)")
        }
        if header.isSigned { try readWriterSignature() }
        let expected = Array(input.hasher.finalize())
        let stored: [UInt8]
        do { stored = try input.read(32, hashing: false) } catch {
            throw ChangesetFileError.cannotRead(file: displayName, reason: error.localizedDescription)
        }
        guard stored.count == 32 else { throw ChangesetFileError.truncatedBeforeChecksum(file: displayName) }
        guard stored == expected else { throw ChangesetFileError.checksumMismatch(file: displayName) }
        guard (try? input.isAtEnd()) == true else { throw damaged("unexpected bytes after the checksum") }
        checksum = stored
    }

    /// A signed record must verify under its replica's key from the file's key table.
    private func checkSignature(of record: ChangeRecord, body: ArraySlice<UInt8>, index: Int) throws {
        guard let signature = record.signature else {
            unsignedReplicas.insert(record.replicaID)
            return
        }
        guard let key = header.publicKeys[record.replicaID] else {
            throw damaged("record \(index) is signed by replica \(record.replicaID.prefix(8)), whose key the file does not carry")
        }
        if checksSignatures, !ChangeSignature.isValid(signature, recordBody: body, publicKey: key) {
            throw ChangesetFileError.badSignature(file: displayName, record: index, replica: record.replicaID, sequence: record.sequence)
        }
        signers[record.replicaID] = key
    }

    /// The writer's signature (v2), between the end marker and the checksum, over the SHA-256 of everything before it.
    private func readWriterSignature() throws {
        let digest = input.hasher.finalize()
        let signature = try read(ChangeSignature.size)
        guard signature.count == ChangeSignature.size else { throw ChangesetFileError.truncatedBeforeChecksum(file: displayName) }
        let key = header.publicKeys[header.originReplicaID] ?? Data()
        if checksSignatures, !ChangeSignature.isValidFileSignature(signature, digest: digest, publicKey: key) {
            throw ChangesetFileError.badWriterSignature(file: displayName, replica: header.originReplicaID)
        }
        signers[header.originReplicaID] = key
    }

    private func checkIdentity(of record: ChangeRecord, index: Int) throws {
        let key = RecordKey(replicaID: record.replicaID, sequence: record.sequence)
        let ranges = declared[record.replicaID] ?? []
        guard ranges.contains(where: { $0.first <= key.sequence && key.sequence <= $0.last }) else {
            throw damaged("record \(index) is change \(record.replicaID.prefix(8))#\(record.sequence), which the header does not list")
        }
        guard seen.insert(key).inserted else {
            throw damaged("record \(index) repeats change \(record.replicaID.prefix(8))#\(record.sequence)")
        }
    }

    private func truncatedInRecord(_ index: Int) -> ChangesetFileError {
        .truncatedInRecord(file: displayName, record: index, of: header.recordCount)
    }

    private func damaged(_ reason: String) -> ChangesetFileError {
        .damaged(file: displayName, reason: reason)
    }
}
