import ConcordBenchKit
import ConcordKit
import Foundation

/// The replicas the sync benchmark measures, made through Concord's real write path.
///
/// A shared baseline holds `entityCount` entities, each added with ``EntityEditor/add(kind:name:)``
/// and then adopted as the baseline (``SyncBaseline/adopt(_:)``, as the seed build is), so it
/// holds no documents (baseline "empty") and no change-log entries. Replica A then makes
/// `changeCount` changes, each one ``KnowledgeBase/write(_:_:)`` through the editing services:
/// 30% `add` (new entities: inserts), 45% `set` of summary, place or the attribute `role`,
/// 15% `alias`, 10% `tag` (field updates and annotation inserts) on baseline entities.
/// Replica B, offline at the same time, sets the same field as one in five of A's `set`s
/// (one change in ten of A's) to another value, so importing A's changes into B opens conflicts.
/// Both files are cached in the workspace by seed and size.
struct SyncBenchmarkWorkload {
    let baselinePath: URL
    let replicaA: URL
    let replicaB: URL
    let changeCount: Int
    let entityCount: Int
    /// How many of A's changes B edited concurrently (the same field, another value).
    let conflictingEdits: Int

    /// The workload for `changeCount` changes, generated (and cached) if needed.
    static func prepare(
        changeCount: Int, seed: UInt64, workspace: BenchWorkspace, printer: FigurePrinter
    ) throws -> SyncBenchmarkWorkload {
        let entityCount = max(1000, changeCount / 20)
        let baseline = workspace.path(for: "sync-baseline", seed: seed, size: entityCount, suffix: ".db")
        let replicaA = workspace.path(for: "sync-a", seed: seed, size: changeCount, suffix: ".db")
        let replicaB = workspace.path(for: "sync-b", seed: seed, size: changeCount, suffix: ".db")
        if !workspace.isComplete(baseline) {
            workspace.discard(baseline)
            let started = ContinuousClock.now
            try makeBaseline(at: baseline, entityCount: entityCount, seed: seed)
            try workspace.markComplete(baseline)
            printer.note("baseline of \(entityCount) entities built in \(ContinuousClock.now - started)")
        }
        let conflictsFile = URL(fileURLWithPath: replicaB.path + ".conflicts")
        if !workspace.isComplete(replicaA) || !workspace.isComplete(replicaB) {
            workspace.discard(replicaA)
            workspace.discard(replicaB)
            let started = ContinuousClock.now
            let conflicts = try makeReplicas(
                a: replicaA, b: replicaB, baseline: baseline, changeCount: changeCount, entityCount: entityCount,
                seed: seed, printer: printer)
            try Data(String(conflicts).utf8).write(to: conflictsFile)
            try workspace.markComplete(replicaA)
            try workspace.markComplete(replicaB)
            printer.note("replicas A (\(changeCount) changes) and B (\(conflicts) concurrent edits) made in \(ContinuousClock.now - started)")
        }
        let conflicts = (try? String(contentsOf: conflictsFile, encoding: .utf8)).flatMap { Int($0) } ?? 0
        return SyncBenchmarkWorkload(
            baselinePath: baseline, replicaA: replicaA, replicaB: replicaB, changeCount: changeCount,
            entityCount: entityCount, conflictingEdits: conflicts)
    }

    /// Baseline entity `index`'s id is read back from the database in insertion order.
    static func baselineEntityIDs(in knowledgeBase: KnowledgeBase) throws -> [String] {
        try knowledgeBase.read { db in try String.fetchAll(db, sql: "SELECT id FROM entities ORDER BY rowid") }
    }

    /// Opens a knowledge base to generate inputs in, without waiting for the disk at each commit
    /// (`synchronous = OFF` on the writer): generating is not what is measured, and a crash only
    /// loses a cache the next run regenerates. Measured runs open their copies normally.
    static func openForGenerating(_ path: URL, author: String) throws -> KnowledgeBase {
        let knowledgeBase = try KnowledgeBase.open(path: path.path, author: author)
        try knowledgeBase.database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
        return knowledgeBase
    }

