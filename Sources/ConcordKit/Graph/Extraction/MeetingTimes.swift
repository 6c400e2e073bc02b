import Foundation

/// When the meeting a summary record records opened and rose, from the document's
/// metadata or, failing that, its own words ("called to order at 3.10 p.m.", "rose at 4.55 p.m.").
enum MeetingTimes {
    private static let opened = Pattern(
        #"\b(?:called to order|began|opened|resumed) at (\d{1,2})(?:[.:](\d{2}))?\s*(a\.m\.|p\.m\.|noon)"#,
        requiring: ["a.m.", "p.m.", "noon"])
    private static let closed = Pattern(
        #"\b(?:rose|ended|adjourned|closed|suspended) at (\d{1,2})(?:[.:](\d{2}))?\s*(a\.m\.|p\.m\.|noon)"#,
        requiring: ["a.m.", "p.m.", "noon"])

    /// `(start, end)` as `HH:MM`, 24-hour.
    static func times(_ document: ParsedDocument, paragraphs: [ParagraphText]) -> (start: String?, end: String?) {
        var start = document.meetingStartedAt
        var end = document.meetingEndedAt
        for paragraph in paragraphs {
            if start == nil, let match = opened.matches(in: paragraph).first { start = clock(match, paragraph) }
            if end == nil, let match = closed.matches(in: paragraph).last { end = clock(match, paragraph) }
        }
        return (start, end)
    }

    private static func clock(_ match: NSTextCheckingResult, _ paragraph: ParagraphText) -> String? {
        guard var hour = Int(paragraph.substring(match.range(at: 1))) else { return nil }
        let minute = match.rangeIfPresent(2).flatMap { Int(paragraph.substring($0)) } ?? 0
        let half = paragraph.substring(match.range(at: 3))
        if half == "p.m.", hour < 12 { hour += 12 }
        if half == "a.m.", hour == 12 { hour = 0 }
        return (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)")
    }
}
