import ArgumentParser
import ConcordKit
import Foundation
import GRDB

/// `concord-bench sync`: export and import of N changes (mixed inserts and field updates,
/// one in ten conflicting), against one raw SQLite changeset of the same rows applied with
/// `sqlite3changeset_apply` in the same run; and the peak memory of `concord import` as a
/// child process. See ``SyncBenchmarkWorkload`` for how the changes are made.
struct SyncBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Export and import speed, file size and import memory of N changes.")

    @OptionGroup var options: BenchOptions

    @Option(help: "Comma-separated change counts to measure.")
    var changes: String = "100000,1000000"

    @Flag(help: "Skip the child-process `concord import` (peak memory).")
    var noChild = false

    func run() throws {
        let sizes = options.quick ? [2000] : changes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let workspace = try options.openWorkspace()
        for size in sizes {
            try SyncBenchmarkRun(size: size, options: options, workspace: workspace, childImport: !noChild).run()
        }
    }
}

/// One measurement of the sync benchmark at one size.
struct SyncBenchmarkRun {
    let size: Int
    let options: BenchOptions
    let workspace: BenchWorkspace
    let childImport: Bool

    static let importTarget = 100_000.0
    static let exportTarget = 200_000.0

    func run() throws {
        let printer = options.printer
        printer.note("sync \(size): preparing replicas (load \(ProcessTimes.loadAverage()))")
        let workload = try SyncBenchmarkWorkload.prepare(
            changeCount: size, seed: options.seed, workspace: workspace, printer: printer)
        let scratch = try workspace.scratch("sync-\(size)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("a.concord").path

        let a = try KnowledgeBase.open(path: workload.replicaA.path, author: "ana")
        var exportTime = SampleRecorder()
        let exported = try exportTime.measure {
            try ChangesetExporter().export(to: file, selection: .everything, from: a)
        }
        let records = exported.header.recordCount
        let fileSize = Self.size(of: file)
        let raw = try SyncBenchmarkRawChangeset.combined(fromFile: file)

        let importCopy = try copy(workload.replicaB, to: scratch, name: "b-import.db")
        let b = try KnowledgeBase.open(path: importCopy, author: "bo")
        try SyncBenchmarkTrust.trust(everyKeyOf: a, in: b)
        printer.note("sync \(size): importing \(records) records (load \(ProcessTimes.loadAverage()))")
        var importTime = SampleRecorder()
        let cpuBefore = ProcessTimes.processCPUSeconds()
        let outcome = try importTime.measure { try ChangesetImporter().importFile(at: file, into: b) }
        let importCPU = ProcessTimes.processCPUSeconds() - cpuBefore
        let openConflicts = try b.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT 1 FROM sync_cells GROUP BY table_name, row_key, column_name
                HAVING count(DISTINCT quote(value)) > 1)
                """) ?? 0
        }
        try b.close()

        let rawCopy = try copy(workload.replicaB, to: scratch, name: "b-raw.db")
        // Opened once as Concord opens B, so the raw apply writes the same schema (indexes and the triggers
        // that keep the name index) as the import: a cached B made by an older build lacks later migrations.
        try KnowledgeBase.open(path: rawCopy, author: "bo").close()
        var rawTime = SampleRecorder()
        let rawCPUBefore = ProcessTimes.processCPUSeconds()
        let rawConflicts = try rawTime.measure { try SyncBenchmarkRawChangeset.apply(raw, toDatabaseAt: rawCopy) }
        let rawCPU = ProcessTimes.processCPUSeconds() - rawCPUBefore

        let label = "sync \(size)"
        let perSecond = Double(records) / importTime.summary.median
        let rawPerSecond = Double(records) / rawTime.summary.median
        let exportPerSecond = Double(records) / exportTime.summary.median
        printer.print(.latency("\(label) export", exportTime.summary, note: "\(records) records"))
        printer.print(rate("\(label) export changes/s", exportPerSecond, target: Self.exportTarget))
        printer.print(.latency(
            "\(label) import", importTime.summary, baseline: rawTime.summary, baselineName: "raw changeset_apply",
            target: nil, note: "applied \(outcome.applied), \(openConflicts) open conflicts; raw handler saw \(rawConflicts)"))
        printer.print(rate("\(label) import changes/s", perSecond, target: Self.importTarget, baseline: rawPerSecond))
        printer.print(Figure(
            name: "\(label) import changes/CPU-s", unit: .count, value: Double(records) / importCPU, count: 1,
            baseline: Double(records) / rawCPU, baselineName: "raw",
            note: String(format: "CPU %.2f s vs raw %.2f s: robust to the machine's load", importCPU, rawCPU)))
        printer.print(Figure(
            name: "\(label) import / raw time", unit: .count, value: importTime.summary.median / rawTime.summary.median,
            count: 1, note: ratioNote(importTime.summary.median / rawTime.summary.median, limit: 3)))
        printer.print(Figure(name: "\(label) file bytes", unit: .count, value: Double(fileSize), count: 1, baseline: Double(raw.count), baselineName: "raw changeset"))
        printer.print(Figure(
            name: "\(label) file bytes/change", unit: .count, value: Double(fileSize) / Double(max(records, 1)), count: 1,
            baseline: Double(raw.count) / Double(max(records, 1)), baselineName: "raw",
            note: ratioNote(Double(fileSize) / Double(max(raw.count, 1)), limit: 1.5)))
        if childImport { try measureChildImport(file: file, from: a, workload: workload, scratch: scratch, records: records) }
        try a.close()
    }

    /// Runs `concord import` (the binary beside this one) on a fresh copy of B and reports its peak memory.
    private func measureChildImport(
        file: String, from a: KnowledgeBase, workload: SyncBenchmarkWorkload, scratch: URL, records: Int
    ) throws {
        let concord = Self.siblingExecutable("concord")
        guard FileManager.default.isExecutableFile(atPath: concord) else {
            options.printer.note("no concord binary at \(concord): build it with swift build -c release --product concord")
            return
        }
        let copyPath = try copy(workload.replicaB, to: scratch, name: "b-child.db")
        let prepared = try KnowledgeBase.open(path: copyPath, author: "bo")
        try SyncBenchmarkTrust.trust(everyKeyOf: a, in: prepared)
        try prepared.close()
        let started = ContinuousClock.now
        let result = try ChildProcess.run([concord, "import", "--db", copyPath, file], capture: true, measuresPeakMemory: true)
        let elapsed = (ContinuousClock.now - started).seconds
        guard result.status == 0 else {
            options.printer.note("concord import failed: \(String(decoding: result.errors, as: UTF8.self))")
            return
        }
        let megabytes = Double(result.peakResidentBytes) / 1_048_576
        options.printer.print(Figure(
            name: "sync \(size) concord import peak RSS", unit: .bytes, value: Double(result.peakResidentBytes), count: 1,
            note: String(format: "child process, %.2f s, %.0f changes/s; target < 300 MB %@", elapsed, Double(records) / elapsed,
                         megabytes < 300 ? "met" : "MISSED")))
    }

    private func rate(_ name: String, _ value: Double, target: Double, baseline: Double? = nil) -> Figure {
        Figure(
            name: name, unit: .count, value: value, count: 1, baseline: baseline,
            baselineName: baseline == nil ? nil : "raw", note: "target ≥ \(Int(target)) \(value >= target ? "met" : "MISSED")")
    }

    private func ratioNote(_ ratio: Double, limit: Double) -> String {
        String(format: "%.2f× raw; target ≤ %.1f× %@", ratio, limit, ratio <= limit ? "met" : "MISSED")
    }

    private func copy(_ source: URL, to folder: URL, name: String) throws -> String {
        let target = folder.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: source, to: target)
        return target.path
    }

    static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
    }

    /// The path of another executable built beside this one (same build configuration).
    static func siblingExecutable(_ name: String) -> String {
        let own = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return own.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name).path
    }
}
