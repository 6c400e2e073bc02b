import Foundation

/// A regular expression compiled once, searched over a paragraph's UTF-16 text.
struct Pattern: @unchecked Sendable {
    /// `nil` only if the source failed to compile (a programming error that tests catch):
    /// the pattern then matches nothing rather than crashing an ingest.
    let expression: NSRegularExpression?
    /// Lowercase words one of which every match contains: a paragraph without any is skipped
    /// without running the expression (a byte search is far cheaper than a regex scan).
    let literals: [String]

    init(_ source: String, caseInsensitive: Bool = false, requiring literals: [String] = []) {
        var options: NSRegularExpression.Options = []
        if caseInsensitive { options.insert(.caseInsensitive) }
        expression = try? NSRegularExpression(pattern: source, options: options)
        self.literals = literals
        assert(expression != nil, "invalid pattern \(source)")
    }

    func matches(in paragraph: ParagraphText, range: NSRange? = nil) -> [NSTextCheckingResult] {
        if !literals.isEmpty, !literals.contains(where: paragraph.contains) { return [] }
        return expression?.matches(in: paragraph.text, options: [], range: range ?? NSRange(location: 0, length: paragraph.length)) ?? []
    }

    func matches(in string: String) -> [NSTextCheckingResult] {
        expression?.matches(in: string, options: [], range: NSRange(location: 0, length: (string as NSString).length)) ?? []
    }

    func firstMatch(in paragraph: ParagraphText, range: NSRange) -> NSTextCheckingResult? {
        expression?.firstMatch(in: paragraph.text, options: [], range: range)
    }
}

extension NSTextCheckingResult {
    /// The range of capture group `group`, or `nil` when it did not take part.
    func rangeIfPresent(_ group: Int) -> NSRange? {
        guard group < numberOfRanges else { return nil }
        let range = self.range(at: group)
        return range.location == NSNotFound ? nil : range
    }
}

/// Pieces of patterns shared by the recognisers.
enum PatternPiece {
    /// A capitalised word as printed in names ("Peoples’", "Inter- American", "COVID-19").
    static let capitalWord = #"(?:Inter-\s?)?\p{Lu}[\p{L}\p{M}’'\-]*(?:\d+)?"#
    private static let units = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
    private static let teens = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                                "seventeenth", "eighteenth", "nineteenth"]
    private static let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    private static let tenths: [String] = tens.map { String($0.dropLast()) + "ieth" }
    /// Ordinal words up to ninety-ninth, and numeric ordinals (452nd).
    static let ordinal: String = {
        let tensGroup: String = tens.joined(separator: "|")
        let unitsGroup: String = units.joined(separator: "|")
        let compound: String = "(?:" + tensGroup + ")-(?:" + unitsGroup + ")"
        let words: String = (units + teens + tenths).joined(separator: "|")
        let numeric: String = #"|\d+(?:st|nd|rd|th))"#
        return "(?:" + compound + "|" + words + numeric
    }()
    /// The words of ``ordinal`` in the order its alternation tries them ("twenty-first" … "ninetieth").
    static let ordinalWords: [String] = tens.flatMap { ten in units.map { ten + "-" + $0 } } + units + teens + tenths
    static let month = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
}
