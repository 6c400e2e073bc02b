import Crypto
import Foundation

/// Writes a changeset file of format 3: the header with its range proofs, then every record
/// as one deflate-compressed stream, then the trailer (`sync/FORMAT.md`).
///
/// Records are encoded as they come and compressed and written in batches on a second thread
/// (``BackgroundDeflater``), so memory stays at a few batches plus zlib's buffers. The stream's lengths are only known at the end: they are written into
/// their place after the header once the stream is finished, and the file is then read back
/// once (it is compressed, so this is cheap) to compute the SHA-256 the writer signs and the
/// trailer ends with.
final class ChangesetStreamWriter: RecordFileWriting {
    private let path: String
    private let output: BufferedFileOutput
    private let header: ChangesetFileHeader
    private let signingKey: ReplicaSigningKey?
    private let deflater: Deflater
    private let compressor: BackgroundDeflater
    private var encoder: RecordStreamEncoder
    /// Encoded records not yet compressed.
    private var pending = BinaryEncoder(reservingCapacity: 1 << 17)
    private let streamInfoOffset: UInt64
    /// The next sequence each range expects, by range index.
    private var nextSequence: [Int64]
    /// Each replica's ranges, as (index in the header, range).
    private let rangesOfReplica: [String: [(index: Int, range: ChangesetFileHeader.ReplicaRange)]]
    private var written = 0
    private var finished = false
    private static let batchSize = 1 << 16

    init(path: String, header: ChangesetFileHeader, signingKey: ReplicaSigningKey?) throws {
        guard header.rangeProofs.isEmpty || header.rangeProofs.count == header.ranges.count else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "the header has \(header.rangeProofs.count) range proofs for \(header.ranges.count) ranges")
        }
        for (index, range) in header.ranges.enumerated() {
            guard case let .chain(before, signature) = header.proof(ofRange: index) else { continue }
            guard header.publicKeys[range.replicaID] != nil, before.count == ChangeChain.hashSize, signature.count == ChangeSignature.size else {
                throw ChangesetFileError.cannotWrite(
                    file: path, reason: "the chain proof of replica \(range.replicaID.prefix(8))'s range is malformed or its key is not in the key table")
            }
        }
        self.path = path
        self.header = header
        self.signingKey = signingKey
        let output = try BufferedFileOutput(creating: path)
        let deflater: Deflater
        do {
            deflater = try Deflater(level: ChangesetFileFormat.compressionLevel)
        } catch {
            throw ChangesetFileError.cannotWrite(file: path, reason: "zlib cannot start compressing")
        }
        self.output = output
        self.deflater = deflater
        // The sink holds the file, not the writer: dropping an unfinished writer stops the thread.
        compressor = BackgroundDeflater(deflater) { compressed in try output.append(compressed) }
        encoder = RecordStreamEncoder(vectorReplicas: Array(header.originVersionVector.keys))
        nextSequence = header.ranges.map(\.first)
        rangesOfReplica = Dictionary(grouping: header.ranges.enumerated().map { (index: $0.offset, range: $0.element) }, by: \.range.replicaID)
        let encoded = header.encoded()
        streamInfoOffset = UInt64(encoded.count)
        try output.append(encoded + Array(repeating: 0, count: ChangesetFileFormat.streamInfoSize))
    }

    func write(_ record: ChangeRecord) throws {
        guard written < header.recordCount else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "more records than the header announced (\(header.recordCount))")
        }
        guard let index = rangesOfReplica[record.replicaID]?.first(where: { $0.range.first <= record.sequence && record.sequence <= $0.range.last })?.index else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "change \(record.replicaID.prefix(8))#\(record.sequence) is in none of the header's ranges")
        }
        guard record.sequence == nextSequence[index] else {
            throw ChangesetFileError.cannotWrite(
                file: path, reason: "change \(record.replicaID.prefix(8))#\(record.sequence) comes out of order (expected #\(nextSequence[index]))")
        }
        let proof = header.proof(ofRange: index)
        if case .recordSignatures = proof, record.signature != nil, header.publicKeys[record.replicaID] == nil {
            throw ChangesetFileError.cannotWrite(
                file: path, reason: "change \(record.replicaID.prefix(8))#\(record.sequence) is signed but its replica's key is not in the key table")
        }
        if case .recordSignatures = proof, let signature = record.signature, signature.count != ChangeSignature.size {
            throw ChangesetFileError.cannotWrite(file: path, reason: "change \(record.replicaID)#\(record.sequence) has a malformed signature")
        }
        guard ReplicaIDCoding.isValid(record.replicaID) else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "change \(record.replicaID)#\(record.sequence) has an invalid identity")
        }
        let size = encoder.encode(record, rangeIndex: index, proof: proof, into: &pending)
        guard size <= ChangesetFileFormat.Limit.recordBytes else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "change \(record.replicaID)#\(record.sequence) is larger than 1 GiB")
        }
        // Records are compressed in batches: one deflate call per record cost more than the compression.
        if pending.bytes.count >= Self.batchSize { try compressPending(finish: false) }
        nextSequence[index] += 1
        written += 1
    }

    func finish() throws {
        guard !finished else { return }
        guard written == header.recordCount else {
            throw ChangesetFileError.cannotWrite(file: path, reason: "\(written) records written, \(header.recordCount) announced")
        }
        try compressPending(finish: true)
        do {
            try compressor.waitUntilFinished()
        } catch {
            throw Self.compressionError(error, file: path)
        }
        try output.flush()
        let handle = output.handle
        do {
            var lengths = BinaryEncoder(reservingCapacity: ChangesetFileFormat.streamInfoSize)
            lengths.append(deflater.inflatedCount)
            lengths.append(deflater.compressedCount)
            try handle.seek(toOffset: streamInfoOffset)
            try handle.write(contentsOf: lengths.bytes)
            try handle.seekToEnd()
            var hasher = try Self.hash(path)
            hasher.update(data: ChangesetFileFormat.endMagic)
            var trailer = ChangesetFileFormat.endMagic
            if header.isSigned, let signingKey {
                let signature = Array(try ChangeSignature.signFile(digest: hasher.finalize(), with: signingKey))
                hasher.update(data: signature)
                trailer += signature
            }
            trailer += Array(hasher.finalize())
            try output.append(trailer)
            try output.close()
        } catch let error as ChangesetFileError {
            throw error
        } catch {
            throw ChangesetFileError.cannotWrite(file: path, reason: error.localizedDescription)
        }
        finished = true
    }

    /// Hands the encoded records to the compressor thread and starts a new batch.
    private func compressPending(finish: Bool) throws {
        let batch = pending.bytes
        pending = BinaryEncoder(reservingCapacity: 1 << 17)
        do {
            try compressor.submit(batch, finish: finish)
        } catch {
            throw Self.compressionError(error, file: path)
        }
    }

    /// A failure of the compressor thread as the writer reports it: the file's own error (a
    /// failed write) as it is, zlib's as a failed compression.
    private static func compressionError(_ error: any Error, file: String) -> ChangesetFileError {
        (error as? ChangesetFileError) ?? .cannotWrite(file: file, reason: "zlib failed to compress the records")
    }

    /// The SHA-256 state after every byte written to `path` so far.
    private static func hash(_ path: String) throws -> SHA256 {
        guard let reader = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadUnknown) }
        defer { try? reader.close() }
        var hasher = SHA256()
        while let chunk = try reader.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher
    }
}
