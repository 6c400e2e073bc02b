import Foundation

/// Turns a name into its lookup key: case-folded, accents removed, typographic
/// quotes made plain, whitespace collapsed. "Ms. Landázuri  de Mora" and
/// "ms. landazuri de mora" have the same key.
public enum NameNormalizer {
    public static func normalize(_ name: String) -> String {
        let folded = name
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
