import ArgumentParser
import ConcordBenchKit
import ConcordKit
import Foundation
import GRDB

/// `concord-bench ingest`: MB of raw text per second from files on disk to a finished graph.
///
/// Generates a corpus (cached in the workspace), then ingests every file into a fresh
/// knowledge base through ``Ingestor`` — the same path as `concord ingest` — timing the
/// whole run (read, extraction, paragraphs with their search index, entities, relations,
/// mentions, change capture). The baseline in the same run reads the same files with the
/// same reader and inserts the paragraphs into a plain table with an FTS5 index, without
/// extraction: what any ingest must at least do.
struct IngestBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest", abstract: "Ingest generated corpora (MB/s), against reading + plain FTS5 inserts.")

    @OptionGroup var options: BenchOptions

    @Option(name: .long, parsing: .upToNextOption, help: "Corpus sizes in documents (default 1000; --quick: 40).")
    var documents: [Int] = []

    @Option(name: .long, help: "Typical characters of paragraph text per generated document.")
    var documentSize: Int = 6_000

    @Flag(help: "Ingest one file at a time (Ingestor.ingest(file:)) instead of the pipeline `concord ingest` uses.")
    var sequential = false

    static let targetMegabytesPerSecond = 5.0
    static let targetReaderMegabytesPerSecond = 20.0

    func run() throws {
        let workspace = try options.openWorkspace()
        let sizes = documents.isEmpty ? [options.size(1_000, quick: 40)] : documents
        for size in sizes { try measure(documents: size, workspace: workspace) }
    }

    func measure(documents count: Int, workspace: BenchWorkspace) throws {
        let printer = options.printer
        let corpus = try prepareCorpus(count: count, workspace: workspace)
        let bytes = corpus.reduce(0) { $0 + $1.bytes }
        let megabytes = Double(bytes) / 1_000_000
        printer.note("ingest: \(count) documents, \(String(format: "%.1f", megabytes)) MB")

        let baseline = try baselineSeconds(corpus, workspace: workspace)
        let (readerSeconds, paragraphs) = try readerAlone(corpus)
        let ftsSeconds = try plainFTS5Seconds(paragraphs, workspace: workspace)
        printer.print(Figure(
            name: "reader alone \(count) docs (one core)", unit: .megabytesPerSecond, value: megabytes / readerSeconds, count: count,
            target: Self.targetReaderMegabytesPerSecond, note: "read and parse every file, no database"))
        let database = try workspace.scratch("ingest-\(count)").appendingPathComponent("ingest.db").path
        let knowledgeBase = try KnowledgeBase.open(path: database, author: "concord-bench")
        let ingestor = Ingestor()
        var perDocument = SampleRecorder()
        let clock = ContinuousClock()
        let cpuBefore = ProcessTimes.processCPUSeconds(), writerCPUBefore = ProcessTimes.threadCPUSeconds()
        let started = clock.now
        if sequential {
            for file in corpus {
                try perDocument.measure { _ = try ingestor.ingest(file: file.path, into: knowledgeBase) }
            }
        } else {
            // Pipelined, a document's own latency overlaps others': record the time between stored documents.
            var previous = clock.now
            var slices = WriterSlices(count: count)
            try ingestor.ingest(files: corpus.map(\.path), into: knowledgeBase) { _ in
                let now = clock.now
                perDocument.record(previous.duration(to: now))
                if previous.duration(to: now) > .microseconds(200) { slices.commits += 1 }
                previous = now
                slices.stored()
            }
            printer.note("writer CPU-s per slice of \(slices.size) documents (does storing slow down as the base grows?): "
                + slices.seconds.map { String(format: "%.2f", $0) }.joined(separator: " ")
                + " (≈ \(slices.commits) commits)")
        }
        let seconds = started.duration(to: clock.now).seconds
        let cpu = ProcessTimes.processCPUSeconds() - cpuBefore, writerCPU = ProcessTimes.threadCPUSeconds() - writerCPUBefore
        let mode = sequential ? "one file at a time" : "pipelined, \(ProcessInfo.processInfo.activeProcessorCount) cores"
        // Before counting: the counts scan whole tables through the read connection's memory map,
        // whose pages would then count as resident.
        let peak = PeakMemory.ofSelf
        let counts = try knowledgeBase.read { db in
            try ["entities", "relations", "mentions", "paragraphs"].map { "\($0) \(try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0)" }
        }
        try knowledgeBase.close()
        printer.print(Figure(
            name: "ingest \(count) docs (\(sequential ? "sequential" : "pipelined"))", unit: .megabytesPerSecond, value: megabytes / seconds, count: count,
            baseline: megabytes / baseline, baselineName: "read + plain FTS5 insert MB/s",
            target: Self.targetMegabytesPerSecond,
            note: String(format: "%.1f MB in %.1f s, ", megabytes, seconds) + mode
                + String(
                    format: "; the same paragraphs into a plain FTS5 table in one transaction: %.1f MB/s (ingest is %.2f× that)",
                    megabytes / ftsSeconds, ftsSeconds / seconds)
                + String(format: "; CPU %.1f s (%.2f MB/CPU-s), writer thread %.1f s; load %@; ", cpu, megabytes / cpu, writerCPU, ProcessTimes.loadAverage())
                + counts.joined(separator: ", ")
                + "; peak RSS \(PeakMemory.describe(peak))"))
        printer.print(.latency(
            sequential ? "ingest one document (\(count))" : "between stored documents (\(count))", perDocument.summary))
    }

    /// One corpus file.
    struct CorpusFile {
        var path: String
        var bytes: Int
    }

    /// The generated corpus of `count` documents, made once per seed and size.
    func prepareCorpus(count: Int, workspace: BenchWorkspace) throws -> [CorpusFile] {
        let directory = workspace.path(for: "corpus", seed: options.seed, size: count * 1_000_000 + documentSize)
        if !workspace.isComplete(directory) {
            workspace.discard(directory)
            try? FileManager.default.removeItem(at: directory)
            options.printer.note("generating \(count) documents in \(directory.path)")
            try CorpusGenerator(seed: options.seed, targetCharacters: documentSize).write(count: count, to: directory)
            try workspace.markComplete(directory)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let path = directory.appendingPathComponent(name).path
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            return CorpusFile(path: path, bytes: size)
        }
    }

    /// Seconds to read every file with the real reader and insert its paragraphs into a
    /// plain table indexed by FTS5 (same tokenizer as the knowledge base), one transaction per file.
    func baselineSeconds(_ corpus: [CorpusFile], workspace: BenchWorkspace) throws -> Double {
        let path = try workspace.scratch("ingest-baseline").appendingPathComponent("baseline.db").path
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: """
                PRAGMA journal_mode = WAL;
                CREATE TABLE paragraphs (id TEXT PRIMARY KEY, text TEXT NOT NULL);
                CREATE VIRTUAL TABLE paragraph_search USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
                """)
        }
        let reader = DocumentReader()
        let clock = ContinuousClock()
        let started = clock.now
        for file in corpus {
            let text = try Ingestor.text(ofFile: file.path)
            let parsed = reader.read(text: text, sourceName: file.path)
            try queue.write { db in
                let insert = try db.cachedStatement(sql: "INSERT INTO paragraphs (id, text) VALUES (?, ?)")
                let index = try db.cachedStatement(sql: "INSERT INTO paragraph_search (rowid, text) VALUES (last_insert_rowid(), ?)")
                for paragraph in parsed.paragraphs {
                    try insert.execute(arguments: ["\(file.path):\(paragraph.ordinal)", paragraph.text])
                    try index.execute(arguments: [paragraph.text])
                }
            }
        }
        let seconds = started.duration(to: clock.now).seconds
        try queue.close()
        return seconds
    }
}

