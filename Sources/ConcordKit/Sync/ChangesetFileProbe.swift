import Foundation

/// Decodes a changeset file the way an import does before it applies anything, and
/// says what it held: the file reader's validating pass, and SQLite's changeset
/// parser over every record's changeset as the record is read.
///
/// It is the one code path shared by the changeset fuzzer (`Sources/ConcordFuzzChangeset`)
/// and its regression tests (`ChangesetDecoderFuzzRegressionTests`), so an input the
/// fuzzer found is replayed by the tests through exactly the same calls. Records are
/// parsed as they stream in, before the trailer's checksum is checked, so the changeset
/// parser is reached by inputs whose checksum does not match (a fuzzer cannot forge one).
/// In format 3 that includes inflating the compressed record stream and decoding its
/// varints and back-references, and recomputing chain hashes (a chain signature is checked
/// at a range's end, so mutated records reach the parser before it fails).
///
/// Whatever the bytes, it returns or throws a typed error (``ChangesetFileError`` or
/// ``SyncError``); a crash, a hang or an allocation out of proportion to the input
/// is a bug.
public enum ChangesetFileProbe {
    /// What a file that decoded to its end held.
    public struct Summary: Equatable, Sendable {
        /// The records the file held (the header's count, every one read and checked).
        public var recordCount: Int
        /// The row changes in all the records' changesets together.
        public var rowChangeCount: Int
        /// The SHA-256 the trailer holds (matched against the bytes read).
        public var checksum: [UInt8]

        public init(recordCount: Int, rowChangeCount: Int, checksum: [UInt8]) {
            self.recordCount = recordCount
            self.rowChangeCount = rowChangeCount
            self.checksum = checksum
        }
    }

    /// Decodes the file at `path`; throws the first typed error the reader or the changeset parser raises.
    public static func probe(path: String, displayName: String? = nil) throws -> Summary {
        var rowChanges = 0
        let (header, checksum) = try ChangesetFileReader.verify(path: path, displayName: displayName) { record in
            try ChangesetIterator.forEach(in: record.changeset) { change in
                rowChanges += 1
                // Read every value back, as `changeset show` does when it describes a change.
                _ = change.primaryKey
                for value in change.oldValues + change.newValues { _ = value?.description }
            }
        }
        return Summary(recordCount: header.recordCount, rowChangeCount: rowChanges, checksum: checksum)
    }

    /// Writes `bytes` to `scratchPath` (replacing what is there) and decodes that file.
    ///
    /// The reader only reads files, so an in-memory input goes through a scratch file;
    /// the fuzzer reuses one path on tmpfs for every input.
    public static func probe(bytes: Data, scratchPath: String) throws -> Summary {
        do {
            try bytes.write(to: URL(fileURLWithPath: scratchPath))
        } catch {
            throw ChangesetFileError.cannotWrite(file: scratchPath, reason: error.localizedDescription)
        }
        return try probe(path: scratchPath, displayName: "input")
    }
}
