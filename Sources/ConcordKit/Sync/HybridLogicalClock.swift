import Foundation

/// A hybrid logical clock: timestamps that follow wall-clock time in milliseconds
/// but never go backwards and always exceed every timestamp this replica has seen.
///
/// A timestamp is `milliseconds since 1970 << 16 | counter`. ``tick(after:now:)``
/// makes the next local timestamp; ``receive(_:after:)`` folds in a remote one, so
/// a change made after receiving another always has a larger timestamp. Last-writer-wins
/// compares `(timestamp, replica id)`, which is a total order every replica agrees on.
/// https://cse.buffalo.edu/tech-reports/2014-04.pdf
public enum HybridLogicalClock {
    /// Bits of the timestamp used by the logical counter.
    public static let counterBits: UInt64 = 16

    /// The physical part for a wall-clock date.
    public static func physical(_ date: Date) -> UInt64 {
        UInt64(max(0, date.timeIntervalSince1970 * 1000)) << counterBits
    }

    /// The next local timestamp: the wall clock, or one more than the last timestamp if that is later.
    public static func tick(after last: UInt64, now: Date = Date()) -> UInt64 {
        max(physical(now), last &+ 1)
    }

    /// The clock after seeing a remote timestamp: the larger of the two.
    public static func receive(_ remote: UInt64, after last: UInt64) -> UInt64 {
        max(remote, last)
    }

    /// The wall-clock time a timestamp stands for (to the millisecond).
    public static func date(of timestamp: UInt64) -> Date {
        Date(timeIntervalSince1970: Double(timestamp >> counterBits) / 1000)
    }
}
