import Foundation

/// Encodes change records into the compact body of format 3's record stream (`sync/FORMAT.md`,
/// "Records (format 3)"), keeping what the next record can refer back to: the previous
/// timestamp, the author table, and each range's previous dependencies.
///
/// A record's replica and sequence are implicit (its range's, next in order); the fields written
/// are the canonical ones (``ChangesetFileWriter/body(of:file:)``: clipped author and summary,
/// dependencies on valid replicas only), so a reader rebuilds exactly the body its origin chained and signed.
struct RecordStreamEncoder {
    private var previousTimestamp: UInt64 = 0
    private var authors: [String: Int] = [:]
    private var previousDependencies: [Int: [String: Int64]] = [:]
    private var previousRawDependencies: [Int: [String: Int64]] = [:]
    private let vectorReplicas: [String: Int]
    private var body = BinaryEncoder(reservingCapacity: 4096)

    /// `vectorReplicas`: the header's version vector, whose entries dependencies refer to by position.
    init(vectorReplicas: [String]) {
        var references: [String: Int] = [:]
        for (index, replicaID) in vectorReplicas.sorted().enumerated() { references[replicaID] = index + 1 }
        self.vectorReplicas = references
    }

    /// Appends the framed record to `output`: range index, body length, body (with its signature in a
    /// per-change-signature range). Returns the framed record's size.
    @discardableResult
    mutating func encode(_ record: ChangeRecord, rangeIndex: Int, proof: RangeProof, into output: inout BinaryEncoder) -> Int {
        body.removeAll()
        body.appendSignedVarint(Int64(bitPattern: record.timestamp &- previousTimestamp))
        previousTimestamp = record.timestamp
        appendDependencies(of: record, rangeIndex: rangeIndex)
        let author = ChangesetFileWriter.clipped(record.author, toBytes: ChangesetFileFormat.Limit.authorBytes)
        if let reference = authors[author] {
            body.appendVarint(UInt64(reference))
        } else {
            body.appendVarint(0)
            body.appendVarintString(author)
            if authors.count < ChangesetFileFormat.authorTableSize { authors[author] = authors.count + 1 }
        }
        body.appendVarintString(ChangesetFileWriter.clipped(record.summary, toBytes: ChangesetFileFormat.Limit.summaryBytes))
        body.appendVarint(UInt64(record.changeset.count))
        body.append(record.changeset)
        if case .recordSignatures = proof {
            let signature = record.signature ?? Data()
            body.append(UInt8(signature.count))
            body.append(signature)
        }
        let start = output.bytes.count
        output.appendVarint(UInt64(rangeIndex))
        output.appendVarint(UInt64(body.bytes.count))
        output.append(body.bytes)
        return output.bytes.count - start
    }

    /// `0` when the record's dependencies are its range's previous record's (compared before filtering: the filter
    /// is deterministic), else their count + 1 and each one.
    private mutating func appendDependencies(of record: ChangeRecord, rangeIndex: Int) {
        if previousRawDependencies[rangeIndex] == record.dependencies {
            body.appendVarint(0)
            return
        }
        previousRawDependencies[rangeIndex] = record.dependencies
        let dependencies = record.dependencies.filter { ReplicaIDCoding.isValid($0.key) && $0.value > 0 }
        if previousDependencies[rangeIndex, default: [:]] == dependencies {
            body.appendVarint(0)
            return
        }
        body.appendVarint(UInt64(dependencies.count) + 1)
        for (replicaID, sequence) in dependencies.sorted(by: { $0.key < $1.key }) {
            let reference = vectorReplicas[replicaID] ?? 0
            body.appendVarint(UInt64(reference))
            if reference == 0 { body.appendReplica(replicaID) }
            body.appendVarint(UInt64(sequence))
        }
        previousDependencies[rangeIndex] = dependencies
    }
}
