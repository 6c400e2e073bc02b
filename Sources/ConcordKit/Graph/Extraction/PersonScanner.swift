import Foundation

/// A hand-written scanner for ``PersonRecognizer``'s full-name expression (it runs on every
/// paragraph: no literal narrows it), finding what the expression finds on the text it
/// handles (see ``ScannedPattern``):
///
///     (?=\p{Lu}\p{Ll})(?<!\p{Lu}[\p{L}’'\-]{0,20}\s)(?<![\p{L}\-])
///     (\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s+((?:\p{Lu}\.\s)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}\p{Ll}+)?)(?![\p{L}\-])
///
/// Every repetition in it is followed by something its own class excludes, so only the
/// longest run can lead to a match; the one choice that matters is the optional third word,
/// dropped when the text after it is a letter or hyphen.
enum PersonScanner {
    private static let hyphen: UInt16 = 0x2D

    static func fullNames(_ text: ScanText) -> [PatternMatch] {
        EventScanners.leftmost(in: text) { text, start in
            guard let firstEnd = capitalWordEnd(text, at: start), isNameStart(text, start) else { return nil }
            let givenEnd = hyphenatedEnd(text, after: firstEnd)
            let second = text.spaceEnd(from: givenEnd)
            guard second > givenEnd else { return nil }
            let hasInitial = text.has(.upper, at: second) && text.unit(at: second + 1) == 0x2E && text.has(.space, at: second + 2)
            guard let surnameEnd = capitalWordEnd(text, at: hasInitial ? second + 3 : second) else { return nil }
            let nameEnd = hyphenatedEnd(text, after: surnameEnd)
            var end: Int?
            let third = text.spaceEnd(from: nameEnd)
            if third > nameEnd, let thirdEnd = capitalWordEnd(text, at: third), endsName(text, thirdEnd) {
                end = thirdEnd
            } else if endsName(text, nameEnd) {
                end = nameEnd
            }
            guard let end else { return nil }
            return PatternMatch([
                NSRange(location: start, length: end - start),
                NSRange(location: start, length: givenEnd - start),
                NSRange(location: second, length: end - second),
            ])
        }
    }

    /// The end of `\p{Lu}\p{Ll}+` at `offset`.
    private static func capitalWordEnd(_ text: ScanText, at offset: Int) -> Int? {
        guard text.has(.upper, at: offset), text.has(.lower, at: offset + 1) else { return nil }
        return text.runEnd(of: .lower, from: offset + 2)
    }

    /// The end of `(?:-\p{Lu}\p{Ll}+)?` after `end`.
    private static func hyphenatedEnd(_ text: ScanText, after end: Int) -> Int {
        guard text.unit(at: end) == hyphen, let wordEnd = capitalWordEnd(text, at: end + 1) else { return end }
        return wordEnd
    }

    /// `(?![\p{L}\-])` at `offset`.
    private static func endsName(_ text: ScanText, _ offset: Int) -> Bool {
        !text.has(.letter, at: offset) && text.unit(at: offset) != hyphen
    }

    /// The two lookbehinds: no letter or hyphen just before, and no capitalised word
    /// (`\p{Lu}[\p{L}’'\-]{0,20}`) and one space just before.
    private static func isNameStart(_ text: ScanText, _ start: Int) -> Bool {
        if text.has(.letter, at: start - 1) || text.unit(at: start - 1) == hyphen { return false }
        guard text.has(.space, at: start - 1) else { return true }
        var offset = start - 2
        while offset >= max(0, start - 22) {
            if text.has(.upper, at: offset) { return false }
            guard text.has(.letter, at: offset) || [0x2019, 0x27, hyphen].contains(text.units[offset]) else { return true }
            offset -= 1
        }
        return true
    }
}
