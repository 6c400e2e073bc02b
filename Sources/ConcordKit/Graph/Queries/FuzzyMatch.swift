/// String measures for matching names typed by people against names printed in OCR text.
///
/// Everything here works on *compact* keys: ``NameNormalizer`` output with every
/// character that is not a letter or digit removed, so "Workersand Membersof" and
/// "Workers and Members of" both become `workersandmembersof`.
public enum FuzzyMatch {
    /// `name` normalized, then reduced to its letters and digits.
    public static func compact(_ name: String) -> String {
        compact(normalized: NameNormalizer.normalize(name))
    }

    /// `name` normalized, as lowercase words of letters and digits joined by single spaces.
    public static func words(_ name: String) -> [String] {
        words(normalized: NameNormalizer.normalize(name))
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
        if normalized.utf8.allSatisfy({ $0 < 0x80 }) {
            return normalized.utf8.split(whereSeparator: { !isASCIILetterOrDigit($0) }).map { String(decoding: $0, as: UTF8.self) }
        }
        return normalized.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// `" word word"`: the words of normalized text, each after one space, to look for a run of
    /// words at word starts with ``wordLine(_:contains:)``.
    static func wordLine(normalized: String) -> String {
        " " + words(normalized: normalized).joined(separator: " ")
    }

    /// Whether `line` holds `part`; compares bytes (``LiteralSearch``) when both are ASCII (the
    /// same answer as `String.contains`, without its Unicode machinery).
    static func wordLine(_ line: String, contains part: String) -> Bool {
        guard line.utf8.allSatisfy({ $0 < 0x80 }), part.utf8.allSatisfy({ $0 < 0x80 }) else { return line.contains(part) }
        return !part.isEmpty && LiteralSearch.contains(part, in: line)
    }

    /// A letter or digit in ASCII: what `Character.isLetter || isNumber` says of an ASCII byte.
    @inline(__always)
    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
    }

    /// The fewest edits (insertions, deletions, substitutions, swaps of neighbours) that
    /// turn `needle` into some part of `haystack`: approximate substring search.
    /// `lewsi` is 1 from `mrlewis`; `thelrfamilies` is 1 from `oftheirfamilies`.
    public static func substringDistance(_ needle: String, in haystack: String) -> Int {
        substringDistance(needle, in: haystack, atMost: Int.max)
    }

    /// ``substringDistance(_:in:)`` when it is at most `bound`, else some number above `bound`:
    /// stops at the first row of the table whose every entry is above `bound` (no later row
    /// has a smaller one), which is where most names that do not match are given up.
    static func substringDistance(_ needle: String, in haystack: String, atMost bound: Int) -> Int {
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
            if bound < pattern.count, current.min() ?? 0 > bound { return bound + 1 }
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
