import Crypto
import Foundation

/// How public keys are shown and typed: 64 lowercase hex digits for the raw 32-byte
/// Ed25519 key, and a short fingerprint to compare by eye.
///
/// The fingerprint is the first 16 hex digits of the SHA-256 of the raw key, in
/// groups of four: `3fa4 c1e2 9b0e 7701`. `concord key` prints both; `concord trust add`
/// takes the 64-digit form, `trust remove` either a name or a fingerprint.
public enum PublicKeyText {
    /// The key as 64 lowercase hex digits.
    public static func hex(_ publicKey: Data) -> String {
        ReplicaIDCoding.text(publicKey)
    }

    /// `3fa4 c1e2 9b0e 7701`: the first 8 bytes of SHA-256(key), hex, grouped by four digits.
    public static func fingerprint(_ publicKey: Data) -> String {
        let digits = ReplicaIDCoding.text(Array(SHA256.hash(data: publicKey)).prefix(8))
        return stride(from: 0, to: digits.count, by: 4).map { offset in
            let start = digits.index(digits.startIndex, offsetBy: offset)
            return String(digits[start..<digits.index(start, offsetBy: 4)])
        }.joined(separator: " ")
    }

    /// The 32 bytes of a key typed as 64 hex digits (any case, spaces and colons ignored), or `nil`.
    public static func parse(_ text: String) -> Data? {
        let digits = normalized(text)
        guard digits.count == 64, let bytes = bytes(digits),
              (try? Curve25519.Signing.PublicKey(rawRepresentation: bytes)) != nil else { return nil }
        return Data(bytes)
    }

    /// A fingerprint as typed (any case, with or without spaces) in the printed form, or `nil` if it is not 16 hex digits.
    public static func parseFingerprint(_ text: String) -> String? {
        let digits = normalized(text)
        guard digits.count == 16, bytes(digits) != nil else { return nil }
        return stride(from: 0, to: 16, by: 4).map { offset in
            String(Array(digits)[offset..<offset + 4])
        }.joined(separator: " ")
    }

    private static func normalized(_ text: String) -> String {
        text.lowercased().filter { $0 != " " && $0 != ":" }
    }

    private static func bytes(_ digits: String) -> [UInt8]? {
        let characters = Array(digits.utf8)
        guard characters.count % 2 == 0,
              characters.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        func nibble(_ digit: UInt8) -> UInt8 { digit <= 57 ? digit - 48 : digit - 87 }
        return stride(from: 0, to: characters.count, by: 2).map { (nibble(characters[$0]) << 4) | nibble(characters[$0 + 1]) }
    }
}