    private static func makeBaseline(at path: URL, entityCount: Int, seed: UInt64) throws {
        let knowledgeBase = try openForGenerating(path, author: "baseline")
        var random = SeededGenerator(seed: seed).derived("sync-baseline")
        let editor = EntityEditor(knowledgeBase: knowledgeBase)
        for index in 0..<entityCount {
            let kind = random.pick(["person", "body", "state", "instrument"])
            _ = try editor.add(kind: kind, name: "Baseline \(kind) \(index) \(random.next() % 100_000)")
        }
        try SyncBaseline.adopt(knowledgeBase)
        try knowledgeBase.close()
    }

    /// Makes A's changes and B's concurrent edits; returns how many edits B made.
    private static func makeReplicas(
        a pathA: URL, b pathB: URL, baseline: URL, changeCount: Int, entityCount: Int, seed: UInt64,
        printer: FigurePrinter
    ) throws -> Int {
        for target in [pathA, pathB] { try FileManager.default.copyItem(at: baseline, to: target) }
        let a = try openForGenerating(pathA, author: "ana")
        let b = try openForGenerating(pathB, author: "bo")
        let ids = try baselineEntityIDs(in: a)
        var random = SeededGenerator(seed: seed).derived("sync-changes-\(changeCount)")
        var generator = ReplicaEditGenerator(entityIDs: ids)
        var concurrent = 0
        let started = ContinuousClock.now
        for index in 0..<changeCount {
            let edit = generator.next(using: &random)
            try edit.apply(to: a)
            if case .set = edit, random.chance(0.2) {
                try edit.concurrentVariant().apply(to: b)
                concurrent += 1
            }
            if (index + 1) % 50_000 == 0 {
                printer.note("  \(index + 1)/\(changeCount) changes made (\(ContinuousClock.now - started))")
            }
        }
        try a.close()
        try b.close()
        return concurrent
    }
}

/// One edit a benchmark replica makes through an editing service, as one change.
enum ReplicaEdit {
    case add(kind: String, name: String)
    case set(entity: String, field: String, value: String)
    case alias(entity: String, alias: String)
    case tag(entity: String, tag: String)

    /// Runs the edit through the service a user's command would use.
    func apply(to knowledgeBase: KnowledgeBase) throws {
        switch self {
        case let .add(kind, name): _ = try EntityEditor(knowledgeBase: knowledgeBase).add(kind: kind, name: name)
        case let .set(entity, field, value):
            _ = try EntityEditor(knowledgeBase: knowledgeBase).set(entity, field: field, value: value)
        case let .alias(entity, alias): _ = try EntityEditor(knowledgeBase: knowledgeBase).alias(entity, alias: alias)
        case let .tag(entity, tag): _ = try AnnotationStore(knowledgeBase: knowledgeBase).tag(entity, tag: tag)
        }
    }

    /// The same field set to another value (for the replica editing concurrently).
    func concurrentVariant() -> ReplicaEdit {
        guard case let .set(entity, field, value) = self else { return self }
        return .set(entity: entity, field: field, value: value + " (concurrent)")
    }
}

/// Draws a replica's edits: 30% add, 45% set, 15% alias, 10% tag, on the given entities.
struct ReplicaEditGenerator {
    let entityIDs: [String]
    private var counter = 0

    init(entityIDs: [String]) {
        self.entityIDs = entityIDs
    }

    mutating func next(using random: inout SeededGenerator) -> ReplicaEdit {
        counter += 1
        let draw = Double.random(in: 0..<1, using: &random)
        let entity = random.pick(entityIDs)
        let word = random.next() % 1_000_000
        switch draw {
        case ..<0.30:
            return .add(kind: random.pick(["person", "body", "state"]), name: "Added entity \(counter) \(word)")
        case ..<0.75:
            let field = random.pick(["summary", "place", "role"])
            return .set(entity: entity, field: field, value: "\(field) value \(counter) \(word)")
        case ..<0.90:
            return .alias(entity: entity, alias: "Alias \(counter) \(word)")
        default:
            return .tag(entity: entity, tag: "tag\(word % 500)")
        }
    }
}
