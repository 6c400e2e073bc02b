import Foundation
import Synchronization

/// ISO 8601 UTC timestamps as stored in the database (`2026-11-22T15:52:20Z`).
public enum Timestamp {
    /// The last second formatted by ``now()``: an import stamps every change it applies, and
    /// formatting a date cost more than a third of appending a change to the log (perf).
    private static let lastSecond = Mutex<(second: Int64, text: String)?>(nil)

    /// The current time, to the second.
    public static func now() -> String {
        let second = Int64(Date().timeIntervalSince1970.rounded(.down))
        return lastSecond.withLock { cached in
            if let cached, cached.second == second { return cached.text }
            let text = string(from: Date(timeIntervalSince1970: TimeInterval(second)))
            cached = (second, text)
            return text
        }
    }

    public static func string(from date: Date) -> String {
        var style = Date.ISO8601FormatStyle()
        style.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return date.formatted(style)
    }
}
