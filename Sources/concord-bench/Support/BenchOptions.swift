import ArgumentParser
import Foundation

/// Options every benchmark subcommand takes: seed, workspace, `--quick`, `--json`.
struct BenchOptions: ParsableArguments {
    @Option(help: "Seed for every generated input; the same seed gives the same inputs.")
    var seed: UInt64 = 42

    @Option(help: "Directory for generated inputs (cached by seed and size).")
    var workspace: String = ".bench"

    @Flag(help: "Shrink every size so the whole benchmark runs in about a minute (smoke test).")
    var quick = false

    @Flag(help: "Print each figure as one JSON object per line instead of aligned text.")
    var json = false

    /// `full` normally, `quick` with `--quick`.
    func size(_ full: Int, quick small: Int) -> Int { quick ? small : full }

    /// These options as command-line arguments, to hand on to another subcommand.
    var arguments: [String] {
        ["--seed", String(seed), "--workspace", workspace] + (quick ? ["--quick"] : []) + (json ? ["--json"] : [])
    }

    /// The printer these options ask for.
    var printer: FigurePrinter { FigurePrinter(json: json) }

    /// The workspace these options name.
    func openWorkspace() throws -> BenchWorkspace { try BenchWorkspace(path: workspace) }
}
