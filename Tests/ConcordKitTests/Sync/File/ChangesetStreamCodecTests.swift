import Crypto
import Foundation
import Testing
@testable import ConcordKit

/// Format 3 on its own: runs proved by one chain signature, the compressed record stream, and
/// the damage only format 3 can suffer (a stream that inflates past what its header declares).
@Suite struct ChangesetStreamCodecTests {
    static let alpha = ChangesetFileCodecTests.alpha
    static let beta = ChangesetFileCodecTests.beta
    static let alphaKey = ReplicaSigningKey()

    /// Alpha's changes 1…`count`, each with its chain hash; the last carries alpha's chain signature.
    static func chainedRecords(count: Int, summary: (Int) -> String = { "set summary of person \($0)" }) throws -> [ChangeRecord] {
        var previous = ChangeChain.origin
        var records: [ChangeRecord] = []
        for sequence in 1...count {
            var record = ChangeRecord(
                replicaID: alpha, sequence: Int64(sequence), timestamp: UInt64(1_000_000 + sequence * 70), author: "Ana",
                summary: summary(sequence), dependencies: sequence > 2 ? [beta: 1] : [:],
                changeset: Data([0x54, 0x02, 0x01, 0x00] + Array("entities".utf8) + [0x00, 0x17, 0x00, UInt8(sequence % 256)]))
            previous = try ChangeChain.hash(of: record, after: previous)
            record.chainHash = previous
            records.append(record)
        }
        records[count - 1].chainSignature = try ChangeChain.sign(
            replicaID: alpha, sequence: Int64(count), chainHash: previous, with: alphaKey)
        return records
    }

