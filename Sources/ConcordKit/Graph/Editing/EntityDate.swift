import Foundation

/// Checks the values `set ENTITY date VALUE` accepts: ISO 8601 calendar dates of
/// year, month or day precision, optionally with a time of day, or an interval
/// `START/END` of two of them.
///
/// An interval is stored in the one `entities.date` field, so the start and end of a
/// range always change (and sync) together. Examples: `2019`, `2019-04`,
/// `2019-04-02`, `2019-04-02T10:00`, `2019-04-02T10:00/2019-04-02T13:00`, `2018/2020`.
public enum EntityDate {
    /// `value` trimmed, if it is a valid date or interval; otherwise a clear error.
    public static func validated(_ value: String) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2 else {
            throw EditingError.invalidDate(value, reason: "an interval has one '/' between its start and end")
        }
        for part in parts {
            if let reason = problem(with: part) { throw EditingError.invalidDate(value, reason: reason) }
        }
        if parts.count == 2 {
            // ISO 8601 strings of one precision sort as they are; compare the common precision.
            let length = min(parts[0].count, parts[1].count)
            if parts[0].prefix(length) > parts[1].prefix(length) {
                throw EditingError.invalidDate(value, reason: "the interval ends before it starts")
            }
        }
        return trimmed
    }

    /// Why `part` is not a date of the accepted forms, or `nil` when it is one.
    static func problem(with part: String) -> String? {
        if part.isEmpty { return "a date is missing" }
        let pieces = part.split(separator: "T", omittingEmptySubsequences: false).map(String.init)
        guard pieces.count <= 2 else { return "'\(part)' has more than one T" }
        let day = pieces[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(day.count), day[0].count == 4, day.dropFirst().allSatisfy({ $0.count == 2 }),
            day.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return "'\(pieces[0])' is not YYYY, YYYY-MM or YYYY-MM-DD" }
        let numbers = day.compactMap { Int($0) }
        if numbers.count > 1, !(1...12).contains(numbers[1]) { return "there is no month \(day[1])" }
        if numbers.count > 2, !(1...daysIn(month: numbers[1], of: numbers[0])).contains(numbers[2]) {
            return "there is no day \(day[2]) in \(day[0])-\(day[1])"
        }
        guard pieces.count == 2 else { return nil }
        guard numbers.count == 3 else { return "a time needs a full date before it (YYYY-MM-DDTHH:MM)" }
        let time = pieces[1].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard time.count == 2, time.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hour = Int(time[0]), let minute = Int(time[1])
        else { return "'\(pieces[1])' is not a time HH:MM" }
        if hour > 23 || minute > 59 { return "\(pieces[1]) is not a time of day" }
        return nil
    }

    static func daysIn(month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
