import Foundation

/// Reads the compressed record stream of a format 3 file (`sync/FORMAT.md`), record by record,
/// recomputing each chain-proved range's hash chain and checking its one signature when the
/// range's last change has been read.
///
/// It holds one record, zlib's buffers, and per range 32 bytes of chain and a next sequence.
/// ``ChangesetFileReader`` drives it and reads the header and trailer around it.
final class ChangesetStreamReader {
    private let header: ChangesetFileHeader
    private let name: String
    private let inflater: Inflater
    private var decoder: RecordStreamDecoder
    private var nextSequence: [Int64]
    private var chains: [Data?]

    /// Reads the stream lengths that follow the header from `input` and prepares to inflate what follows.
    init(input: ByteInput, header: ChangesetFileHeader, name: String) throws {
        self.header = header
        self.name = name
        let info: [UInt8]
        do { info = try input.read(ChangesetFileFormat.streamInfoSize) } catch {
            throw ChangesetFileError.cannotRead(file: name, reason: error.localizedDescription)
        }
        guard info.count == ChangesetFileFormat.streamInfoSize else { throw ChangesetFileError.truncatedHeader(file: name) }
        var lengths = BinaryDecoder(info)
        let inflated = try lengths.integer(UInt64.self, "inflated length")
        let compressed = try lengths.integer(UInt64.self, "compressed length")
        guard compressed <= UInt64(Int64.max) / ChangesetFileFormat.maximumInflationRatio,
              inflated <= compressed * ChangesetFileFormat.maximumInflationRatio + 64 else {
            throw ChangesetFileError.damaged(
                file: name, reason: "its header declares \(inflated) bytes of records in \(compressed) compressed bytes, more than deflate can hold")
        }
        inflater = try Inflater(compressedLength: compressed, inflatedLength: inflated) { count in try input.read(count) }
        decoder = RecordStreamDecoder(vectorReplicas: Array(header.originVersionVector.keys))
        nextSequence = header.ranges.map(\.first)
        chains = header.ranges.indices.map { index in
            if case let .chain(before, _) = header.proof(ofRange: index) { return before }
            return nil
        }
    }

    /// Record `index` (from 1) of the file. Chain-proved records carry their chain hash; the last one of
    /// such a range also the chain signature, checked (when `checksSignatures`) before it is returned.
    /// Signers found are added to `signers`, replicas with unsigned changes to `unsigned`.
    func next(
        index: Int, checksSignatures: Bool, signers: inout [String: Data], unsigned: inout Set<String>
    ) throws -> ChangeRecord {
        let rangeIndex = try varint(index: index, atStart: true)
        guard rangeIndex < UInt64(header.ranges.count) else { throw damaged("record \(index) names range \(rangeIndex + 1) of \(header.ranges.count)") }
        let range = header.ranges[Int(rangeIndex)]
        let sequence = nextSequence[Int(rangeIndex)]
        guard sequence <= range.last else {
            throw damaged("record \(index) continues replica \(range.replicaID.prefix(8))'s range \(range.first)…\(range.last) past its end")
        }
        let length = try varint(index: index, atStart: false)
        guard length <= UInt64(ChangesetFileFormat.Limit.recordBytes), length <= inflater.remaining else {
            throw damaged("record \(index) of \(header.recordCount) claims an impossible length of \(length) bytes")
        }
        let body = try inflate(Int(length), index: index)
        guard body.count == Int(length) else { throw ChangesetFileError.truncatedInRecord(file: name, record: index, of: header.recordCount) }
        let proof = header.proof(ofRange: Int(rangeIndex))
        var record: ChangeRecord
        do {
            record = try decoder.decode(body, rangeIndex: Int(rangeIndex), replicaID: range.replicaID, sequence: sequence, proof: proof)
        } catch let failure as BinaryDecoder.Failure {
            throw damaged("record \(index): \(failure.reason)")
        }
        nextSequence[Int(rangeIndex)] = sequence + 1
        try prove(&record, proof: proof, rangeIndex: Int(rangeIndex), index: index, checksSignatures: checksSignatures, signers: &signers, unsigned: &unsigned)
        return record
    }

