import Foundation

/// What the cover page of a UN summary record says about the meeting it records,
/// in the standard form of those records:
///
///     CMW/C/SR.451
///     Committee on the Protection of the Rights of All Migrant Workers …
///     Thirty-sixth session
///     Summary record of the 451st meeting
///     Held at the Palais Wilson, Geneva, on Thursday, 7 April 2022, at 3 p.m.
///     Chair: Mr. Corzo Sosa
///
/// Each piece is looked for on its own, so lines glued together or split apart still read.
struct MeetingHeader: Equatable {
    /// "451st".
    var number: String?
    /// ISO date of the meeting ("2022-04-07").
    var date: String?
    /// "Palais Wilson, Geneva".
    var place: String?
    /// "15:00".
    var startTime: String?
    /// The session ordinal as printed, lowercased ("thirty-sixth").
    var session: String?
    /// The Chair as the header names them ("Mr. Corzo Sosa"); the name ends with its line.
    var chair: String?
    /// The record's symbol ("CMW/C/SR.451").
    var symbol: String?
    /// Index of the paragraph naming the meeting, the session and the Chair (for evidence).
    var titleParagraph: Int?
    var sessionParagraph: Int?
    var chairParagraph: Int?

    /// Paragraphs read for the header: those before the first one of the record's body.
    static let headerLength = 24

    private static let numbered = Pattern(
        #"\bSummary record\b[^.]{0,60}?\bof the (\d+(?:st|nd|rd|th)) meeting\b"#, caseInsensitive: true, requiring: ["summary record"])
    /// "Held at the Palais Wilson, Geneva," (the date may follow on the next line).
    private static let held = Pattern(
        #"\bHeld at (?:the )?([^,\n]{3,60}(?:,\s*(?:Geneva|New York|Vienna|Nairobi|Bangkok|Santiago|Addis Ababa|Beirut))?)"#,
        requiring: ["held at"])
    /// "on Thursday, 7 April 2022, at 3 p.m.": a weekday, so the date of issue is never taken for it.
    private static let when = Pattern(
        #"\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(\d{1,2})\s+("#
            + PatternPiece.month + #")\s+(\d{4})(?:,?\s+at\s+(\d{1,2})(?:[.:](\d{2}))?\s*(a\.m\.|p\.m\.|noon))?"#,
        requiring: ["day"])
    private static let chairLine = Pattern(
        #"\b(?:Acting )?(?:Chair|Chairperson|Chairman|Chairwoman|President)\s*:\s*((?:Mr|Ms|Mrs|Mme|Dr)\.?\s+\p{Lu}[\p{L}\p{M}’'\-]*(?:[^\S\n]+(?:de |del |de la |van |von |da |al )?\p{Lu}[\p{L}\p{M}’'\-]*){0,3})"#,
        requiring: ["chair", "president"])
    private static let session = Pattern(
        #"\b("# + PatternPiece.ordinal + #")\s+session\b"#, caseInsensitive: true, requiring: ["session"])
    private static let recordSymbol = Pattern(#"\b[A-Z]{1,6}(?:/[A-Z0-9]{1,6}){1,3}/SR\.\d{1,5}(?:/Add\.\d+)?\b"#, requiring: ["/sr."])

    /// The header of a summary record whose title page (the lines the reader took as metadata)
    /// is `titlePage` and whose first paragraphs are `paragraphs`. What the title page says is
    /// read first; it is no paragraph, so no relation cites it (they cite the first paragraph).
    static func read(titlePage: [String], paragraphs: ArraySlice<ParagraphText>) -> MeetingHeader {
        var header = MeetingHeader()
        if !titlePage.isEmpty {
            let page = ParsedParagraph(ordinal: 0, number: nil, kind: .text, section: nil, text: titlePage.joined(separator: "\n"))
            header.read([ParagraphText(page, index: -1)])
            (header.titleParagraph, header.sessionParagraph, header.chairParagraph) = (nil, nil, nil)
        }
        header.read(paragraphs)
        return header
    }

    /// Fills what is still missing from `paragraphs`.
    private mutating func read<Paragraphs: Sequence<ParagraphText>>(_ paragraphs: Paragraphs) {
        var header = self
        defer { self = header }
        for paragraph in paragraphs {
            if paragraph.text.contains("called to order") { break }
            if header.number == nil, let match = Self.numbered.matches(in: paragraph).first {
                header.number = paragraph.substring(match.range(at: 1))
                header.titleParagraph = paragraph.index
            }
            if header.place == nil, let match = Self.held.matches(in: paragraph).first {
                header.place = GraphAssembler.collapse(paragraph.substring(match.range(at: 1)))
            }
            if header.date == nil, let match = Self.when.matches(in: paragraph).first { header.readWhen(match, paragraph) }
            if header.chair == nil, let match = Self.chairLine.matches(in: paragraph).first {
                header.chair = GraphAssembler.collapse(paragraph.substring(match.range(at: 1)))
                header.chairParagraph = paragraph.index
            }
            if header.session == nil, let match = Self.session.matches(in: paragraph).first,
               paragraph.length < 80 || paragraph.text.contains("Summary record") {
                header.session = paragraph.substring(match.range(at: 1)).lowercased()
                header.sessionParagraph = paragraph.index
            }
            if header.symbol == nil, let match = Self.recordSymbol.matches(in: paragraph).first {
                header.symbol = paragraph.substring(match.range)
            }
        }
    }

    private mutating func readWhen(_ match: NSTextCheckingResult, _ paragraph: ParagraphText) {
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        let month = (months.firstIndex(of: paragraph.substring(match.range(at: 2)).lowercased()) ?? 0) + 1
        guard let day = Int(paragraph.substring(match.range(at: 1))) else { return }
        date = paragraph.substring(match.range(at: 3)) + "-" + Self.twoDigits(month) + "-" + Self.twoDigits(day)
        guard let hourRange = match.rangeIfPresent(4), var hour = Int(paragraph.substring(hourRange)) else { return }
        let minute = match.rangeIfPresent(5).flatMap { Int(paragraph.substring($0)) } ?? 0
        let half = match.rangeIfPresent(6).map(paragraph.substring) ?? ""
        if half == "p.m.", hour < 12 { hour += 12 }
        if half == "a.m.", hour == 12 { hour = 0 }
        startTime = Self.twoDigits(hour) + ":" + Self.twoDigits(minute)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
