import Foundation
import Testing
@testable import ConcordKit

/// The compressor thread export hands its batches to: same stream as compressing in line, in
/// order, failures reported to the writer, and a file of many batches that reads back whole.
@Suite struct BackgroundDeflaterTests {
    struct SinkFailure: Error {}

    /// `count` bytes that barely compress, so each batch yields compressed output of its own.
    static func noise(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    static func inflate(_ compressed: [UInt8], inflatedLength: Int) throws -> [UInt8] {
        var offset = 0
        let inflater = try Inflater(compressedLength: UInt64(compressed.count), inflatedLength: UInt64(inflatedLength)) { count in
            defer { offset = min(compressed.count, offset + count) }
            return Array(compressed[offset..<min(compressed.count, offset + count)])
        }
        return try inflater.read(inflatedLength)
    }

    @Test func manyBatchesInflateToTheirConcatenationInOrderAndMatchCompressingInLine() throws {
        let batches = (0..<12).map { Self.noise(40_000 + $0 * 997, seed: UInt64($0 + 1)) }
        let background = Locked<[UInt8]>([])
        let deflater = try Deflater(level: 2)
        let compressor = BackgroundDeflater(deflater) { compressed in background.mutate { $0.append(contentsOf: compressed) } }
        for (index, batch) in batches.enumerated() { try compressor.submit(batch, finish: index == batches.count - 1) }
        try compressor.waitUntilFinished()

        var inline: [UInt8] = []
        let reference = try Deflater(level: 2)
        for (index, batch) in batches.enumerated() {
            try reference.compress(batch, finish: index == batches.count - 1) { inline.append(contentsOf: $0) }
        }
        let all = batches.flatMap { $0 }
        #expect(background.value == inline)
        #expect(deflater.inflatedCount == UInt64(all.count) && deflater.compressedCount == UInt64(inline.count))
        #expect(try Self.inflate(background.value, inflatedLength: all.count) == all)
    }

    @Test func aFailingSinkStopsCompressionAndIsReportedToTheWriter() throws {
        let compressor = BackgroundDeflater(try Deflater(level: 2)) { _ in throw SinkFailure() }
        var failed = false
        do {
            // The first batch's output fails on the compressor thread; a later call reports it.
            for index in 0..<8 { try compressor.submit(Self.noise(300_000, seed: UInt64(index)), finish: false) }
            try compressor.submit([], finish: true)
            try compressor.waitUntilFinished()
        } catch is SinkFailure {
            failed = true
        }
        #expect(failed)
        #expect(throws: SinkFailure.self) { try compressor.waitUntilFinished() }
    }

    @Test func aFileOfManyCompressedBatchesReadsBackEveryRecord() throws {
        // Summaries of noise make the stream several of the writer's 64 KiB batches.
        let records = try ChangesetStreamCodecTests.chainedRecords(count: 400) { sequence in
            Self.noise(600, seed: UInt64(sequence)).map { String(format: "%02x", $0) }.joined()
        }
        let path = try ChangesetStreamCodecTests.write(records)
        let reader = try ChangesetFileReader(path: path)
        var read: [ChangeRecord] = []
        while let record = try reader.next() { read.append(record) }
        var expected = records
        for index in expected.indices.dropLast() { expected[index].chainSignature = nil }
        #expect(read == expected)
    }
}

/// A value shared with the compressor thread in a test.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func mutate(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
