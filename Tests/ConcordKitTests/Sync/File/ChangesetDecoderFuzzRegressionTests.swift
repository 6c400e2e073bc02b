import Foundation
import Testing
@testable import ConcordKit

/// Replays the changeset fuzzer's seed corpus and every crash reproducer it found
/// (`Tests/FuzzCorpus/changeset/` and its `regressions/`) through ``ChangesetFileProbe``,
/// the code path the fuzz target runs (see `Tests/FuzzCorpus/README.md`).
///
/// A valid file must decode to the records it holds; anything else must be refused
/// with a typed error whose one-line message names the file. A crash here is a
/// regression of a bug the fuzzer once found.
@Suite struct ChangesetDecoderFuzzRegressionTests {
    static let corpus = TestKnowledgeBase.repositoryRoot + "/Tests/FuzzCorpus/changeset"

    /// The corpus files that are valid, with the records and row changes they hold.
    static let valid: [String: (records: Int, rowChanges: Int)] = [
        "01-ana-adds.concord": (4, 5),
        "02-bo-edits.concord": (2, 2),
        "03-ana-concurrent.concord": (1, 1),
        "v2-01-ana-adds.concord": (4, 5),
        "v2-02-bo-edits.concord": (2, 2),
        "v2-03-ana-concurrent.concord": (1, 1),
        "valid-zero-records.concord": (0, 0),
        "valid-one-record.concord": (1, 1),
        "valid-two-replicas.concord": (2, 2),
    ]

    /// What each format 3 edge case must be refused for (a part of its one-line message).
    static let streamRefusals: [String: String] = [
        "edge-v3-truncated-stream.concord": "truncated",
        "edge-v3-corrupt-stream.concord": "the compressed record stream is corrupt",
        "edge-v3-inflates-past-declared.concord": "inflates to more bytes than its header declares",
        "edge-v3-inflates-short-of-declared.concord": "does not end after record 2 of 2 as its header declares",
        "edge-v3-inflation-ratio.concord": "more than deflate can hold",
        "edge-v3-unknown-proof-kind.concord": "unknown proof kind 7",
        "edge-v3-range-index-past-end.concord": "record 1 names range 6 of",
        "edge-v3-record-length-past-stream.concord": "claims an impossible length",
        "edge-v3-garbage-after-stream.concord": "does not end after record 2 of 2",
    ]

    @Test(arguments: streamRefusals.keys.sorted())
    func formatThreeEdgeCaseIsRefusedForItsOwnProblem(name: String) {
        let error = #expect(throws: ChangesetFileError.self) { try ChangesetFileProbe.probe(path: Self.corpus + "/" + name, displayName: name) }
        let message = error?.localizedDescription ?? ""
        #expect(message.hasPrefix(name + ": ") && message.contains(Self.streamRefusals[name] ?? "?"), "\(message)")
    }

    static func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".concord") || $0.hasPrefix("crash-") || $0.hasPrefix("timeout-") || $0.hasPrefix("oom-") }
            .sorted()
    }

    static var seedFiles: [String] { files(in: corpus) }
    static var reproducers: [String] { files(in: corpus + "/regressions") }

    @Test func theCorpusHoldsTheSamplesAndTheEdgeCases() {
        #expect(Self.seedFiles.count >= Self.valid.count + 10)
        for name in Self.valid.keys { #expect(Self.seedFiles.contains(name), "\(name) is missing from the corpus") }
    }

    @Test(arguments: seedFiles)
    func seedFileDecodesOrIsRefusedWithATypedError(name: String) throws {
        let path = Self.corpus + "/" + name
        if let expected = Self.valid[name] {
            let summary = try ChangesetFileProbe.probe(path: path, displayName: name)
            #expect(summary.recordCount == expected.records)
            #expect(summary.rowChangeCount == expected.rowChanges)
            #expect(summary.checksum.count == 32)
        } else {
            expectTypedRefusal(of: path, name: name)
        }
    }

    @Test(arguments: reproducers)
    func reproducerIsRefusedWithATypedError(name: String) {
        expectTypedRefusal(of: Self.corpus + "/regressions/" + name, name: name)
    }

    /// The changesets inside the timeout reproducers made SQLite's iterator loop forever;
    /// they are refused before SQLite sees them, while well-formed ones still read.
    @Test(arguments: [[0x54, 0x01, 0x01, 0x78], [0x54, 0x7F, 0x01], [0x54, 0x01, 0x01, 0x74, 0x00, 0x12, 0x00, 0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]])
    func damagedChangesetIsRefusedBeforeSQLiteReadsIt(bytes: [UInt8]) {
        #expect(throws: SyncError.malformedChangeset(code: 11)) { try ChangesetIterator.changes(in: Data(bytes)) }
    }

    @Test func wellFormedChangesetStillReads() throws {
        var encoder = ChangesetEncoder()
        encoder.append(ChangesetChange(
            table: "t", operation: .update, primaryKeyColumns: [true, false, false],
            oldValues: [.integer(1), .text("old"), nil], newValues: [nil, .text("new é"), nil]))
        encoder.append(ChangesetChange(
            table: "t", operation: .insert, primaryKeyColumns: [true, false, false],
            oldValues: [nil, nil, nil], newValues: [.integer(2), .blob(Data([0, 1, 2])), .real(1.5)]))
        let changes = try ChangesetIterator.changes(in: encoder.changeset)
        #expect(changes.map(\.operation) == [.update, .insert])
        #expect(changes.first?.newValues[1] == .text("new é"))
        #expect(changes.last?.newValues[2] == .real(1.5))
    }

    /// The in-memory entry point the fuzzer calls writes the bytes and reads them back unchanged.
    @Test func bytesGoThroughTheScratchFileUnchanged() throws {
        let sample = try Data(contentsOf: URL(fileURLWithPath: Self.corpus + "/02-bo-edits.concord"))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString).concord").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        #expect(try ChangesetFileProbe.probe(bytes: sample, scratchPath: scratch).recordCount == 2)
        #expect(throws: ChangesetFileError.self) { try ChangesetFileProbe.probe(bytes: sample.dropLast(), scratchPath: scratch) }
    }

    private func expectTypedRefusal(of path: String, name: String) {
        do {
            let summary = try ChangesetFileProbe.probe(path: path, displayName: name)
            Issue.record("\(name) decoded (\(summary.recordCount) records) but is not listed as valid")
        } catch let error as ChangesetFileError {
            let message = error.localizedDescription
            #expect(message.hasPrefix(name + ": "), "\(message)")
            #expect(!message.contains("\n"))
        } catch let error as SyncError {
            #expect(!error.localizedDescription.isEmpty)
            #expect(!error.localizedDescription.contains("\n"))
        } catch {
            Issue.record("\(name) was refused with an untyped error: \(error)")
        }
    }
}
