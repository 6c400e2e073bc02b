import Foundation

/// Dates and clock times as UN documents print them — `15 July 2010`,
/// `from 12 to 14 September 2019`, `22 November to 3 December 2010`,
/// `3.10 p.m.`, `noon` — turned into ISO 8601 (`2010-07-15`) and `HH:MM`.
enum DateExpressions {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// Every full date in `text` (day, month and year), in order of appearance; a
    /// range contributes its first and last day.
    static func dates(in text: String) -> [String] {
        guard let expression = dateExpression else { return [] }
        // Every date names its month: most paragraphs name none, and skip the expression.
        guard months.contains(where: { LiteralSearch.contains($0, in: text) }) else { return [] }
        let source = text as NSString
        var result: [String] = []
        for match in expression.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            func group(_ index: Int) -> String? {
                let range = match.range(at: index)
                return range.location == NSNotFound ? nil : source.substring(with: range)
            }
            guard let lastDay = group(3).flatMap(Int.init), let month = group(4), let year = group(5).flatMap(Int.init) else {
                continue
            }
            if let firstDay = group(1).flatMap(Int.init) {
                if let iso = isoDate(day: firstDay, month: group(2) ?? month, year: year) { result.append(iso) }
            }
            if let iso = isoDate(day: lastDay, month: month, year: year) { result.append(iso) }
        }
        return result
    }

    /// `2010-07-15` for 15 July 2010, or `nil` for an impossible date.
    static func isoDate(day: Int, month: String, year: Int) -> String? {
        guard let monthIndex = months.firstIndex(of: month), (1...31).contains(day), (1900...2200).contains(year) else {
            return nil
        }
        var components = DateComponents()
        components.year = year
        components.month = monthIndex + 1
        components.day = day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        guard components.isValidDate(in: calendar) else { return nil }
        return String(format: "%04d-%02d-%02d", year, monthIndex + 1, day)
    }

    /// The clock time in `phrase` (`3.10 p.m.` → `15:10`, `11 a.m.` → `11:00`, `noon` → `12:00`).
    static func time(in phrase: String) -> String? {
        let lower = phrase.lowercased()
        if lower.hasPrefix("noon") || lower.hasPrefix("midday") { return "12:00" }
        guard let match = lower.range(of: #"^\d{1,2}([.:]\d{2})? ?[ap]\.? ?m\.?"#, options: .regularExpression) else {
            return nil
        }
        let matched = lower[match]
        let digits = matched.split(whereSeparator: { !$0.isNumber })
        guard let hourText = digits.first, var hour = Int(hourText), (1...12).contains(hour) else { return nil }
        let minute = digits.count > 1 ? Int(digits[1]) ?? 0 : 0
        guard minute < 60 else { return nil }
        let afternoon = matched.contains("p")
        if afternoon && hour != 12 { hour += 12 }
        if !afternoon && hour == 12 { hour = 0 }
        return String(format: "%02d:%02d", hour, minute)
    }

    // (first day (first month)? to|and|–)? last day, month, year.
    private static let dateExpression: NSRegularExpression? = {
        let month = months.joined(separator: "|")
        return try? NSRegularExpression(
            pattern: #"\b(?:(\d{1,2})(?: (\#(month)))? ?(?:to|and|–|-) ?)?\b(\d{1,2}) (\#(month)),? (\d{4})\b"#)
    }()
}
