import Crypto
import Foundation

extension ChangesetFileReader {
    /// Reads and validates the fixed header, the range table and the version vector.
    static func readHeader(_ input: ByteInput, name: String) throws -> ChangesetFileHeader {
        func read(_ count: Int) throws -> [UInt8] {
            do { return try input.read(count) } catch {
                throw ChangesetFileError.cannotRead(file: name, reason: error.localizedDescription)
            }
        }
        func damaged(_ reason: String) -> ChangesetFileError { .damaged(file: name, reason: reason) }

        let fixed = try read(ChangesetFileFormat.headerSize)
        guard fixed.count >= ChangesetFileFormat.magic.count, Array(fixed.prefix(ChangesetFileFormat.magic.count)) == ChangesetFileFormat.magic else {
            throw ChangesetFileError.notAChangesetFile(file: name)
        }
        guard fixed.count == ChangesetFileFormat.headerSize else { throw ChangesetFileError.truncatedHeader(file: name) }
        var decoder = BinaryDecoder(fixed)
        do {
            _ = try decoder.raw(ChangesetFileFormat.magic.count, "magic")
            let formatVersion = try decoder.integer(UInt16.self, "format version")
            guard formatVersion <= ChangesetFileFormat.formatVersion else { throw ChangesetFileError.newerFormat(file: name, version: formatVersion) }
            guard formatVersion >= 1 else { throw damaged("format version 0 does not exist") }
            guard try decoder.integer(UInt16.self, "flags") == 0 else { throw damaged("unknown flags in the header") }
            let schemaVersion = try decoder.integer(UInt32.self, "schema version")
            guard schemaVersion <= ChangesetFileFormat.schemaVersion else { throw ChangesetFileError.newerSchema(file: name, version: schemaVersion) }
            guard schemaVersion >= 1 else { throw damaged("schema version 0 does not exist") }
            let origin = try decoder.replica("origin replica")
            guard origin != String(repeating: "0", count: 32) else { throw damaged("the origin replica id is empty") }
            let writtenAt = try decoder.integer(UInt64.self, "time written")
            let recordCount = Int(try decoder.integer(UInt32.self, "record count"))
            let rangeCount = Int(try decoder.integer(UInt32.self, "range count"))
            let vectorCount = Int(try decoder.integer(UInt32.self, "version vector size"))
            let baselineLength = Int(try decoder.integer(UInt16.self, "baseline length"))
            guard baselineLength <= ChangesetFileFormat.Limit.baselineBytes else { throw damaged("the baseline name is \(baselineLength) bytes long") }
            let signed = formatVersion >= ChangesetFileFormat.firstSignedVersion
            let keyCount = signed ? Int(try decoder.integer(UInt16.self, "key count")) : 0
            guard try decoder.raw(decoder.remaining, "reserved").allSatisfy({ $0 == 0 }) else { throw damaged("reserved header bytes are not zero") }
            guard rangeCount <= ChangesetFileFormat.Limit.tableEntries, vectorCount <= ChangesetFileFormat.Limit.tableEntries else {
                throw damaged("the header announces \(rangeCount) ranges and \(vectorCount) replicas, more than any real file holds")
            }
            let tableBytes = rangeCount * ChangesetFileFormat.rangeEntrySize(formatVersion: formatVersion) + vectorCount * 24 + baselineLength + keyCount * ChangesetFileFormat.keyEntrySize
            let tables = try read(tableBytes)
            guard tables.count == tableBytes else { throw ChangesetFileError.truncatedHeader(file: name) }
            var tableDecoder = BinaryDecoder(tables)
            let streamed = formatVersion >= ChangesetFileFormat.firstStreamedVersion
            let (ranges, proofs) = try decodeRanges(
                &tableDecoder, count: rangeCount, recordCount: recordCount, withProofs: streamed, damaged: damaged)
            let vector = try decodeVector(&tableDecoder, count: vectorCount, damaged: damaged)
            let baseline = try tableDecoder.raw(baselineLength, "baseline")
            guard let baselineText = String(validating: baseline, as: UTF8.self) else { throw damaged("the baseline name is not UTF-8") }
            let keys = try decodeKeys(&tableDecoder, count: keyCount, damaged: damaged)
            if signed, keys[origin] == nil { throw damaged("its key table does not hold the key of its writer, replica \(origin.prefix(8))") }
            for (range, proof) in zip(ranges, proofs) {
                if case .chain = proof, keys[range.replicaID] == nil {
                    throw damaged("replica \(range.replicaID.prefix(8))'s range is chain-signed but its key is not in the key table")
                }
            }
            var header = ChangesetFileHeader(
                originReplicaID: origin, recordCount: recordCount, ranges: ranges, originVersionVector: vector,
                baseline: baselineText, publicKeys: keys, rangeProofs: proofs, formatVersion: formatVersion, schemaVersion: schemaVersion)
            header.writtenAtMilliseconds = writtenAt
            return header
        } catch let failure as BinaryDecoder.Failure {
            throw damaged(failure.reason)
        }
    }

