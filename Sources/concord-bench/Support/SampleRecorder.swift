import Foundation

/// Collects durations of repeated runs of one operation and summarises them.
///
/// Durations come from `ContinuousClock` (CLOCK_MONOTONIC on Linux).
struct SampleRecorder {
    private(set) var samples: [Duration] = []

    /// Runs `operation` once, records how long it took, and returns its result.
    @discardableResult
    mutating func measure<T>(_ operation: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try operation()
        samples.append(start.duration(to: clock.now))
        return result
    }

    /// Records a duration measured elsewhere.
    mutating func record(_ duration: Duration) { samples.append(duration) }

    /// The summary of what was recorded (zeros when nothing was).
    var summary: SampleSummary { SampleSummary(samples) }
}

/// Median, 99th percentile, minimum and count of a set of durations, in seconds.
struct SampleSummary: Sendable {
    var median: Double
    var p99: Double
    var minimum: Double
    var maximum: Double
    var count: Int

    init(_ durations: [Duration]) {
        let seconds = durations.map(\.seconds).sorted()
        count = seconds.count
        median = Self.percentile(0.5, of: seconds)
        p99 = Self.percentile(0.99, of: seconds)
        minimum = seconds.first ?? 0
        maximum = seconds.last ?? 0
    }

    /// Nearest-rank percentile of sorted values.
    static func percentile(_ fraction: Double, of sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}

extension Duration {
    /// This duration in seconds, as a floating-point number.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
