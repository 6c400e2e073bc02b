import Foundation

/// The constants of the changeset file format, version 2 (specified in `sync/FORMAT.md`).
///
/// A file is a fixed 64-byte header, a table of the (replica, sequence range) pairs
/// it holds, the origin's version vector, its baseline, a table of the replicas' public
/// keys (v2), length-prefixed records each signed by its origin (v2), and a trailer with
/// the writer's signature (v2) and a SHA-256 of everything before it. All integers are
/// big-endian. Version 1 (no keys, no signatures) is still read.
public enum ChangesetFileFormat {
    /// `\x89CONCORD\r\n\x1a\n`: the high byte catches 7-bit transfers, CR LF and ^Z catch text-mode copies.
    public static let magic: [UInt8] = [0x89, 0x43, 0x4F, 0x4E, 0x43, 0x4F, 0x52, 0x44, 0x0D, 0x0A, 0x1A, 0x0A]
    /// `\x89END\r\n\x1a\n`: starts the trailer, after the last record.
    public static let endMagic: [UInt8] = [0x89, 0x45, 0x4E, 0x44, 0x0D, 0x0A, 0x1A, 0x0A]
    /// The format version this code writes; it reads every version up to this one.
    public static let formatVersion: UInt16 = 3
    /// The first format version whose records and files are signed.
    public static let firstSignedVersion: UInt16 = 2
    /// The first format version with range proofs and one compressed record stream (see ``RangeProof``).
    public static let firstStreamedVersion: UInt16 = 3
    /// The size of one range table entry: replica, first, last; from format 3 also the proof (kind, chain hash, signature).
    static func rangeEntrySize(formatVersion: UInt16) -> Int {
        formatVersion >= firstStreamedVersion ? 32 + 1 + ChangeChain.hashSize + ChangeSignature.size : 32
    }
    /// Format 3: the stream lengths after the key table, inflated(8) and compressed(8).
    static let streamInfoSize = 16
    /// Format 3: the zlib level the writer compresses the record stream with (chosen by measurement; sync/FORMAT.md).
    static let compressionLevel: Int32 = 2
    /// Format 3: a deflate stream never inflates more than 1032 times its size; more is damage.
    static let maximumInflationRatio: UInt64 = 1032
    /// Format 3: the author table holds at most this many names; later new names are written in full each time.
    static let authorTableSize = 1024
    /// The layout of the synced tables the records' changesets are made against.
    ///
    /// Version 1 is the synced tables of `StoreSchema` v1. Bump it when a migration
    /// changes a synced table's columns, and teach the reader to map older versions.
    public static let schemaVersion: UInt32 = 1
    /// The size of the fixed header, in bytes.
    public static let headerSize = 64
    /// The size of the smallest trailer (v1): end magic and SHA-256. A v2 trailer also holds the writer's signature.
    public static let trailerSize = 8 + 32
    /// The size of the trailer of a file in `formatVersion`: end magic, writer's signature (v2 on), SHA-256.
    public static func trailerSize(formatVersion: UInt16) -> Int {
        trailerSize + (formatVersion >= firstSignedVersion ? ChangeSignature.size : 0)
    }
    /// The size of one key table entry (v2): replica id and raw Ed25519 public key.
    static let keyEntrySize = 16 + 32
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
        static let keys = Int(UInt16.max)
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
        // Not String(format:), which cost more than the rest of decoding a record.
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func nibble(_ digit: UInt8) -> UInt8 { digit <= 57 ? digit - 48 : digit - 87 }
}
