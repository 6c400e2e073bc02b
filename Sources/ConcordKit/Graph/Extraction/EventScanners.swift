import Foundation

/// Hand-written scanners for ``EventRecognizer``'s two hottest expressions (the described
/// meeting and the numbered session), finding what the expressions find on the text they
/// handle (see ``ScannedPattern``).
///
/// Both expressions are alternations of literals no one of which starts another
/// (tests check it), so at any offset at most one alternative can match, and a greedy
/// repetition of words that each end in spaces gives back a whole word at a time.
enum EventScanners {
    /// Words before a described event ("informal", "joint", "in-depth"…), in the expression's order.
    static let adjectives = [
        "informal", "formal", "public", "private", "closed", "joint", "annual", "additional", "online", "virtual",
        "interactive", "constructive", "in-depth", "high-level", "follow-up", "brainstorming", "plenary", "regional",
        "bilateral", "thematic", "intersessional", "round-table", "panel", "general", "special", "expert", "technical",
        "international", "multi-stakeholder", "global", "subregional",
    ]
    /// What a described event is ("meeting", "dialogue"…).
    static let nouns = [
        "meeting", "dialogue", "discussion", "consultation", "forum", "debate", "review", "conference", "workshop", "seminar", "briefing",
    ]
    /// Words between a session's ordinal and "session".
    static let sessionQualifiers = ["regular", "special", "resumed", "extraordinary"]

    private static let adjectiveBytes = adjectives.map { Array($0.utf8) }
    private static let nounBytes = nouns.map { Array($0.utf8) }
    private static let qualifierBytes = sessionQualifiers.map { Array($0.utf8) }
    private static let ordinalBytes = PatternPiece.ordinalWords.map { Array($0.utf8) }
    private static let numericSuffixes = ["st", "nd", "rd", "th"].map { Array($0.utf8) }
    private static let session = Array("session".utf8)
    private static let adjectiveInitials = Set(adjectives.compactMap { $0.utf8.first.map(UInt16.init) })

    /// `\b((?:(?:adjective)\s+){1,4})(noun)(s?)\b`, ignoring case.
    static func described(_ text: ScanText) -> [PatternMatch] {
        leftmost(in: text) { text, start in
            guard let first = text.unit(at: start), adjectiveInitials.contains(first | 0x20), text.isBoundary(start) else { return nil }
            var afterWords: [Int] = []
            var position = start
            while afterWords.count < 4, let adjective = text.firstFolded(of: adjectiveBytes, at: position) {
                let spaceEnd = text.spaceEnd(from: adjective.end)
                guard spaceEnd > adjective.end else { break }
                position = spaceEnd
                afterWords.append(position)
            }
            for nounStart in afterWords.reversed() {
                guard let noun = text.firstFolded(of: nounBytes, at: nounStart) else { continue }
                let plural = text.unit(at: noun.end).map { $0 | 0x20 == 0x73 } ?? false
                for suffix in plural ? [1, 0] : [0] where text.isBoundary(noun.end + suffix) {
                    return PatternMatch([
                        NSRange(location: start, length: noun.end + suffix - start),
                        NSRange(location: start, length: nounStart - start),
                        NSRange(location: nounStart, length: noun.end - nounStart),
                        NSRange(location: noun.end, length: suffix),
                    ])
                }
            }
            return nil
        }
    }

    /// `\b(ordinal)\s+(?:(regular|special|resumed|extraordinary)\s+)?session\b`, ignoring case.
    static func session(_ text: ScanText) -> [PatternMatch] {
        leftmost(in: text) { text, start in
            guard text.hasAny([.letter, .digit], at: start), text.isBoundary(start), let ordinalEnd = ordinalEnd(text, at: start) else { return nil }
            let spaceEnd = text.spaceEnd(from: ordinalEnd)
            guard spaceEnd > ordinalEnd else { return nil }
            let ordinal = NSRange(location: start, length: ordinalEnd - start)
            if let qualifier = text.firstFolded(of: qualifierBytes, at: spaceEnd) {
                let wordStart = text.spaceEnd(from: qualifier.end)
                if wordStart > qualifier.end, let end = text.endOfFolded(session, at: wordStart), text.isBoundary(end) {
                    return PatternMatch([
                        NSRange(location: start, length: end - start), ordinal,
                        NSRange(location: spaceEnd, length: qualifier.end - spaceEnd),
                    ])
                }
            }
            guard let end = text.endOfFolded(session, at: spaceEnd), text.isBoundary(end) else { return nil }
            return PatternMatch([NSRange(location: start, length: end - start), ordinal, PatternMatch.absent])
        }
    }

    /// The end of ``PatternPiece/ordinal`` at `start`: an ordinal word, or digits and st/nd/rd/th.
    private static func ordinalEnd(_ text: ScanText, at start: Int) -> Int? {
        if let word = text.firstFolded(of: ordinalBytes, at: start) { return word.end }
        let digitsEnd = text.runEnd(of: .digit, from: start)
        guard digitsEnd > start else { return nil }
        return text.firstFolded(of: numericSuffixes, at: digitsEnd)?.end
    }

    /// The matches an expression search finds from left to right: at each offset, the
    /// match starting there if any, the next search starting after it.
    static func leftmost(in text: ScanText, _ matchAt: (ScanText, Int) -> PatternMatch?) -> [PatternMatch] {
        var found: [PatternMatch] = []
        var start = 0
        while start < text.count {
            if let match = matchAt(text, start) {
                found.append(match)
                start = max(start + 1, match.range.location + match.range.length)
            } else {
                start += 1
            }
        }
        return found
    }
}
