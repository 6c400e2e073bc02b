import ArgumentParser
import ConcordBenchKit
import ConcordKit
import Foundation

/// `concord-bench convergence`: five replicas each make 20k changes offline (the same mix
/// as the sync benchmark, on one shared baseline of entities, so many fields overlap), then
/// run `sync` (``SyncFolder``) through one shared folder in turn, round after round, until
/// every replica shows the same content hash. Prints the total time and the rounds.
struct ConvergenceBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convergence", abstract: "Time for 5 replicas with 20k offline changes each to converge through sync.")

    @OptionGroup var options: BenchOptions

    @Option(help: "How many replicas.")
    var replicas = 5

    @Option(help: "Changes each replica makes offline.")
    var changesEach = 20_000

    func run() throws {
        let printer = options.printer
        let each = options.size(changesEach, quick: 500)
        let workspace = try options.openWorkspace()
        let entityCount = max(1000, each / 4)
        let prepared = try ConvergenceReplicas.prepare(
            replicas: replicas, changesEach: each, entityCount: entityCount, seed: options.seed, workspace: workspace,
            printer: printer)
        let scratch = try workspace.scratch("convergence")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var paths: [String] = []
        for (index, source) in prepared.enumerated() {
            let target = scratch.appendingPathComponent("replica-\(index).db")
            try FileManager.default.copyItem(at: source, to: target)
            paths.append(target.path)
        }
        let bases = try paths.map { try KnowledgeBase.open(path: $0, author: "replica") }
        for base in bases {
            for other in bases where other !== base { try SyncBenchmarkTrust.trust(everyKeyOf: other, in: base) }
        }
        let folder = scratch.appendingPathComponent("shared").path
        printer.note("convergence: \(replicas) replicas × \(each) changes, syncing (load \(ProcessTimes.loadAverage()))")
        var rounds = 0
        var perRound: [String] = []
        let started = ContinuousClock.now
        var hashes: Set<String> = []
        repeat {
            rounds += 1
            let roundStart = ContinuousClock.now
            for base in bases { _ = try SyncFolder().synchronize(folder: folder, knowledgeBase: base) }
            hashes = Set(try bases.map { base in try base.read { db in try ContentHash().digest(in: db) } })
            perRound.append(String(format: "%.1f s", (ContinuousClock.now - roundStart).seconds))
        } while hashes.count > 1 && rounds < 10
        let total = (ContinuousClock.now - started).seconds
        for base in bases { try base.close() }
        printer.print(Figure(
            name: "convergence \(replicas)×\(each) total", unit: .seconds, value: total, count: 1,
            note: "\(rounds) rounds (\(perRound.joined(separator: ", "))), hashes included; \(hashes.count == 1 ? "converged" : "NOT converged")"))
        printer.print(Figure(
            name: "convergence changes/s", unit: .count, value: Double(replicas * each) / total, count: 1,
            note: "all replicas' changes over the total time"))
    }
}

/// The offline replicas of the convergence benchmark, cached in the workspace.
enum ConvergenceReplicas {
    static func prepare(
        replicas: Int, changesEach: Int, entityCount: Int, seed: UInt64, workspace: BenchWorkspace, printer: FigurePrinter
    ) throws -> [URL] {
        let baseline = workspace.path(for: "convergence-baseline", seed: seed, size: entityCount, suffix: ".db")
        if !workspace.isComplete(baseline) {
            workspace.discard(baseline)
            let knowledgeBase = try SyncBenchmarkWorkload.openForGenerating(baseline, author: "baseline")
            var random = SeededGenerator(seed: seed).derived("convergence-baseline")
            let editor = EntityEditor(knowledgeBase: knowledgeBase)
            for index in 0..<entityCount {
                _ = try editor.add(kind: random.pick(["person", "body", "state"]), name: "Shared entity \(index)")
            }
            try SyncBaseline.adopt(knowledgeBase)
            try knowledgeBase.close()
            try workspace.markComplete(baseline)
        }
        var paths: [URL] = []
        for index in 0..<replicas {
            let path = workspace.path(for: "convergence-replica\(index)", seed: seed, size: changesEach, suffix: ".db")
            paths.append(path)
            if workspace.isComplete(path) { continue }
            workspace.discard(path)
            try FileManager.default.copyItem(at: baseline, to: path)
            let knowledgeBase = try SyncBenchmarkWorkload.openForGenerating(path, author: "replica\(index)")
            let ids = try SyncBenchmarkWorkload.baselineEntityIDs(in: knowledgeBase)
            var random = SeededGenerator(seed: seed).derived("convergence-\(index)")
            var generator = ReplicaEditGenerator(entityIDs: ids)
            let started = ContinuousClock.now
            for _ in 0..<changesEach { try generator.next(using: &random).apply(to: knowledgeBase) }
            try knowledgeBase.close()
            try workspace.markComplete(path)
            printer.note("convergence replica \(index): \(changesEach) changes made in \(ContinuousClock.now - started)")
        }
        return paths
    }
}