    /// Writes alpha's `records[from...]` as one chain-proved range, starting from the chain hash before it.
    static func write(_ records: [ChangeRecord], from first: Int = 0, signature: Data? = nil) throws -> String {
        let path = try TestKnowledgeBase.temporaryDirectory() + "/chain.concord"
        let before = first == 0 ? ChangeChain.origin : try #require(records[first - 1].chainHash)
        let written = Array(records[first...])
        let header = ChangesetFileHeader(
            originReplicaID: alpha, recordCount: written.count,
            ranges: [.init(replicaID: alpha, first: Int64(first + 1), last: Int64(records.count))],
            originVersionVector: [alpha: Int64(records.count), beta: 1], baseline: "seeds:0123",
            publicKeys: [alpha: alphaKey.publicKey],
            rangeProofs: [.chain(before: before, signature: try signature ?? #require(records.last?.chainSignature))])
        let writer = try ChangesetFileWriter(path: path, header: header, signingKey: alphaKey)
        for record in written { try writer.write(record) }
        try writer.finish()
        return path
    }

    @Test func aChainProvedRangeReadsBackWithItsHashesAndOneSigner() throws {
        let records = try Self.chainedRecords(count: 50)
        for first in [0, 20] {
            let path = try Self.write(records, from: first)
            let reader = try ChangesetFileReader(path: path)
            #expect(reader.header.formatVersion == 3 && reader.header.rangeProofs.count == 1)
            var read: [ChangeRecord] = []
            while let record = try reader.next() { read.append(record) }
            var expected = Array(records[first...])
            for index in expected.indices where index != expected.count - 1 { expected[index].chainSignature = nil }
            #expect(read == expected)
            #expect(reader.signers == [Self.alpha: Self.alphaKey.publicKey] && reader.unsignedReplicas.isEmpty)
        }
    }

    @Test func anAlteredChangeOrAWrongChainSignatureIsRefusedAtTheRangesEnd() throws {
        var records = try Self.chainedRecords(count: 10)
        records[3].summary = "set summary of person 4 to something else"  // after alpha chained and signed it
        let altered = try Self.write(records)
        #expect(throws: ChangesetFileError.badSignature(file: altered, record: 10, replica: Self.alpha, sequence: 10)) {
            try ChangesetFileReader.verify(path: altered)
        }
        let genuine = try Self.chainedRecords(count: 10)
        let stranger = try ChangeChain.sign(replicaID: Self.alpha, sequence: 10, chainHash: try #require(genuine[9].chainHash), with: ReplicaSigningKey())
        let forged = try Self.write(genuine, signature: stranger)
        #expect(throws: ChangesetFileError.badSignature(file: forged, record: 10, replica: Self.alpha, sequence: 10)) {
            try ChangesetFileReader.verify(path: forged)
        }
        // A range claimed to start later than it does: its chain does not lead to the signed hash.
        let path = try Self.write(genuine, from: 0)
        #expect(try ChangesetFileReader.verify(path: path).header.recordCount == 10)
    }

    @Test func manySimilarChangesCompressWellBelowFormatTwo() throws {
        let records = try Self.chainedRecords(count: 500) { "set summary of person:3fa4c1e29b0e7701 to Rapporteur number \($0)" }
        let streamed = try Self.write(records)
        var signed = records
        for index in signed.indices {
            signed[index].signature = try ChangeSignature.sign(signed[index], with: Self.alphaKey)
        }
        let legacy = try ChangesetFileCodecTests.writeSample(records: signed.map { var record = $0; record.chainSignature = nil; return record }, formatVersion: 2)
        let streamedSize = try #require(try FileManager.default.attributesOfItem(atPath: streamed)[.size] as? Int)
        let legacySize = try #require(try FileManager.default.attributesOfItem(atPath: legacy)[.size] as? Int)
        #expect(streamedSize * 5 < legacySize, "format 3: \(streamedSize) bytes, format 2: \(legacySize) bytes")
    }

    /// The offset of the stream lengths (inflated, compressed) in a file written by ``write(_:from:signature:)``.
    static func streamInfoOffset(of header: ChangesetFileHeader) -> Int {
        ChangesetFileFormat.headerSize + header.ranges.count * ChangesetFileFormat.rangeEntrySize(formatVersion: 3)
            + header.originVersionVector.count * 24 + header.baseline.utf8.count + header.publicKeys.count * 48
    }

    @Test func aStreamInflatingPastItsDeclaredSizeIsRefused() throws {
        let path = try Self.write(try Self.chainedRecords(count: 20))
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let offset = Self.streamInfoOffset(of: try ChangesetFileReader(path: path).header)
        let inflated = bytes[offset..<offset + 8].reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        let cases: [(UInt64, String)] = [
            (inflated - 1, "the record stream inflates to more bytes than its header declares"),
            (inflated + 1, "the record stream does not end after record 20 of 20 as its header declares"),
            (UInt64(1) << 62, "its header declares \(UInt64(1) << 62) bytes of records in \(bytes.count - offset - 16 - 104) compressed bytes, more than deflate can hold"),
        ]
        let damagedPath = path + ".damaged"
        for (declared, reason) in cases {
            var damaged = bytes
            for index in 0..<8 { damaged[offset + index] = UInt8(truncatingIfNeeded: declared >> (56 - 8 * UInt64(index))) }
            try Data(damaged).write(to: URL(fileURLWithPath: damagedPath))
            #expect(throws: ChangesetFileError.damaged(file: damagedPath, reason: reason)) { try ChangesetFileReader.verify(path: damagedPath) }
        }
    }

    @Test func recordsOutOfTheirRangesOrderCannotBeWritten() throws {
        let records = try Self.chainedRecords(count: 3)
        let path = try TestKnowledgeBase.temporaryDirectory() + "/order.concord"
        let header = ChangesetFileHeader(
            originReplicaID: Self.alpha, recordCount: 3, ranges: [.init(replicaID: Self.alpha, first: 1, last: 3)],
            originVersionVector: [Self.alpha: 3], publicKeys: [Self.alpha: Self.alphaKey.publicKey])
        let writer = try ChangesetFileWriter(path: path, header: header, signingKey: Self.alphaKey)
        try writer.write(records[0])
        #expect(throws: ChangesetFileError.self) { try writer.write(records[2]) }
    }
}