    /// After the last record: the stream must end there, with every declared byte used.
    func finish(recordsRead: Int) throws {
        do {
            guard try inflater.isCompletelyRead() else {
                throw damaged("the record stream does not end after record \(recordsRead) of \(header.recordCount) as its header declares")
            }
        } catch let failure as Inflater.Failure {
            throw error(failure, index: recordsRead + 1, atStart: true)
        }
    }

    private func prove(
        _ record: inout ChangeRecord, proof: RangeProof, rangeIndex: Int, index: Int, checksSignatures: Bool,
        signers: inout [String: Data], unsigned: inout Set<String>
    ) throws {
        switch proof {
        case .unsigned:
            unsigned.insert(record.replicaID)
        case .recordSignatures:
            guard let signature = record.signature else {
                unsigned.insert(record.replicaID)
                return
            }
            guard let key = header.publicKeys[record.replicaID] else {
                throw damaged("record \(index) is signed by replica \(record.replicaID.prefix(8)), whose key the file does not carry")
            }
            if checksSignatures {
                let body = try canonicalBody(of: record, index: index)
                guard ChangeSignature.isValid(signature, recordBody: body, publicKey: key) else {
                    throw ChangesetFileError.badSignature(file: name, record: index, replica: record.replicaID, sequence: record.sequence)
                }
            }
            signers[record.replicaID] = key
        case let .chain(_, signature):
            let chain = ChangeChain.hash(body: try canonicalBody(of: record, index: index), after: chains[rangeIndex] ?? ChangeChain.origin)
            chains[rangeIndex] = chain
            record.chainHash = chain
            guard record.sequence == header.ranges[rangeIndex].last else { return }
            let key = header.publicKeys[record.replicaID] ?? Data()
            if checksSignatures, !ChangeChain.isValid(signature, replicaID: record.replicaID, sequence: record.sequence, chainHash: chain, publicKey: key) {
                throw ChangesetFileError.badSignature(file: name, record: index, replica: record.replicaID, sequence: record.sequence)
            }
            record.chainSignature = signature
            signers[record.replicaID] = key
        }
    }

    private func canonicalBody(of record: ChangeRecord, index: Int) throws -> [UInt8] {
        do { return try ChangesetFileWriter.body(of: record, file: name) } catch {
            throw damaged("record \(index) holds a change with an invalid identity")
        }
    }

    private func varint(index: Int, atStart: Bool) throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var first = atStart
        while true {
            let byte: UInt8?
            do { byte = try inflater.readByte() } catch let failure as Inflater.Failure {
                throw error(failure, index: index, atStart: first)
            } catch {
                throw ChangesetFileError.cannotRead(file: name, reason: error.localizedDescription)
            }
            guard let byte else {
                throw first ? ChangesetFileError.truncated(file: name, afterRecord: index - 1, of: header.recordCount)
                    : ChangesetFileError.truncatedInRecord(file: name, record: index, of: header.recordCount)
            }
            first = false
            guard shift < 63 || (shift == 63 && byte <= 1) else { throw damaged("record \(index) starts with an invalid number") }
            value |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    private func inflate(_ count: Int, index: Int) throws -> [UInt8] {
        do { return try inflater.read(count) } catch let failure as Inflater.Failure {
            throw error(failure, index: index, atStart: false)
        } catch {
            throw ChangesetFileError.cannotRead(file: name, reason: error.localizedDescription)
        }
    }

    private func error(_ failure: Inflater.Failure, index: Int, atStart: Bool) -> ChangesetFileError {
        switch failure {
        case .truncated:
            if index > header.recordCount { return .truncatedBeforeChecksum(file: name) }
            return atStart ? .truncated(file: name, afterRecord: index - 1, of: header.recordCount)
                : .truncatedInRecord(file: name, record: index, of: header.recordCount)
        case let .corrupt(message):
            return damaged("the compressed record stream is corrupt near record \(min(index, header.recordCount)) (zlib: \(message))")
        case .tooLong:
            return damaged("the record stream inflates to more bytes than its header declares")
        }
    }

    private func damaged(_ reason: String) -> ChangesetFileError { .damaged(file: name, reason: reason) }
}
