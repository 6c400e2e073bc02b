import Foundation

/// What a changeset file says about itself before its records: who wrote it, when,
/// which changes it holds, and what its writer had.
///
/// `ranges` are exact: the file holds every sequence of each range once, and nothing
/// else, so a reader knows what it will get (and a truncated copy is detected) before
/// it reads a record.
public struct ChangesetFileHeader: Sendable, Equatable {
    /// A run of consecutive changes from one replica: `first...last`.
    public struct ReplicaRange: Sendable, Hashable, Codable {
        public var replicaID: String
        public var first: Int64
        public var last: Int64

        public init(replicaID: String, first: Int64, last: Int64) {
            self.replicaID = replicaID
            self.first = first
            self.last = last
        }

        /// How many changes the range holds.
        public var count: Int64 { last - first + 1 }
    }

    public var formatVersion: UInt16
    public var schemaVersion: UInt32
    /// The replica that wrote the file (not necessarily the origin of its records: files relay).
    public var originReplicaID: String
    /// When the file was written, in milliseconds since 1970 (UTC).
    public var writtenAtMilliseconds: UInt64
    public var recordCount: Int
    public var ranges: [ReplicaRange]
    /// The origin's version vector when it wrote the file: what it had from each replica.
    public var originVersionVector: [String: Int64]
    /// The shared starting point the changes apply on (see ``SyncBaseline``), e.g. `seeds:3fa4…`.
    public var baseline: String
    /// The public key of the writer and of every replica whose signed records the file holds (v2; empty in v1).
    public var publicKeys: [String: Data]
    /// How each range's changes are proved (format 3), parallel to `ranges`. Empty means
    /// ``RangeProof/recordSignatures`` for every range (what format 2 files do).
    public var rangeProofs: [RangeProof]

    public init(
        originReplicaID: String, writtenAt: Date = Date(), recordCount: Int, ranges: [ReplicaRange],
        originVersionVector: [String: Int64], baseline: String = "empty", publicKeys: [String: Data] = [:],
        rangeProofs: [RangeProof] = [], formatVersion: UInt16 = ChangesetFileFormat.formatVersion, schemaVersion: UInt32 = ChangesetFileFormat.schemaVersion
    ) {
        self.formatVersion = formatVersion
        self.schemaVersion = schemaVersion
        self.originReplicaID = originReplicaID
        self.writtenAtMilliseconds = UInt64(max(0, writtenAt.timeIntervalSince1970 * 1000))
        self.recordCount = recordCount
        self.ranges = ranges
        self.originVersionVector = originVersionVector
        self.baseline = baseline
        self.publicKeys = publicKeys
        self.rangeProofs = rangeProofs
    }

    /// The proof of range `index` (``RangeProof/recordSignatures`` when none was given).
    public func proof(ofRange index: Int) -> RangeProof {
        index < rangeProofs.count ? rangeProofs[index] : .recordSignatures
    }

    /// `true` for files whose changes are proved per range and whose records form one compressed stream (format 3 on).
    public var isStreamed: Bool { formatVersion >= ChangesetFileFormat.firstStreamedVersion }

    /// `true` for files whose records and writer are signed (format 2 on).
    public var isSigned: Bool { formatVersion >= ChangesetFileFormat.firstSignedVersion }

    public var writtenAt: Date { Date(timeIntervalSince1970: Double(writtenAtMilliseconds) / 1000) }

    /// The ranges covering `records`, one per run of consecutive sequences of a replica, sorted.
    public static func ranges(of records: [ChangeRecord]) -> [ReplicaRange] {
        let keys = Set(records.map { RecordKey(replicaID: $0.replicaID, sequence: $0.sequence) })
        var ranges: [ReplicaRange] = []
        for key in keys.sorted() {
            if let last = ranges.last, last.replicaID == key.replicaID, last.last + 1 == key.sequence {
                ranges[ranges.count - 1].last = key.sequence
            } else {
                ranges.append(ReplicaRange(replicaID: key.replicaID, first: key.sequence, last: key.sequence))
            }
        }
        return ranges
    }

    /// A range's proof as format 3 writes it: kind(1) chainBefore(32) signature(64), zeros where the kind has none.
    private static func appendProof(_ proof: RangeProof, to encoder: inout BinaryEncoder) {
        encoder.append(proof.kind)
        if case let .chain(before, signature) = proof, before.count == ChangeChain.hashSize, signature.count == ChangeSignature.size {
            encoder.append(before)
            encoder.append(signature)
        } else {
            encoder.append(Array(repeating: UInt8(0), count: ChangeChain.hashSize + ChangeSignature.size))
        }
    }

    /// The fixed header, the range table and the version vector, as written to the file.
    func encoded() -> [UInt8] {
        var encoder = BinaryEncoder(reservingCapacity: ChangesetFileFormat.headerSize + ranges.count * 32)
        encoder.append(ChangesetFileFormat.magic)
        encoder.append(formatVersion)
        encoder.append(UInt16(0))
        encoder.append(schemaVersion)
        encoder.appendReplica(originReplicaID)
        encoder.append(writtenAtMilliseconds)
        encoder.append(UInt32(recordCount))
        encoder.append(UInt32(ranges.count))
        encoder.append(UInt32(originVersionVector.count))
        let baselineBytes = Array(ChangesetFileWriter.clipped(baseline, toBytes: ChangesetFileFormat.Limit.baselineBytes).utf8)
        encoder.append(UInt16(baselineBytes.count))
        if isSigned { encoder.append(UInt16(publicKeys.count)) }
        encoder.append(Array(repeating: UInt8(0), count: ChangesetFileFormat.headerSize - encoder.bytes.count))
        for (index, range) in ranges.enumerated() {
            encoder.appendReplica(range.replicaID)
            encoder.append(UInt64(range.first))
            encoder.append(UInt64(range.last))
            if isStreamed { Self.appendProof(proof(ofRange: index), to: &encoder) }
        }
        for (replicaID, sequence) in originVersionVector.sorted(by: { $0.key < $1.key }) {
            encoder.appendReplica(replicaID)
            encoder.append(UInt64(max(0, sequence)))
        }
        encoder.append(baselineBytes)
        if isSigned {
            for (replicaID, key) in publicKeys.sorted(by: { $0.key < $1.key }) {
                encoder.appendReplica(replicaID)
                encoder.append(key)
            }
        }
        return encoder.bytes
    }
}

/// The identity of a change: the replica that made it and its sequence there.
public struct RecordKey: Sendable, Hashable, Comparable {
    public var replicaID: String
    public var sequence: Int64

    public init(replicaID: String, sequence: Int64) {
        self.replicaID = replicaID
        self.sequence = sequence
    }

    public static func < (left: RecordKey, right: RecordKey) -> Bool {
        (left.replicaID, left.sequence) < (right.replicaID, right.sequence)
    }
}
