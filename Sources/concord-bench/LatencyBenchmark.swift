import ArgumentParser
import ConcordBenchKit
import ConcordKit
import Foundation
import GRDB

/// `concord-bench latency`: prompt commands on the 1M-entity base, in-process, through
/// the same dispatcher a REPL line goes through (output rendered into a discarded
/// console), each against the single indexed SQL lookup at its core, measured in the
/// same run; Tab completion through the prompt's ``CompletionProvider``.
struct LatencyBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "latency", abstract: "Prompt commands and Tab completion on the 1M-entity base (p50/p99).")

    @OptionGroup var options: BenchOptions

    @Option(help: "Inputs per command (seeded).")
    var samples: Int = 200

    @Option(help: "Whole `concord run 'show …'` processes to start.")
    var processes: Int = 30

    @Option(
        parsing: .upToNextOption,
        help: "Measure only these figures (show, find, links, path, search, completion, process); default all.")
    var only: [String] = []

    @Option(help: "Also print each command's N slowest inputs (to find what its p99 is made of).")
    var slowest: Int = 0

    /// Whether the figure `name` (its first word: "find prefix" is `find`) is to be measured.
    private func wants(_ name: String) -> Bool {
        only.isEmpty || only.contains(String(name.prefix { $0 != " " }))
    }

    func run() throws {
        let path = try GraphBenchmark.prepare(options: options)
        let printer = options.printer
        let count = options.quick ? min(samples, 40) : samples
        let knowledgeBase = try KnowledgeBase.open(path: path, author: "concord-bench")
        let workload = try LatencyWorkload(knowledgeBase: knowledgeBase, seed: options.seed, count: count)
        printer.note("latency: \(count) inputs per command on \(path); \(workload.pairs.count) connected pairs")
        let runner = PromptRunner(knowledgeBase: knowledgeBase, path: path)
        let baselines = CoreLookups(knowledgeBase: knowledgeBase)
        try measurePrompt(workload, runner: runner, baselines: baselines, printer: printer)
        if wants("completion") {
            for figure in try completionFigures(workload, knowledgeBase: knowledgeBase, baselines: baselines) { printer.print(figure) }
        }
        if runner.failures > 0 { printer.note("\(runner.failures) commands failed: \(runner.lastError)") }
        try knowledgeBase.close()
        guard wants("process") else { return }
        try ProcessLatency(path: path, options: options, count: options.quick ? min(processes, 5) : processes)
            .measure(workload.targets)
    }

    static let promptTarget = 0.010
    static let searchTarget = 0.020
    static let completionTarget = 0.005

    /// Prints each command's figure as soon as it is measured (a slow command must not hide the others).
    private func measurePrompt(_ workload: LatencyWorkload, runner: PromptRunner, baselines: CoreLookups, printer: FigurePrinter) throws {
        typealias Case = (name: String, lines: [String], baseline: String, lookups: [() throws -> Void], target: Double)
        let targets = workload.targets
        let cases: [Case] = [
            ("show", targets.map { "show \(quoted($0.name))" }, "alias lookup",
             targets.map { target in { try baselines.alias(target.name) } }, Self.promptTarget),
            ("find prefix", workload.prefixes.map { "find \(quoted($0))" }, "name range scan",
             workload.prefixes.map { prefix in { try baselines.prefix(prefix) } }, Self.promptTarget),
            ("find fuzzy", workload.misspellings.map { "find \(quoted($0))" }, "alias lookup",
             workload.misspellings.map { name in { try baselines.alias(name) } }, Self.promptTarget),
            ("links --depth 2", targets.map { "links \(quoted($0.id)) --depth 2" }, "one-hop relation lookup",
             targets.map { target in { try baselines.neighbours(target.id) } }, Self.promptTarget),
            ("path", workload.pairs.map { "path \(quoted($0.0.id)) \(quoted($0.1.id))" }, "one-hop relation lookup",
             workload.pairs.map { pair in { try baselines.neighbours(pair.0.id) } }, Self.promptTarget),
            ("search", workload.searches.map { "search \($0)" }, "FTS5 MATCH LIMIT 10",
             workload.searches.map { words in { try baselines.match(words) } }, Self.searchTarget),
        ]
        for item in cases where wants(item.name) {
            var measured = SampleRecorder(), baseline = SampleRecorder()
            for (line, lookup) in zip(item.lines, item.lookups) {
                try baseline.measure(lookup)
                measured.measure { runner.run(line) }
            }
            printer.print(.latency(
                item.name, measured.summary, baseline: baseline.summary, baselineName: item.baseline, target: item.target))
            for (duration, line) in zip(measured.samples, item.lines).sorted(by: { $0.0 > $1.0 }).prefix(slowest) {
                printer.note("slow: \(line) \(String(format: "%.2f ms", duration.seconds * 1000))")
            }
        }
    }

    /// Tab after 1-3 letters of a name's last word (most lines are filled by names that start so),
    /// and after 4-6 letters of it (fewer names start so: the lookup by a later word of a name runs).
    private func completionFigures(_ workload: LatencyWorkload, knowledgeBase: KnowledgeBase, baselines: CoreLookups) throws -> [Figure] {
        [try completionFigure("Tab completion (1-3 letters)", workload.completionPrefixes, knowledgeBase: knowledgeBase, baselines: baselines),
         try completionFigure("Tab completion (a later word, 4-6 letters)", workload.prefixes, knowledgeBase: knowledgeBase, baselines: baselines)]
    }

    private func completionFigure(
        _ name: String, _ prefixes: [String], knowledgeBase: KnowledgeBase, baselines: CoreLookups
    ) throws -> Figure {
        let provider = CompletionProvider(knowledgeBase: knowledgeBase)
        var measured = SampleRecorder(), baseline = SampleRecorder()
        var candidates = 0
        for prefix in prefixes {
            let line = "show " + prefix
            try baseline.measure { try baselines.completion(prefix) }
            let completion = measured.measure { provider.complete(line: line, cursor: line.count) }
            candidates += completion.candidates.count
        }
        return .latency(
            name, measured.summary, baseline: baseline.summary, baselineName: "name LIKE prefix LIMIT 50",
            target: Self.completionTarget,
            note: "\(candidates / max(prefixes.count, 1)) candidates on average")
    }
}

