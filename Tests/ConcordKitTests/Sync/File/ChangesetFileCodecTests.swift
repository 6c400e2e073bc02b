import Foundation
import Testing
@testable import ConcordKit

/// The file format on its own: what is written is read back, and every kind of
/// damage is refused with a reason before any record could be applied.
@Suite struct ChangesetFileCodecTests {
    static let alpha = String(repeating: "a1", count: 16)
    static let beta = String(repeating: "b2", count: 16)

    static func sampleRecords() -> [ChangeRecord] {
        [
            ChangeRecord(replicaID: alpha, sequence: 1, timestamp: 100, author: "Ana", summary: "add person Jane",
                         dependencies: [:], changeset: Data([1, 2, 3])),
            ChangeRecord(replicaID: alpha, sequence: 2, timestamp: 200, author: "Ana", summary: "note « élan »",
                         dependencies: [beta: 1], changeset: Data(repeating: 7, count: 300)),
            ChangeRecord(replicaID: beta, sequence: 1, timestamp: 150, author: "Bo", summary: "",
                         dependencies: [:], changeset: Data()),
            ChangeRecord(replicaID: alpha, sequence: 4, timestamp: 400, author: "Ana", summary: "gap before me",
                         dependencies: [beta: 1], changeset: Data([9])),
        ]
    }

    /// The signing keys of the sample replicas.
    static let keys = [alpha: ReplicaSigningKey(), beta: ReplicaSigningKey()]