    private static func decodeRanges(
        _ decoder: inout BinaryDecoder, count: Int, recordCount: Int, withProofs: Bool, damaged: (String) -> ChangesetFileError
    ) throws -> (ranges: [ChangesetFileHeader.ReplicaRange], proofs: [RangeProof]) {
        var ranges: [ChangesetFileHeader.ReplicaRange] = []
        var proofs: [RangeProof] = []
        var total: Int64 = 0
        for _ in 0..<count {
            let range = ChangesetFileHeader.ReplicaRange(
                replicaID: try decoder.replica("range replica"), first: try decoder.counter("range start"), last: try decoder.counter("range end"))
            guard range.first >= 1, range.last >= range.first else {
                throw damaged("the range \(range.first)…\(range.last) of replica \(range.replicaID.prefix(8)) is empty or starts at 0")
            }
            if withProofs { proofs.append(try decodeProof(&decoder, of: range, damaged: damaged)) }
            // Checked before adding, so a range as long as Int64 allows cannot overflow the total.
            guard range.count <= Int64(recordCount) - total else {
                throw damaged("the header's ranges hold more changes than the \(recordCount) records it announces")
            }
            ranges.append(range)
            total += range.count
        }
        guard total == Int64(recordCount) else {
            throw damaged("the header's ranges hold \(total) changes but it announces \(recordCount) records")
        }
        try checkNoOverlap(ranges, damaged: damaged)
        return (ranges, proofs)
    }

    /// Format 3: kind(1) chainBefore(32) signature(64); unused fields must be zero, and a chain that starts
    /// at a replica's first change starts from ``ChangeChain/origin``.
    private static func decodeProof(
        _ decoder: inout BinaryDecoder, of range: ChangesetFileHeader.ReplicaRange, damaged: (String) -> ChangesetFileError
    ) throws -> RangeProof {
        let kind = try decoder.integer(UInt8.self, "range proof kind")
        let before = Data(try decoder.raw(ChangeChain.hashSize, "chain hash"))
        let signature = Data(try decoder.raw(ChangeSignature.size, "chain signature"))
        let replica = range.replicaID.prefix(8)
        switch kind {
        case 0, 1:
            guard before.allSatisfy({ $0 == 0 }), signature.allSatisfy({ $0 == 0 }) else {
                throw damaged("replica \(replica)'s range carries a chain proof its kind does not use")
            }
            return kind == 0 ? .unsigned : .recordSignatures
        case 2:
            guard range.first > 1 || before == ChangeChain.origin else {
                throw damaged("replica \(replica)'s chain starts at its first change but not from zero")
            }
            return .chain(before: before, signature: signature)
        default:
            throw damaged("replica \(replica)'s range has an unknown proof kind \(kind)")
        }
    }

    /// Ranges of one replica must not overlap; sorting makes this O(n log n) for the 2^20 ranges a header may list.
    private static func checkNoOverlap(
        _ ranges: [ChangesetFileHeader.ReplicaRange], damaged: (String) -> ChangesetFileError
    ) throws {
        let sorted = ranges.sorted { ($0.replicaID, $0.first) < ($1.replicaID, $1.first) }
        for (previous, range) in zip(sorted, sorted.dropFirst())
        where previous.replicaID == range.replicaID && range.first <= previous.last {
            throw damaged("the header lists overlapping ranges for replica \(range.replicaID.prefix(8))")
        }
    }

