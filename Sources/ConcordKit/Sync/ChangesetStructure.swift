import Foundation

/// Checks that bytes have the shape of an SQLite changeset or patchset before SQLite's
/// own iterator reads them: every table header complete, its name NUL-terminated, every
/// change's operation known and its values inside the buffer.
///
/// SQLite trusts changesets more than a file from elsewhere deserves. Its iterator
/// (3.40.1, as shipped by Debian 12) loops forever on a table header whose name has
/// no terminating NUL before the end of the buffer, or whose column count runs past it
/// (`sessionChangesetBufferTblhdr` waits for more input that a non-streaming iterator
/// never gets), and its varint reader may read a few bytes past the end. The changeset
/// fuzzer found the first (`Tests/FuzzCorpus/changeset/regressions/`), so every
/// changeset goes through this walk first. It accepts everything `sqlite3session_changeset`
/// and ``ChangesetEncoder`` write.
///
/// Format: the "changeset format" comment in `sqlite3session.h`,
/// https://www.sqlite.org/session/changeset_start.html
enum ChangesetStructure {
    /// The most columns SQLite allows in a table (its own check uses 65536 too).
    static let maximumColumns = 65_536

    /// `true` when `bytes` can be walked to its end as table headers and changes.
    static func isWellFormed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var reader = Reader(bytes: bytes)
        var columns: [Bool]?  // the current table's primary-key flags
        var isPatchset = false
        while !reader.isAtEnd {
            guard let marker = reader.byte() else { return false }
            switch marker {
            case UInt8(ascii: "T"), UInt8(ascii: "P"):
                guard let flags = reader.tableHeader() else { return false }
                columns = flags
                isPatchset = marker == UInt8(ascii: "P")
            case 18, 9, 23:  // SQLITE_INSERT, SQLITE_DELETE, SQLITE_UPDATE
                guard let flags = columns, reader.byte() != nil,
                      reader.change(operation: marker, primaryKey: flags, isPatchset: isPatchset) else { return false }
            default:
                return false
            }
        }
        return true
    }

    /// Reads a changeset's parts, refusing anything that runs past the end.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        var isAtEnd: Bool { offset >= bytes.count }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        /// SQLite's varint: big-endian groups of 7 bits, the high bit set on all but the last (at most 9 bytes).
        mutating func varint() -> Int? {
            var value = 0
            for index in 0..<9 {
                guard let next = byte() else { return nil }
                if index == 8 { return nil }  // 9-byte varints hold more than any length here
                value = (value << 7) | Int(next & 0x7F)
                if next & 0x80 == 0 { return value }
                if value > Int(Int32.max) { return nil }
            }
            return nil
        }

        mutating func skip(_ count: Int) -> Bool {
            guard count >= 0, count <= bytes.count - offset else { return false }
            offset += count
            return true
        }

        /// Column count, primary-key flags and NUL-terminated name; returns the flags.
        mutating func tableHeader() -> [Bool]? {
            guard let count = varint(), count > 0, count <= ChangesetStructure.maximumColumns,
                  count <= bytes.count - offset else { return nil }
            let flags = (0..<count).map { bytes[offset + $0] != 0 }
            offset += count
            while let next = byte() {
                if next == 0 { return flags }
            }
            return nil
        }

        /// One change's records after its operation and indirect bytes.
        mutating func change(operation: UInt8, primaryKey: [Bool], isPatchset: Bool) -> Bool {
            switch (operation, isPatchset) {
            case (18, _): return record(columns: primaryKey.count)
            case (9, false): return record(columns: primaryKey.count)
            case (9, true): return record(columns: primaryKey.filter { $0 }.count)
            case (23, false): return record(columns: primaryKey.count) && record(columns: primaryKey.count)
            default: return record(columns: primaryKey.count)  // a patchset's UPDATE: one record
            }
        }

        /// `columns` values: a type byte, then 8 bytes (integer, real) or a length and bytes (text, blob).
        mutating func record(columns: Int) -> Bool {
            for _ in 0..<columns {
                switch byte() {
                case 0, 5: continue  // undefined (unchanged), NULL
                case 1, 2: guard skip(8) else { return false }
                case 3, 4: guard let length = varint(), skip(length) else { return false }
                default: return false
                }
            }
            return true
        }
    }
}
