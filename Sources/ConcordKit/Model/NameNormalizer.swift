import Foundation

/// Turns a name into its lookup key: case-folded, accents removed, typographic
/// quotes made plain, whitespace collapsed. "Ms. Landázuri  de Mora" and
/// "ms. landazuri de mora" have the same key.
public enum NameNormalizer {
    public static func normalize(_ name: String) -> String {
        asciiKey(name) ?? foundationKey(name)
    }

    /// The key as Foundation folds it: what ``asciiKey(_:)`` must agree with.
    static func foundationKey(_ name: String) -> String {
        let folded = name
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The key of a name made of ASCII and typographic single quotes, worked out on bytes;
    /// `nil` for any other name. Foundation's folding (and the two replacements before it)
    /// copied every name to UTF-16 and back: ≈ 9% of extraction, where every alias and
    /// entity id is keyed. For ASCII the folding only lowers A–Z, and ASCII whitespace
    /// (what `Character.isWhitespace` accepts below U+0080) is U+0009–U+000D and the space.
    static func asciiKey(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            var key = [UInt8]()
            key.reserveCapacity(bytes.count)
            var spaceDue = false
            var index = 0
            while index < bytes.count {
                var byte = bytes[index]
                index += 1
                if byte >= 0x80 {
                    // ‘ (E2 80 98) and ’ (E2 80 99) become '; anything else takes Foundation's path.
                    guard byte == 0xE2, index + 1 < bytes.count, bytes[index] == 0x80,
                          bytes[index + 1] == 0x98 || bytes[index + 1] == 0x99 else { return nil }
                    index += 2
                    byte = 0x27
                }
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    spaceDue = !key.isEmpty
                    continue
                }
                if spaceDue { key.append(0x20) }
                spaceDue = false
                key.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            }
            return String(decoding: key, as: UTF8.self)
        }
    }
}