/// Runs REPL lines as the prompt does, on an already open knowledge base, rendering
/// into consoles that throw the text away (errors are counted).
final class PromptRunner {
    let dispatcher: CommandDispatcher
    private(set) var failures = 0
    private(set) var lastError = ""
    private let errorText = ErrorCollector()

    init(knowledgeBase: KnowledgeBase, path: String) {
        let discard = Console(isTerminal: false, usesColor: false, width: 100, sink: { _ in })
        let collector = errorText
        let errors = Console(isTerminal: false, usesColor: false, width: 100, sink: { collector.last = $0 })
        let context = CommandContext(
            output: discard, errors: errors, selection: StoreSelection(db: path), isSession: true, knowledgeBase: knowledgeBase)
        dispatcher = CommandDispatcher(context: context)
    }

    func run(_ line: String) {
        if dispatcher.run(line) == .failed {
            failures += 1
            lastError = line + " → " + errorText.last
        }
    }
}

/// The last error line a console received.
final class ErrorCollector: @unchecked Sendable {
    var last = ""
}

/// The single indexed SQL lookup at the core of each command: the baselines.
struct CoreLookups {
    let knowledgeBase: KnowledgeBase

    func alias(_ name: String) throws {
        _ = try knowledgeBase.read { db in
            try String.fetchAll(db, sql: "SELECT entity_id FROM aliases WHERE normalized_alias = ?", arguments: [NameNormalizer.normalize(name)])
        }
    }

    func prefix(_ prefix: String) throws {
        _ = try knowledgeBase.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM entities WHERE name LIKE ? LIMIT 20", arguments: [prefix + "%"])
        }
    }

    func neighbours(_ id: String) throws {
        _ = try knowledgeBase.read { db in
            try String.fetchAll(db, sql: """
                SELECT object_id FROM relations WHERE subject_id = ? UNION SELECT subject_id FROM relations WHERE object_id = ?
                """, arguments: [id, id])
        }
    }

    func match(_ words: String) throws {
        _ = try knowledgeBase.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM paragraph_search WHERE paragraph_search MATCH ? LIMIT 10", arguments: [words])
        }
    }

    func completion(_ prefix: String) throws {
        _ = try knowledgeBase.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM entities WHERE name LIKE ? LIMIT 50", arguments: [prefix + "%"])
        }
    }
}
