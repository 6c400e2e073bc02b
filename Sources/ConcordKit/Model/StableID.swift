import Crypto
import Foundation

/// Content-derived identifiers: the same inputs give the same id on every machine.
public enum StableID {
    /// The first 16 hex digits of the SHA-256 of `parts` joined by a unit separator.
    public static func hex(_ parts: [String], length: Int = 16) -> String {
        let joined = parts.joined(separator: "\u{1F}")
        return String(sha256Hex(Data(joined.utf8)).prefix(length))
    }

    /// The full lowercase hex SHA-256 of `data`.
    public static func sha256Hex(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The id of an extracted entity: `<kind>:` and 16 hex digits of its kind and normalized name.
    public static func entity(kind: EntityKind, canonicalName: String) -> String {
        kind.rawValue + ":" + hex([kind.rawValue, NameNormalizer.normalize(canonicalName)])
    }

    /// A random id for something made by hand (`add`, notes): `<prefix>:` and 16 random hex digits.
    public static func random(prefix: String) -> String {
        let uuid = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return prefix + ":" + uuid.prefix(16)
    }
}
