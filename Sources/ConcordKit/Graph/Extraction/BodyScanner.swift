import Foundation

/// Runs ``BodyRecognizer``'s named-body expression only where a match can start (it was
/// 11% of extraction, trying its 48 head words after every capital of a paragraph).
///
/// A match is capitalised words, each followed by spaces, then a head word ("Committee",
/// "Office"…), then an optional tail. So it starts at a capital no letter or hyphen precedes,
/// at or before a head word printed after a space (or at the head itself), with nothing but
/// letters, marks, digits, apostrophes, hyphens and spaces between: the only places the
/// expression is tried, each as the full search would try it there (anchored, seeing the
/// text around: transparent bounds), from left to right, the next try after a match's end.
enum BodyScanner {
    private static let hyphen: UInt16 = 0x2D

    /// The head words by their first unit.
    private static let headsByInitial: [UInt16: [[UInt16]]] = Dictionary(
        grouping: BodyRecognizer.heads.map { Array($0.utf16) }, by: { $0[0] })

    static func named(_ pattern: Pattern) -> @Sendable (ParagraphText, ScanText) -> [PatternMatch] {
        { paragraph, text in
            guard let expression = pattern.expression else { return [] }
            var found: [PatternMatch] = []
            var next = 0
            for start in starts(text) where start >= next {
                let range = NSRange(location: start, length: text.count - start)
                guard let match = expression.firstMatch(in: paragraph.text, options: [.anchored, .withTransparentBounds], range: range) else {
                    continue
                }
                found.append(PatternMatch(match))
                next = max(start + 1, match.range.location + match.range.length)
            }
            return found
        }
    }

    /// Every offset where a match can start, ascending.
    static func starts(_ text: ScanText) -> [Int] {
        var starts: [Int] = []
        var covered = 0  // offsets before it were looked at when walking back from an earlier head
        for head in 0..<text.count where printsHead(text, at: head) {
            guard text.has(.space, at: head - 1) else {
                if isStart(text, head) { starts.append(head) }
                continue
            }
            var first = head
            while first > 0, isInWords(text, first - 1) { first -= 1 }
            for offset in max(first, covered)...head where isStart(text, offset) { starts.append(offset) }
            covered = head + 1
        }
        return Array(Set(starts)).sorted()
    }

    private static func printsHead(_ text: ScanText, at offset: Int) -> Bool {
        let unit = text.units[offset]
        guard unit >= 0x41, unit <= 0x5A, let heads = headsByInitial[unit] else { return false }
        return heads.contains { head in
            offset + head.count <= text.count && text.units[offset..<(offset + head.count)].elementsEqual(head)
        }
    }

    /// `(?=\p{Lu})(?<![\p{L}\-])`.
    private static func isStart(_ text: ScanText, _ offset: Int) -> Bool {
        text.has(.upper, at: offset) && !text.has(.letter, at: offset - 1) && text.unit(at: offset - 1) != hyphen
    }

    /// Units a run of capitalised words and spaces is made of.
    private static func isInWords(_ text: ScanText, _ offset: Int) -> Bool {
        text.hasAny([.letter, .mark, .digit, .space], at: offset) || [0x2019, 0x27, hyphen].contains(text.units[offset])
    }
}
