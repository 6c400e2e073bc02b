import Foundation

/// One paragraph prepared for the recognisers: its text as UTF-16 (what
/// `NSRegularExpression` searches), its sentences, and the map from UTF-16
/// offsets to the Unicode code-point offsets that mentions store.
struct ParagraphText {
    /// Position in ``ParsedDocument/paragraphs`` (0-based).
    let index: Int
    let ordinal: Int
    let kind: Paragraph.Kind
    let text: String
    let string: NSString
    /// Sentence start offsets (UTF-16), ascending; the first is 0.
    let sentenceStarts: [Int]
    /// The text lowercased, as a C string, for quick literal checks before a regex runs.
    private let lowercasedBytes: [CChar]
    /// `codePoints[u]` = code points before UTF-16 offset `u`; `nil` when they are the same.
    private let codePoints: [Int]?
    /// The text for hand-written scanners (``ScannedPattern``), `nil` when it holds a character they do not handle.
    let scanText: ScanText?
    /// For text mended by ``TextRepair``: each UTF-16 offset's offset in the stored paragraph text.
    private let storedOffsets: [Int]?

    /// The paragraph's text as the recognisers read it: `paragraph.text` mended by ``TextRepair``.
    init(_ paragraph: ParsedParagraph, index: Int) {
        self.index = index
        ordinal = paragraph.ordinal
        kind = paragraph.kind
        var utf16 = Array(paragraph.text.utf16)
        var source = paragraph.text
        if let repaired = TextRepair.repair(utf16) {
            utf16 = repaired.units
            source = String(decoding: utf16, as: UTF16.self)
            storedOffsets = repaired.origins
        } else {
            storedOffsets = nil
        }
        text = source
        string = source as NSString
        if utf16.count == source.unicodeScalars.count {
            codePoints = nil
        } else {
            var map = [Int](repeating: 0, count: utf16.count + 1)
            var count = 0
            for (offset, unit) in utf16.enumerated() {
                map[offset] = count
                if !UTF16.isLeadSurrogate(unit) { count += 1 }
            }
            map[utf16.count] = count
            codePoints = map
        }
        sentenceStarts = Self.sentenceStarts(utf16)
        let handled = ScanClasses.handlesAll(utf16)
        scanText = handled ? ScanText(units: utf16) : nil
        // The literals looked for are ASCII, and lowercasing a handled character that is not
        // ASCII never gives ASCII: lowering A–Z alone finds them in the same places, far cheaper.
        lowercasedBytes = handled ? Self.asciiLowered(source) : Array(source.lowercased().utf8CString)
    }

    /// The UTF-16 offset in the stored paragraph text of offset `utf16Offset` of ``text``.
    func storedOffset(_ utf16Offset: Int) -> Int { storedOffsets?[utf16Offset] ?? utf16Offset }

    /// Whether the lowercased text contains `literal` (lowercase).
    func contains(_ literal: String) -> Bool {
        lowercasedBytes.withUnsafeBufferPointer { text in
            guard let base = text.baseAddress else { return false }
            return literal.withCString { needle in strstr(base, needle) != nil }
        }
    }

    /// How often each of `literals` (lowercase ASCII) is printed in the paragraph, ignoring case:
    /// places found left to right without overlapping, the first literal listed winning at
    /// each place — what a case-insensitive regex alternation of the literals finds.
    func occurrences(of literals: [String]) -> [String: Int] {
        let needles = literals.map { Array($0.utf8).map(CChar.init(bitPattern:)) }
        var counts: [String: Int] = [:]
        lowercasedBytes.withUnsafeBufferPointer { text in
            let end = text.count - 1  // the C string's terminating NUL
            var position = 0
            scan: while position < end {
                for (index, needle) in needles.enumerated()
                where needle.count <= end - position && needle.first == text[position] {
                    if (1..<needle.count).allSatisfy({ text[position + $0] == needle[$0] }) {
                        counts[literals[index], default: 0] += 1
                        position += needle.count
                        continue scan
                    }
                }
                position += 1
            }
        }
        return counts
    }

    var length: Int { string.length }

    /// `text` as a C string with A–Z lowered (see ``LiteralSearch/asciiLowercased(_:)``).
    static func asciiLowered(_ text: String) -> [CChar] {
        var bytes = Array(text.utf8CString)
        for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] |= 0x20 }
        return bytes
    }

    /// The text in `range` (UTF-16).
    func substring(_ range: NSRange) -> String { string.substring(with: range) }

    /// The code-point offset of UTF-16 offset `utf16Offset`.
    func codePointOffset(_ utf16Offset: Int) -> Int { codePoints?[utf16Offset] ?? utf16Offset }

    /// The range of the sentence holding `location`.
    func sentence(containing location: Int) -> NSRange {
        var low = 0, high = sentenceStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if sentenceStarts[middle] <= location { low = middle } else { high = middle - 1 }
        }
        let start = sentenceStarts[low]
        let end = low + 1 < sentenceStarts.count ? sentenceStarts[low + 1] : length
        return NSRange(location: start, length: end - start)
    }

    /// Sentence starts: after `.`, `;`, `?` or `!` and spaces, before a capital,
    /// unless the full stop ends an abbreviation (Mr., No., v., e.g.).
    private static func sentenceStarts(_ units: [UInt16]) -> [Int] {
        var starts = [0]
        let space: UInt16 = 0x20, period: UInt16 = 0x2E
        var index = 0
        while index < units.count {
            let unit = units[index]
            if unit == period || unit == 0x3B || unit == 0x3F || unit == 0x21 {
                var next = index + 1
                while next < units.count, units[next] == space || units[next] == 0x09 { next += 1 }
                if next > index + 1, next < units.count, isCapital(units[next]),
                   !(unit == period && endsAbbreviation(units, at: index)) {
                    starts.append(next)
                }
                index = next
            } else {
                index += 1
            }
        }
        return starts
    }

    private static func isCapital(_ unit: UInt16) -> Bool {
        (0x41...0x5A).contains(unit) || (0xC0...0xDE).contains(unit) || unit == 0x201C || unit == 0x22
    }

    private static let abbreviations: Set<String> = [
        "mr", "ms", "mrs", "dr", "no", "nos", "v", "vs", "e.g", "i.e", "para", "paras", "art", "sect",
        "st", "mme", "prof", "h.e", "gen", "rev", "op", "cit", "al", "jr", "sr", "inc", "co",
    ]

    private static func endsAbbreviation(_ units: [UInt16], at period: Int) -> Bool {
        var start = period
        while start > 0, units[start - 1] != 0x20, units[start - 1] != 0x28 { start -= 1 }
        let word = String(decoding: units[start..<period], as: UTF16.self).lowercased()
        if abbreviations.contains(word) { return true }
        // A single capital letter is an initial ("J. Smith").
        return word.count == 1 && word.first?.isLetter == true
    }
}