    /// The sample records, each signed by its replica's key.
    static func signedRecords(_ records: [ChangeRecord] = sampleRecords()) throws -> [ChangeRecord] {
        try records.map { record in
            var record = record
            record.signature = try ChangeSignature.sign(record, with: try #require(keys[record.replicaID]))
            return record
        }
    }

    /// Writes `records` (signed, in a signed format) as replica alpha would.
    static func writeSample(records: [ChangeRecord]? = nil, formatVersion: UInt16 = ChangesetFileFormat.formatVersion) throws -> String {
        let signed = formatVersion >= ChangesetFileFormat.firstSignedVersion
        let records = try records ?? (signed ? signedRecords() : sampleRecords())
        let path = try TestKnowledgeBase.temporaryDirectory() + "/sample.concord"
        let header = ChangesetFileHeader(
            originReplicaID: alpha, recordCount: records.count, ranges: ChangesetFileHeader.ranges(of: records),
            originVersionVector: [alpha: 4, beta: 1], baseline: "seeds:0123",
            publicKeys: signed ? keys.mapValues(\.publicKey) : [:], formatVersion: formatVersion)
        let writer = try ChangesetFileWriter(path: path, header: header, signingKey: keys[alpha])
        for record in records { try writer.write(record) }
        try writer.finish()
        return path
    }

    static func readAll(_ path: String) throws -> [ChangeRecord] {
        var records: [ChangeRecord] = []
        try ChangesetFileReader.verify(path: path) { records.append($0) }
        return records
    }

    /// Byte offsets where each record starts, and where the trailer starts.
    static func recordBoundaries(_ bytes: [UInt8], header: ChangesetFileHeader) -> [Int] {
        var offset = ChangesetFileFormat.headerSize + header.ranges.count * 32 + header.originVersionVector.count * 24
            + header.baseline.utf8.count + header.publicKeys.count * 48
        var boundaries = [offset]
        for _ in 0..<header.recordCount {
            let length = bytes[offset..<offset + 4].reduce(0) { ($0 << 8) | Int($1) }
            offset += 4 + length
            boundaries.append(offset)
        }
        return boundaries
    }

    @Test func recordsAndHeaderSurviveTheRoundTrip() throws {
        let path = try Self.writeSample()
        let reader = try ChangesetFileReader(path: path)
        #expect(reader.header.originReplicaID == Self.alpha)
        #expect(reader.header.originVersionVector == [Self.alpha: 4, Self.beta: 1])
        #expect(reader.header.baseline == "seeds:0123")
        #expect(reader.header.ranges.map { "\($0.replicaID.prefix(2)):\($0.first)-\($0.last)" } == ["a1:1-2", "a1:4-4", "b2:1-1"])
        var records: [ChangeRecord] = []
        while let record = try reader.next() { records.append(record) }
        #expect(records == (try Self.signedRecords()))
        #expect(reader.signers == Self.keys.mapValues(\.publicKey))
        #expect(reader.unsignedReplicas.isEmpty)
        #expect(reader.checksum?.count == 32)
        #expect(ChangesetFileReader.storedChecksum(path: path)?.checksum == reader.checksum.map { ReplicaIDCoding.text($0) })
    }

    /// Format 2's records are length-prefixed, so its record boundaries can be cut at (format 3's are compressed).
    @Test func truncationAtEveryRecordBoundaryNamesTheLastCompleteRecord() throws {
        let path = try Self.writeSample(formatVersion: 2)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let header = try ChangesetFileReader(path: path).header
        let boundaries = Self.recordBoundaries(bytes, header: header)
        for (complete, boundary) in boundaries.enumerated() {
            let cut = path + ".cut\(complete)"
            try Data(bytes.prefix(boundary)).write(to: URL(fileURLWithPath: cut))
            let expected: ChangesetFileError = complete < header.recordCount
                ? .truncated(file: cut, afterRecord: complete, of: header.recordCount)
                : .truncatedBeforeChecksum(file: cut)
            #expect(throws: expected) { try Self.readAll(cut) }
        }
        #expect(boundaries.last == bytes.count - ChangesetFileFormat.trailerSize(formatVersion: header.formatVersion))
    }

    @Test(arguments: [UInt16(2), ChangesetFileFormat.formatVersion])
    func truncationAtAnyByteIsRefused(formatVersion: UInt16) throws {
        let path = try Self.writeSample(formatVersion: formatVersion)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let cut = path + ".cut"
        for length in 0..<bytes.count {
            try Data(bytes.prefix(length)).write(to: URL(fileURLWithPath: cut))
            #expect(throws: ChangesetFileError.self, "cut at \(length) of \(bytes.count)") { try Self.readAll(cut) }
        }
    }

    @Test(arguments: [UInt16(2), ChangesetFileFormat.formatVersion])
    func aFlippedByteAnywhereIsRefused(formatVersion: UInt16) throws {
        let path = try Self.writeSample(formatVersion: formatVersion)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let flipped = path + ".flipped"
        for position in bytes.indices {
            var damaged = bytes
            damaged[position] ^= 0x20
            try Data(damaged).write(to: URL(fileURLWithPath: flipped))
            #expect(throws: ChangesetFileError.self, "flip at \(position)") { try Self.readAll(flipped) }
        }
        // A flip inside a changeset blob of a v1 file passes every structural check; only the checksum catches it.
        let unsigned = try Self.writeSample(formatVersion: 1)
        var damaged = try [UInt8](Data(contentsOf: URL(fileURLWithPath: unsigned)))
        damaged[damaged.count - ChangesetFileFormat.trailerSize - 1] ^= 0x01
        try Data(damaged).write(to: URL(fileURLWithPath: flipped))
        #expect(throws: ChangesetFileError.checksumMismatch(file: flipped)) { try Self.readAll(flipped) }
    }

    @Test func wrongMagicNewerVersionAndTrailingBytesAreRefused() throws {
        let path = try Self.writeSample()
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let other = path + ".other"
        try Data("PK\u{3}\u{4} a zip file, not ours".utf8).write(to: URL(fileURLWithPath: other))
        #expect(throws: ChangesetFileError.notAChangesetFile(file: other)) { try Self.readAll(other) }

        let newer = try Self.writeSample(formatVersion: ChangesetFileFormat.formatVersion + 1)
        #expect(throws: ChangesetFileError.newerFormat(file: newer, version: ChangesetFileFormat.formatVersion + 1)) {
            try Self.readAll(newer)
        }

        var newerSchema = bytes
        newerSchema[19] = UInt8(ChangesetFileFormat.schemaVersion + 1)
        try Data(newerSchema).write(to: URL(fileURLWithPath: other))
        #expect(throws: ChangesetFileError.newerSchema(file: other, version: ChangesetFileFormat.schemaVersion + 1)) {
            try Self.readAll(other)
        }

        bytes.append(0)
        try Data(bytes).write(to: URL(fileURLWithPath: other))
        #expect(throws: ChangesetFileError.damaged(file: other, reason: "unexpected bytes after the checksum")) { try Self.readAll(other) }
    }

    @Test func aMissingFileIsAOneLineError() throws {
        let error = #expect(throws: ChangesetFileError.self) { try ChangesetFileReader(path: "/nonexistent/x.concord") }
        #expect(error?.localizedDescription == "/nonexistent/x.concord: cannot be read (no such file)")
    }
}
