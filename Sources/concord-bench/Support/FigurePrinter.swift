import Foundation

/// One measured figure: a latency (p50/p99 of samples) or a rate (e.g. MB/s), with the
/// baseline measured in the same run, and the target it is held against.
struct Figure: Sendable {
    /// Whether smaller or larger values are better, and how to print them.
    enum Unit: String, Sendable {
        case seconds, megabytesPerSecond = "MB/s", count, bytes
    }

    var name: String
    var unit: Unit
    /// Latencies: median of the samples. Rates and counts: the value itself.
    var value: Double
    var p99: Double?
    var count: Int
    var baseline: Double?
    var baselineName: String?
    /// The target for p99 (latencies) or for the value (rates); `nil` when there is none.
    var target: Double?
    var note: String?

    /// A latency figure from recorded samples.
    static func latency(
        _ name: String, _ summary: SampleSummary, baseline: SampleSummary? = nil, baselineName: String? = nil,
        target: Double? = nil, note: String? = nil
    ) -> Figure {
        Figure(
            name: name, unit: .seconds, value: summary.median, p99: summary.p99, count: summary.count,
            baseline: baseline?.median, baselineName: baselineName, target: target, note: note)
    }

    /// Whether the target is met; `nil` without a target.
    var isTargetMet: Bool? {
        guard let target else { return nil }
        switch unit {
        case .seconds: return (p99 ?? value) <= target
        case .megabytesPerSecond: return value >= target
        case .count, .bytes: return nil
        }
    }

    /// value / baseline (how many times slower or faster than the baseline).
    var ratio: Double? {
        guard let baseline, baseline > 0 else { return nil }
        return value / baseline
    }
}

/// Prints figures, one line each, as aligned text or as JSON lines (`--json`).
struct FigurePrinter {
    var json: Bool

    /// Prints `figure` to standard output at once (flushed, so a long run shows progress).
    func print(_ figure: Figure) {
        FileHandle.standardOutput.write(Data(((json ? jsonLine(figure) : textLine(figure)) + "\n").utf8))
    }

    /// Prints a progress or context note (to standard error, so `--json` output stays clean).
    func note(_ text: String) {
        FileHandle.standardError.write(Data("# \(text)\n".utf8))
    }

    func textLine(_ figure: Figure) -> String {
        var parts = [figure.name.padding(toLength: max(figure.name.count, 30), withPad: " ", startingAt: 0)]
        switch figure.unit {
        case .seconds:
            parts.append("p50 \(Self.format(seconds: figure.value))")
            if let p99 = figure.p99 { parts.append("p99 \(Self.format(seconds: p99))") }
        case .megabytesPerSecond:
            parts.append(String(format: "%.2f MB/s", figure.value))
        case .count:
            parts.append(String(format: "%.0f", figure.value))
        case .bytes:
            parts.append(String(format: "%.1f MB", figure.value / 1_048_576))
        }
        parts.append("n=\(figure.count)")
        if let baseline = figure.baseline {
            let shown = figure.unit == .seconds ? Self.format(seconds: baseline) : String(format: "%.2f", baseline)
            parts.append("baseline \(figure.baselineName.map { "(\($0)) " } ?? "")\(shown)")
            if let ratio = figure.ratio { parts.append(String(format: "ratio %.1f×", ratio)) }
        }
        if let target = figure.target, let met = figure.isTargetMet {
            let shown = figure.unit == .seconds ? "p99 ≤ \(Self.format(seconds: target))" : String(format: "≥ %.1f", target)
            parts.append("target \(shown) \(met ? "met" : "MISSED")")
        }
        if let note = figure.note { parts.append("(\(note))") }
        return parts.joined(separator: "  ")
    }

    func jsonLine(_ figure: Figure) -> String {
        var object: [String: Any] = ["name": figure.name, "unit": figure.unit.rawValue, "value": figure.value, "n": figure.count]
        if let p99 = figure.p99 { object["p99"] = p99 }
        if let baseline = figure.baseline { object["baseline"] = baseline }
        if let name = figure.baselineName { object["baseline_name"] = name }
        if let ratio = figure.ratio { object["ratio"] = ratio }
        if let target = figure.target { object["target"] = target }
        if let met = figure.isTargetMet { object["target_met"] = met }
        if let note = figure.note { object["note"] = note }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// A duration with a unit suited to its size: 412 µs, 3.21 ms, 1.50 s.
    static func format(seconds: Double) -> String {
        if seconds < 1e-3 { return String(format: "%.0f µs", seconds * 1e6) }
        if seconds < 1 { return String(format: "%.2f ms", seconds * 1e3) }
        return String(format: "%.2f s", seconds)
    }
}
