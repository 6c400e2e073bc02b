/// String measures for matching names typed by people against names printed in OCR text.
///
/// Everything here works on *compact* keys: ``NameNormalizer`` output with every
/// character that is not a letter or digit removed, so "Workersand Membersof" and
/// "Workers and Members of" both become `workersandmembersof`.
public enum FuzzyMatch {
    /// `name` normalized, then reduced to its letters and digits.
    public static func compact(_ name: String) -> String {
        compact(normalized: normalize(name))
    }

    /// `name` normalized, as lowercase words of letters and digits joined by single spaces.
    public static func words(_ name: String) -> [String] {
        words(normalized: normalize(name))
    }

    /// ``NameNormalizer/normalize(_:)``, with a fast path giving the same result for ASCII
    /// names (lower case, whitespace collapsed) without Foundation's folding, which was most
    /// of the time `find` spent scoring candidates.
    static func normalize(_ name: String) -> String {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return NameNormalizer.normalize(name) }
        return name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// ``compact(_:)`` of text that is already normalized.
    static func compact(normalized: String) -> String {
        if normalized.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: normalized.utf8.filter { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }, as: UTF8.self)
        }
        return String(normalized.filter { $0.isLetter || $0.isNumber })
    }

    /// ``words(_:)`` of text that is already normalized.
    static func words(normalized: String) -> [String] {
        normalized.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// The fewest edits (insertions, deletions, substitutions, swaps of neighbours) that
    /// turn `needle` into some part of `haystack`: approximate substring search.
    /// `lewsi` is 1 from `mrlewis`; `thelrfamilies` is 1 from `oftheirfamilies`.
    public static func substringDistance(_ needle: String, in haystack: String) -> Int {
        let pattern = Array(needle.unicodeScalars), text = Array(haystack.unicodeScalars)
        if pattern.isEmpty { return 0 }
        if text.isEmpty { return pattern.count }
        // Rows over the pattern, columns over the text; row 0 is all zeros (a match may start anywhere).
        var beforePrevious = [Int](repeating: 0, count: text.count + 1)
        var previous = [Int](repeating: 0, count: text.count + 1)
        var current = [Int](repeating: 0, count: text.count + 1)
        for row in 1...pattern.count {
            current[0] = row
            for column in 1...text.count {
                let cost = pattern[row - 1] == text[column - 1] ? 0 : 1
                var best = min(previous[column - 1] + cost, previous[column] + 1, current[column - 1] + 1)
                if row > 1, column > 1, pattern[row - 1] == text[column - 2], pattern[row - 2] == text[column - 1] {
                    best = min(best, beforePrevious[column - 2] + 1)
                }
                current[column] = best
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous.min() ?? pattern.count
    }

    /// How many edits a key of this length may need and still count as a match.
    public static func allowedEdits(forLength length: Int) -> Int {
        switch length {
        case ..<4: return 0
        case ..<7: return 1
        case ..<12: return 2
        default: return length / 5
        }
    }

    /// Up to `count` trigrams from within the words of `key`, spread evenly from start to end.
    /// Trigrams never span a space, so they can be looked for in stored names as they are
    /// (stripping spaces in SQL on every row made the scan eight times slower).
    public static func sampleTrigrams(_ key: String, count: Int = 12) -> [String] {
        var all: [String] = []
        for word in words(key) {
            let characters = Array(word)
            guard characters.count >= 3 else { continue }
            all += (0...(characters.count - 3)).map { String(characters[$0..<($0 + 3)]) }
        }
        if all.count <= count { return Array(Set(all)).sorted() }
        let step = Double(all.count - 1) / Double(count - 1)
        return Array(Set((0..<count).map { all[Int((Double($0) * step).rounded())] })).sorted()
    }
}
