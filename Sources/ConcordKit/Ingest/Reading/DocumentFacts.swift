import Foundation

/// What a document says about itself: its kind, symbol, title, date, the dates
/// it mentions and, for a summary record, when the meeting began and rose.
/// Read from the UN's fixed drafting formulas, not from the particular texts.
struct DocumentFacts: Sendable {
    var kind: DocumentKind = .other
    var symbol: String?
    var title: String?
    var dated: String?
    /// `dated` came from a "held … on Tuesday, 10 September 2019" line, not a date of issue.
    var datedIsMeetingDate = false
    var dates: [String] = []
    var meetingStartedAt: String?
    var meetingEndedAt: String?

    /// Formulas that open or close a summary record.
    static let summaryRecordOpenings = [
        "the meeting was called to order at", "the discussion covered in the summary record began at",
        "the meeting was resumed at", "the public part of the meeting was called to order at",
    ]
    static let summaryRecordClosings = [
        "the meeting rose at", "the discussion covered in the summary record ended at",
        "the public part of the meeting rose at",
    ]

    /// Reads the facts from the document's paragraphs, editorial notes, and the
    /// symbols its running heads printed.
    init(paragraphs: [ParsedParagraph], notes: [String], furnitureSymbols: [String], openingLines: [String]) {
        let texts = paragraphs.map(\.text)
        // The opening and closing formulas stand near the start and the end.
        // (Every formula and expression below is ASCII: ASCII lowercasing is enough.)
        let lowerTexts = (texts.prefix(15) + texts.suffix(15)).map(LiteralSearch.asciiLowercased)
        meetingStartedAt = Self.clockTime(after: Self.summaryRecordOpenings, in: lowerTexts)
        meetingEndedAt = Self.clockTime(after: Self.summaryRecordClosings, in: lowerTexts.reversed())
        // A title page line "Summary record of the … meeting" says so too: OCR text often joins
        // it to the lines around it in one paragraph, and prints impossible times ("14.33 a.m.").
        if meetingStartedAt != nil || meetingEndedAt != nil
            || lowerTexts.contains(where: { $0.hasPrefix("summary record of") })
            || openingLines.contains(where: { LiteralSearch.asciiLowercased($0).hasPrefix("summary record of") })
        {
            kind = .summaryRecord
        } else if Self.readsAsReport(lowerTexts) {
            kind = .report
        }
        symbol = Self.mostFrequent(furnitureSymbols) ?? Self.symbolOnTitlePage(openingLines)
        title = Self.title(openingLines: openingLines, paragraphs: paragraphs, kind: kind)
        (dated, datedIsMeetingDate) = Self.issueDate(openingLines)
        var seen = Set<String>()
        dates = (texts + notes).flatMap(DateExpressions.dates(in:)).filter { seen.insert($0).inserted }
    }

    /// The time after the first of `formulas` found in `texts`.
    static func clockTime(after formulas: [String], in texts: some Sequence<String>) -> String? {
        for text in texts {
            for formula in formulas {
                guard let end = LiteralSearch.endIndex(of: formula, in: text) else { continue }
                if let time = DateExpressions.time(in: text[end...].trimmingCharacters(in: .whitespaces)) {
                    return time
                }
            }
        }
        return nil
    }

    /// Reports state what they are: "the present report", "report of the Secretary-General", …
    static func readsAsReport(_ lowerTexts: [String]) -> Bool {
        let formulas = [
            "the present report", "this report", "report of the secretary-general", "note by the secretary-general",
            "the report summarizes", "the report explores", "the report contains", "the report provides",
            "report is submitted pursuant to",
        ]
        let opening = lowerTexts.prefix(12)
        if opening.contains(where: { text in formulas.contains { LiteralSearch.contains($0, in: text) } }) { return true }
        // (The expression runs only where its opening words are printed.)
        return opening.contains {
            LiteralSearch.contains("requested the secretary-general to submit ", in: $0)
                && $0.range(of: #"requested the secretary-general to submit (to [a-z ]+ )?(a|an|the) (comprehensive )?report"#, options: .regularExpression) != nil
        }
    }

    /// The title: a summary record's "Summary record of the … meeting"; a report's
    /// line above "Report of the Secretary-General" on its title page, or the title
    /// its mandate quotes ("a report entitled “Human rights of migrants”").
    static func title(openingLines: [String], paragraphs: [ParsedParagraph], kind: DocumentKind) -> String? {
        if let record = openingLines.first(where: { $0.lowercased().hasPrefix("summary record of") }) {
            return record
        }
        let byline = #"^(Report|Note) (of|by) the Secretary-General$"#
        if let index = openingLines.firstIndex(where: { $0.range(of: byline, options: .regularExpression) != nil }),
            index > 0, PageFurniture.kind(of: openingLines[index - 1]) == nil,
            DateExpressions.dates(in: openingLines[index - 1]).isEmpty
        {
            return openingLines[index - 1]
        }
        guard kind == .report else { return nil }
        for paragraph in paragraphs.prefix(15) {
            guard let entitled = paragraph.text.range(of: #"report entitled “[^”]{3,200}”"#, options: .regularExpression) else {
                continue
            }
            return String(paragraph.text[entitled].drop { $0 != "“" }.dropFirst().dropLast())
        }
        return nil
    }

    /// The date of issue printed on the title page (`Distr.: General 2 August 2011`),
    /// or the date of the meeting (`held … on Tuesday, 10 September 2019, at 3 p.m.`).
    static func issueDate(_ openingLines: [String]) -> (date: String?, isMeetingDate: Bool) {
        let text = openingLines.joined(separator: " ")
        let patterns = [
            #"Distr\.: ?[A-Za-z]+ (\d{1,2} [A-Z][a-z]+ \d{4})"#,
            #"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{1,2} [A-Z][a-z]+ \d{4})"#,
        ]
        for (index, pattern) in patterns.enumerated() {
            guard let range = text.range(of: pattern, options: .regularExpression) else { continue }
            if let date = DateExpressions.dates(in: String(text[range])).first { return (date, index == 1) }
        }
        let line = openingLines.prefix(15).first { line in
            DateExpressions.dates(in: line).count == 1 && line.split(separator: " ").count == 3
        }
        return (line.flatMap { DateExpressions.dates(in: $0).first }, false)
    }

    /// A symbol on one of the first lines, alone or after "United Nations".
    static func symbolOnTitlePage(_ openingLines: [String]) -> String? {
        for line in openingLines.prefix(8) where line.count <= 60 {
            if let symbol = line.split(separator: " ").map(String.init).first(where: PageFurniture.isSymbol) {
                return symbol
            }
        }
        return nil
    }

    static func mostFrequent(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return values.max { counts[$0, default: 0] < counts[$1, default: 0] }
    }
}