    private static func decodeVector(
        _ decoder: inout BinaryDecoder, count: Int, damaged: (String) -> ChangesetFileError
    ) throws -> [String: Int64] {
        var vector: [String: Int64] = [:]
        for _ in 0..<count {
            let replicaID = try decoder.replica("version vector replica")
            let sequence = try decoder.counter("version vector sequence")
            guard vector.updateValue(sequence, forKey: replicaID) == nil else {
                throw damaged("the version vector lists replica \(replicaID.prefix(8)) twice")
            }
        }
        return vector
    }

    private static func decodeKeys(
        _ decoder: inout BinaryDecoder, count: Int, damaged: (String) -> ChangesetFileError
    ) throws -> [String: Data] {
        var keys: [String: Data] = [:]
        for _ in 0..<count {
            let replicaID = try decoder.replica("key table replica")
            let key = Data(try decoder.raw(32, "public key"))
            guard (try? Curve25519.Signing.PublicKey(rawRepresentation: key)) != nil else {
                throw damaged("the key table holds an invalid public key for replica \(replicaID.prefix(8))")
            }
            guard keys.updateValue(key, forKey: replicaID) == nil else {
                throw damaged("the key table lists replica \(replicaID.prefix(8)) twice")
            }
        }
        return keys
    }

    /// Decodes one record's body (without its length prefix). In a signed file the body ends with the
    /// signature's length (0 or 64) and the signature; `signedLength` is how many leading bytes it signs.
    static func decodeRecord(_ body: [UInt8], signed: Bool = false) throws -> (record: ChangeRecord, signedLength: Int) {
        var decoder = BinaryDecoder(body)
        let replicaID = try decoder.replica("replica id")
        let sequence = try decoder.counter("sequence")
        guard sequence >= 1 else { throw BinaryDecoder.Failure(reason: "sequence 0 does not exist") }
        let timestamp = try decoder.integer(UInt64.self, "timestamp")
        let dependencyCount = Int(try decoder.integer(UInt32.self, "dependency count"))
        guard dependencyCount <= ChangesetFileFormat.Limit.dependencies, dependencyCount * 24 <= decoder.remaining else {
            throw BinaryDecoder.Failure(reason: "it announces \(dependencyCount) dependencies, more than it holds")
        }
        var dependencies: [String: Int64] = [:]
        for _ in 0..<dependencyCount {
            let dependency = try decoder.replica("dependency replica")
            guard dependencies.updateValue(try decoder.counter("dependency sequence"), forKey: dependency) == nil else {
                throw BinaryDecoder.Failure(reason: "it lists a dependency twice")
            }
        }
        let author = try decoder.string(UInt16.self, limit: ChangesetFileFormat.Limit.authorBytes, "author")
        let summary = try decoder.string(UInt32.self, limit: ChangesetFileFormat.Limit.summaryBytes, "summary")
        let changesetLength = Int(try decoder.integer(UInt32.self, "changeset length"))
        let changeset = Data(try decoder.raw(changesetLength, "changeset"))
        let signedLength = decoder.offset
        var signature: Data?
        if signed {
            let length = Int(try decoder.integer(UInt8.self, "signature length"))
            guard length == 0 || length == ChangeSignature.size else {
                throw BinaryDecoder.Failure(reason: "its signature is \(length) bytes long, not \(ChangeSignature.size)")
            }
            if length > 0 { signature = Data(try decoder.raw(length, "signature")) }
        }
        guard decoder.remaining == 0 else {
            throw BinaryDecoder.Failure(reason: "\(decoder.remaining) bytes left over after its \(signed ? "signature" : "changeset")")
        }
        let record = ChangeRecord(
            replicaID: replicaID, sequence: sequence, timestamp: timestamp, author: author, summary: summary,
            dependencies: dependencies, changeset: changeset, signature: signature)
        return (record, signedLength)
    }
}
