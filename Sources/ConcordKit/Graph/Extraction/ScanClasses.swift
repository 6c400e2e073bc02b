import Foundation

/// The character classes of ``Pattern``'s regular expressions (`\p{L}`, `\p{Lu}`, `\s`, `\w`…)
/// for the characters hand-written scanners handle, read from ICU itself — the engine
/// `NSRegularExpression` runs — once, so a scanner classifies each character exactly as the
/// expression it stands in for does.
///
/// The scanners handle U+0001–U+024F (Latin) and the punctuation U+2010–U+2027 (dashes,
/// typographic quotes, bullets), less the characters on which ICU's matching is not a
/// per-character test: `ß`, `İ`, `ŉ`, `ǰ` (their full case folding is two characters, so a
/// case-insensitive "ss" can match `ß`), `ſ` (it folds to `s`) and the soft hyphen (a format
/// character, which `\b` skips). A paragraph with any other character is left to the expression.
enum ScanClasses {
    /// What ICU says of one character.
    struct Flags: OptionSet {
        let rawValue: UInt8
        static let letter = Flags(rawValue: 1)      // \p{L}
        static let upper = Flags(rawValue: 2)       // \p{Lu}
        static let lower = Flags(rawValue: 4)       // \p{Ll}
        static let mark = Flags(rawValue: 8)        // \p{M}
        static let space = Flags(rawValue: 16)      // \s
        static let word = Flags(rawValue: 32)       // \w, what \b tests
        static let digit = Flags(rawValue: 64)      // \d
        static let handled = Flags(rawValue: 128)   // in the scanners' range
    }

    private static let latinEnd: UInt16 = 0x250
    private static let punctuation: ClosedRange<UInt16> = 0x2010...0x2027
    private static let excluded: Set<UInt16> = [0x00, 0xAD, 0xDF, 0x130, 0x149, 0x17F, 0x1F0]

    /// Flags of U+0000–U+024F, then of U+2010–U+2027.
    static let table: [Flags] = {
        var units: [UInt16] = Array(0..<latinEnd) + Array(punctuation)
        var flags = [Flags](repeating: [], count: units.count)
        for (index, unit) in units.enumerated() where !excluded.contains(unit) { flags[index].insert(.handled) }
        units[0] = 0x20  // NUL is excluded; a space keeps the string's offsets
        let text = String(decoding: units, as: UTF16.self)
        let classes: [(String, Flags)] = [
            (#"\p{L}"#, .letter), (#"\p{Lu}"#, .upper), (#"\p{Ll}"#, .lower), (#"\p{M}"#, .mark),
            (#"\s"#, .space), (#"\w"#, .word), (#"\d"#, .digit),
        ]
        for (source, flag) in classes {
            guard let expression = try? NSRegularExpression(pattern: source) else { continue }
            for match in expression.matches(in: text, range: NSRange(location: 0, length: units.count)) {
                for offset in match.range.location..<(match.range.location + match.range.length) { flags[offset].insert(flag) }
            }
        }
        return flags.map { $0.contains(.handled) ? $0 : [] }
    }()

    /// The flags of `unit`; empty (not even `.handled`) outside the scanners' range.
    @inline(__always)
    static func flags(_ unit: UInt16) -> Flags {
        if unit < latinEnd { return table[Int(unit)] }
        if punctuation.contains(unit) { return table[Int(latinEnd) + Int(unit - punctuation.lowerBound)] }
        return []
    }

    /// Whether every unit of `units` is one the scanners handle.
    static func handlesAll(_ units: [UInt16]) -> Bool {
        units.allSatisfy { flags($0).contains(.handled) }
    }
}
