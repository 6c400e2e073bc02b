import ArgumentParser

/// `concord-bench`: measures Concord's speed on inputs it builds itself from a seed,
/// printing one line per figure (median and p99, the baseline measured in the same
/// run and the ratio to it, and the target). Build with `swift build -c release`.
@main
struct ConcordBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concord-bench",
        abstract: "Measure Concord on generated inputs (build with -c release).",
        subcommands: [
            AllBenchmarks.self,
            IngestBenchmark.self,
            GraphBenchmark.self,
            LatencyBenchmark.self,
            SyncBenchmark.self, ConvergenceBenchmark.self,
            ExtractionReport.self,
        ],
        defaultSubcommand: AllBenchmarks.self)
}
