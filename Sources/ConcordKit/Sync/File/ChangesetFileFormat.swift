import Foundation

/// The constants of the changeset file format, version 1 (specified in `sync/FORMAT.md`).
///
/// A file is a fixed 64-byte header, a table of the (replica, sequence range) pairs
/// it holds, the origin's version vector, length-prefixed records, and a trailer
/// with a SHA-256 of everything before it. All integers are big-endian.
public enum ChangesetFileFormat {
    /// `\x89CONCORD\r\n\x1a\n`: the high byte catches 7-bit transfers, CR LF and ^Z catch text-mode copies.
    public static let magic: [UInt8] = [0x89, 0x43, 0x4F, 0x4E, 0x43, 0x4F, 0x52, 0x44, 0x0D, 0x0A, 0x1A, 0x0A]
    /// `\x89END\r\n\x1a\n`: starts the trailer, after the last record.
    public static let endMagic: [UInt8] = [0x89, 0x45, 0x4E, 0x44, 0x0D, 0x0A, 0x1A, 0x0A]
    /// The format version this code writes; it reads every version up to this one.
    public static let formatVersion: UInt16 = 1
    /// The layout of the synced tables the records' changesets are made against.
    ///
    /// Version 1 is the synced tables of `StoreSchema` v1. Bump it when a migration
    /// changes a synced table's columns, and teach the reader to map older versions.
    public static let schemaVersion: UInt32 = 1
    /// The size of the fixed header, in bytes.
    public static let headerSize = 64
    /// The size of the trailer: end magic and SHA-256.
    public static let trailerSize = 8 + 32
    /// The file name extension of changeset files.
    public static let fileExtension = "concord"

    /// Upper bounds a valid file never exceeds; anything larger is damage, not data.
    enum Limit {
        static let recordBytes = 1 << 30
        static let tableEntries = 1 << 20
        static let authorBytes = 4096
        static let summaryBytes = 1 << 20
        static let dependencies = 1 << 16
        static let baselineBytes = 1024
    }
}

/// Converts replica ids between their text form (32 lowercase hex digits) and the 16 bytes stored in files.
public enum ReplicaIDCoding {
    /// `true` for 32 lowercase hexadecimal digits.
    public static func isValid(_ replicaID: String) -> Bool {
        replicaID.utf8.count == 32 && replicaID.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    static func bytes(_ replicaID: String) -> [UInt8]? {
        guard isValid(replicaID) else { return nil }
        let digits = Array(replicaID.utf8)
        return stride(from: 0, to: 32, by: 2).map { index in
            (nibble(digits[index]) << 4) | nibble(digits[index + 1])
        }
    }

    static func text(_ bytes: some Collection<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    private static func nibble(_ digit: UInt8) -> UInt8 { digit <= 57 ? digit - 48 : digit - 87 }
}
