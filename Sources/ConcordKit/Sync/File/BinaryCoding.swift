import Foundation

/// Appends big-endian integers, replica ids and length-prefixed strings to a byte buffer.
struct BinaryEncoder {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func append(_ raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }

    /// Empties the buffer, keeping its capacity for the next use.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends 16 bytes; callers validate the id first (an invalid one is written as zeros).
    mutating func appendReplica(_ replicaID: String) {
        bytes.append(contentsOf: ReplicaIDCoding.bytes(replicaID) ?? Array(repeating: 0, count: 16))
    }

    mutating func appendString<Length: FixedWidthInteger>(_ text: String, lengthType: Length.Type) {
        let utf8 = Array(text.utf8)
        append(Length(truncatingIfNeeded: utf8.count))
        bytes.append(contentsOf: utf8)
    }
}

/// Reads what ``BinaryEncoder`` wrote, checking every length against what is left.
struct BinaryDecoder {
    /// Why bytes could not be decoded; the file reader turns it into a sentence naming the file.
    struct Failure: Error { var reason: String }

    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    mutating func raw(_ count: Int, _ what: String) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= remaining else {
            throw Failure(reason: "\(what) runs past the end of its record")
        }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func integer<T: FixedWidthInteger>(_ type: T.Type, _ what: String) throws -> T {
        let slice = try raw(MemoryLayout<T>.size, what)
        return slice.reduce(T.zero) { ($0 << 8) | T($1) }
    }

    mutating func replica(_ what: String) throws -> String {
        ReplicaIDCoding.text(try raw(16, what))
    }

    /// A non-negative count or sequence stored as UInt64, as Int64.
    mutating func counter(_ what: String) throws -> Int64 {
        let value = try integer(UInt64.self, what)
        guard value <= UInt64(Int64.max) else { throw Failure(reason: "\(what) is out of range (\(value))") }
        return Int64(value)
    }

    mutating func string<Length: FixedWidthInteger>(_ lengthType: Length.Type, limit: Int, _ what: String) throws -> String {
        let length = Int(try integer(Length.self, what + " length"))
        guard length <= limit else { throw Failure(reason: "\(what) is \(length) bytes long; at most \(limit) is allowed") }
        let slice = try raw(length, what)
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw Failure(reason: "\(what) is not valid UTF-8")
        }
        return text
    }
}

/// Variable-length integers (format 3): LEB128, 7 bits a byte, least significant first; signed values zigzag-encoded.
extension BinaryEncoder {
    mutating func appendVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        append(UInt8(value))
    }

    mutating func appendSignedVarint(_ value: Int64) {
        appendVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// A varint byte length, then the UTF-8 bytes.
    mutating func appendVarintString(_ text: String) {
        appendVarint(UInt64(text.utf8.count))
        append(text.utf8)
    }
}

extension BinaryDecoder {
    /// A LEB128 varint of at most 10 bytes that fits 64 bits.
    mutating func varint(_ what: String) throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try integer(UInt8.self, what)
            guard shift < 63 || (shift == 63 && byte <= 1) else { throw Failure(reason: "\(what) is not a valid number") }
            value |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    mutating func signedVarint(_ what: String) throws -> Int64 {
        let raw = try varint(what)
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func varintString(limit: Int, _ what: String) throws -> String {
        let length = try varint(what + " length")
        guard length <= UInt64(limit) else { throw Failure(reason: "\(what) is \(length) bytes long; at most \(limit) is allowed") }
        let slice = try raw(Int(length), what)
        guard let text = String(validating: slice, as: UTF8.self) else { throw Failure(reason: "\(what) is not valid UTF-8") }
        return text
    }
}