extension IngestBenchmark {
    /// Seconds to read and parse every file on this thread alone, and the paragraphs read.
    func readerAlone(_ corpus: [CorpusFile]) throws -> (seconds: Double, paragraphs: [String]) {
        let reader = DocumentReader()
        let clock = ContinuousClock()
        let started = clock.now
        var paragraphs: [String] = []
        for file in corpus {
            paragraphs += reader.read(text: try Ingestor.text(ofFile: file.path), sourceName: file.path).paragraphs.map(\.text)
        }
        return (started.duration(to: clock.now).seconds, paragraphs)
    }

    /// Seconds to insert `paragraphs` into a plain FTS5 table (the knowledge base's tokenizer) in one transaction:
    /// the floor under any ingest that indexes its paragraphs for search.
    func plainFTS5Seconds(_ paragraphs: [String], workspace: BenchWorkspace) throws -> Double {
        let path = try workspace.scratch("ingest-fts5").appendingPathComponent("fts5.db").path
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: """
                PRAGMA journal_mode = WAL;
                CREATE VIRTUAL TABLE paragraph_search USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
                """)
        }
        let clock = ContinuousClock()
        let started = clock.now
        try queue.write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO paragraph_search (text) VALUES (?)")
            for paragraph in paragraphs { try insert.execute(arguments: [paragraph]) }
        }
        let seconds = started.duration(to: clock.now).seconds
        try queue.close()
        return seconds
    }
}

/// The writer thread's CPU time per slice of stored documents (the `each` callback runs on the writer),
/// so a run shows whether storing a document costs more as the knowledge base grows.
struct WriterSlices {
    let size: Int
    private(set) var seconds: [Double] = []
    /// Batches committed, about: outcomes arrive a batch at a time, so this counts gaps over 0.2 ms between them.
    var commits = 0
    private var storedCount = 0
    private var sliceStart = ProcessTimes.threadCPUSeconds()

    init(count: Int) { size = max(1, count / 10) }

    mutating func stored() {
        storedCount += 1
        guard storedCount % size == 0 else { return }
        let now = ProcessTimes.threadCPUSeconds()
        seconds.append(now - sliceStart)
        sliceStart = now
    }
}
