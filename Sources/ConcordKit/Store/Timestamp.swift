import Foundation

/// ISO 8601 UTC timestamps as stored in the database (`2026-11-22T15:52:20Z`).
public enum Timestamp {
    public static func now() -> String { string(from: Date()) }

    public static func string(from date: Date) -> String {
        var style = Date.ISO8601FormatStyle()
        style.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return date.formatted(style)
    }
}
