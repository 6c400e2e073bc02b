import ConcordKit
import Foundation

/// Whole-process latency: `concord run 'show X' --db BASE` started and waited for
/// (start to exit), against a `sqlite3 BASE 'SELECT …'` process doing the core lookup,
/// measured in the same run. The `concord` binary is the one built beside this benchmark.
struct ProcessLatency {
    /// Why the whole-process figure cannot be measured.
    enum ProcessError: LocalizedError {
        case missingBinary(String)
        case failed(command: String, status: Int32, errors: String)

        var errorDescription: String? {
            switch self {
            case let .missingBinary(path):
                return "no concord binary at \(path); build it with swift build -c release (same configuration as concord-bench)"
            case let .failed(command, status, errors):
                return "\(command) exited with status \(status): \(errors.prefix(200)); check the generated base"
            }
        }
    }

    let path: String
    let options: BenchOptions
    let count: Int

    static let target = 0.050

    /// The `concord` executable in the same build folder as this benchmark.
    static var concordBinary: String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return ((me as NSString).deletingLastPathComponent as NSString).appendingPathComponent("concord")
    }

    func measure(_ targets: [LatencyWorkload.Target]) throws {
        let binary = Self.concordBinary
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw ProcessError.missingBinary(binary) }
        let hasSQLite = (try? ChildProcess.run(["sqlite3", "-version"]))?.status == 0
        var measured = SampleRecorder(), baseline = SampleRecorder()
        let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1",
                           "HOME": ProcessInfo.processInfo.environment["HOME"] ?? "/tmp"]
        for target in targets.prefix(count) {
            let lookup = hasSQLite
                ? ["sqlite3", path, "SELECT entity_id FROM aliases WHERE normalized_alias = '\(NameNormalizer.normalize(target.name).replacingOccurrences(of: "'", with: "''"))'"]
                : ["true"]
            _ = try baseline.measure { try ChildProcess.run(lookup, environment: environment) }
            let arguments = [binary, "run", "show \(quoted(target.name))", "--db", path]
            let result = try measured.measure { try ChildProcess.run(arguments, environment: environment) }
            if result.status != 0 {
                throw ProcessError.failed(command: arguments.joined(separator: " "), status: result.status, errors: String(decoding: result.errors, as: UTF8.self))
            }
        }
        // One more, untimed run for its own peak memory (sampling it would add work to the timed runs;
        // getrusage's children figure would report this process's own high-water mark: see PeakMemorySampler).
        let sampled = targets.first.map { [binary, "run", "show \(quoted($0.name))", "--db", path] }
        let peak = try sampled.map { try ChildProcess.run($0, environment: environment, measuresPeakMemory: true).peakResidentBytes } ?? 0
        options.printer.print(.latency(
            "concord run 'show X' process", measured.summary, baseline: baseline.summary,
            baselineName: hasSQLite ? "sqlite3 process, alias lookup" : "/bin/true process", target: Self.target,
            note: "peak RSS of one run \(PeakMemory.describe(peak))"))
    }
}
