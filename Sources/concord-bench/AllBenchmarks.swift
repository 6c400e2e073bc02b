import ArgumentParser

/// `concord-bench all`: every benchmark in turn with the same options.
struct AllBenchmarks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all", abstract: "Run every benchmark in turn.")

    @OptionGroup var options: BenchOptions

    func run() throws {
        options.printer.note("concord-bench seed \(options.seed)\(options.quick ? " (quick)" : "")")
        try IngestBenchmark.parse(options.arguments).run()
        try LatencyBenchmark.parse(options.arguments).run()
    }
}
