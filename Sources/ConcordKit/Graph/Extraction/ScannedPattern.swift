import Foundation

/// One match of a ``ScannedPattern``: the whole range and each capture group's, as
/// `NSTextCheckingResult` gives them (`NSNotFound` for a group that did not take part).
struct PatternMatch: Equatable {
    var ranges: [NSRange]

    init(_ ranges: [NSRange]) { self.ranges = ranges }

    init(_ result: NSTextCheckingResult) {
        ranges = (0..<result.numberOfRanges).map { result.range(at: $0) }
    }

    var range: NSRange { ranges[0] }

    func range(at group: Int) -> NSRange { ranges[group] }

    /// The range of capture group `group`, or `nil` when it did not take part.
    func rangeIfPresent(_ group: Int) -> NSRange? {
        guard group < ranges.count, ranges[group].location != NSNotFound else { return nil }
        return ranges[group]
    }

    /// A group that did not take part.
    static let absent = NSRange(location: NSNotFound, length: 0)
}

/// A regular expression with a hand-written scanner that finds the same matches, for the
/// hottest patterns of extraction (`NSRegularExpression` was 47% of it, most in a few patterns).
///
/// The scanner runs on paragraphs whose every character it handles (see ``ScanClasses``);
/// any other paragraph is searched with the expression. Tests compare the two on the seed
/// documents, generated corpora and random text.
struct ScannedPattern: Sendable {
    let pattern: Pattern
    let scanner: @Sendable (ParagraphText, ScanText) -> [PatternMatch]

    init(_ pattern: Pattern, scanner: @escaping @Sendable (ScanText) -> [PatternMatch]) {
        self.pattern = pattern
        self.scanner = { _, text in scanner(text) }
    }

    /// A pattern whose scanner also gets the paragraph (to run the expression where it has to).
    init(_ pattern: Pattern, paragraphScanner: @escaping @Sendable (ParagraphText, ScanText) -> [PatternMatch]) {
        self.pattern = pattern
        self.scanner = paragraphScanner
    }

    func matches(in paragraph: ParagraphText) -> [PatternMatch] {
        if !pattern.literals.isEmpty, !pattern.literals.contains(where: paragraph.contains) { return [] }
        if let text = paragraph.scanText { return scanner(paragraph, text) }
        return pattern.matches(in: paragraph).map(PatternMatch.init)
    }

    /// What the expression alone finds, without the literal check (the scanner's reference).
    func expressionMatches(in paragraph: ParagraphText) -> [PatternMatch] {
        let whole = NSRange(location: 0, length: paragraph.length)
        return (pattern.expression?.matches(in: paragraph.text, options: [], range: whole) ?? []).map(PatternMatch.init)
    }

    /// What the scanner alone finds, `nil` when it does not handle the paragraph.
    func scannerMatches(in paragraph: ParagraphText) -> [PatternMatch]? {
        paragraph.scanText.map { scanner(paragraph, $0) }
    }
}
