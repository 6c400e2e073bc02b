import ArgumentParser
import ConcordBenchKit
import ConcordKit
import Foundation

/// `concord-bench graph`: generates the large knowledge base (1M entities, 5M mentions,
/// 2M relations; a fiftieth with `--quick`) straight through SQL, printing how long it
/// took and how big the file is. Later runs with the same seed reuse it.
struct GraphBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph", abstract: "Generate the 1M-entity knowledge base (cached by seed).")

    @OptionGroup var options: BenchOptions

    @Flag(help: "Generate again even if the workspace holds one.")
    var regenerate = false

    func run() throws {
        _ = try Self.prepare(options: options, regenerate: regenerate)
    }

    /// The path of the generated base for these options, generating it first if needed.
    static func prepare(options: BenchOptions, regenerate: Bool = false) throws -> String {
        let size = options.quick ? GraphGenerator.Size.quick : .full
        let workspace = try options.openWorkspace()
        let url = workspace.path(for: "graph", seed: options.seed, size: size.entities, suffix: ".db")
        if workspace.isComplete(url), !regenerate { return url.path }
        workspace.discard(url)
        let printer = options.printer
        printer.note("generating \(size.entities) entities, \(size.mentions) mentions, \(size.relations) relations in \(url.path)")
        let clock = ContinuousClock()
        let started = clock.now
        let counts = try GraphGenerator(seed: options.seed, size: size).generate(at: url.path)
        let seconds = started.duration(to: clock.now).seconds
        try workspace.markComplete(url)
        let bytes = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        printer.print(Figure(
            name: "generate graph", unit: .count, value: seconds, count: counts.entities,
            note: String(
                format: "%.1f s, file %.0f MB: %d entities, %d aliases, %d documents, %d paragraphs, %d mentions, %d relations",
                seconds, Double(bytes) / 1_048_576, counts.entities, counts.aliases, counts.documents, counts.paragraphs,
                counts.mentions, counts.relations)))
        return url.path
    }
}
