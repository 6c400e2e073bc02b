import Foundation

/// Ingests many documents with reading and extraction on worker threads while one
/// writer stores them, in the order given.
///
/// Reading and extracting a document needs nothing but its text, so workers prepare the
/// next documents while the writer stores the current one. The writer alone touches the
/// database, one transaction per document, in input order: entities are inserted in the
/// same order as by one ``Ingestor/ingest(text:sourceName:into:)`` call per document, so
/// the knowledge base ends up the same, row for row. Workers stay at most ``window``
/// documents ahead of the writer, which bounds memory.
struct IngestPipeline: Sendable {
    var ingestor: Ingestor
    /// Threads preparing documents (the writer is one more).
    var workers: Int
    /// How many documents may wait prepared ahead of the writer.
    var window: Int

    init(ingestor: Ingestor, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.ingestor = ingestor
        self.workers = max(1, workers)
        window = 4 * self.workers
    }

    /// Prepares `count` documents with `prepare` (any thread, any order) and stores them in
    /// order on the calling thread, handing each outcome to `each`. The first error (from
    /// preparing or storing, in document order) stops the run after the documents before it.
    func run(
        count: Int, into knowledgeBase: KnowledgeBase,
        prepare: @escaping @Sendable (Int) throws -> PreparedDocument,
        each: (Ingestor.Outcome) throws -> Void
    ) throws {
        let slots = PreparedSlots(count: count, window: window)
        let finished = DispatchGroup()
        for _ in 0..<min(workers, count) {
            finished.enter()
            let thread = Thread {
                while let index = slots.claim() { slots.deliver(index, Result { try prepare(index) }) }
                finished.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        defer {
            slots.cancel()
            finished.wait()
        }
        for index in 0..<count {
            let prepared = try slots.take(index).get()
            try each(try ingestor.store(prepared, into: knowledgeBase))
        }
    }
}

/// Prepared documents handed from the workers to the writer, by position.
private final class PreparedSlots: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Int: Result<PreparedDocument, any Error>] = [:]
    private var nextToClaim = 0
    private var nextToTake = 0
    private var cancelled = false
    private let count: Int
    private let window: Int

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// The next position to prepare, once it is within the window; `nil` when there is none left.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled, nextToClaim < count, nextToClaim >= nextToTake + window { condition.wait() }
        guard !cancelled, nextToClaim < count else { return nil }
        nextToClaim += 1
        return nextToClaim - 1
    }

    func deliver(_ index: Int, _ result: Result<PreparedDocument, any Error>) {
        condition.lock()
        ready[index] = result
        condition.broadcast()
        condition.unlock()
    }

    /// The prepared document at `index`, waiting for it.
    func take(_ index: Int) -> Result<PreparedDocument, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result = ready.removeValue(forKey: index) {
                nextToTake = index + 1
                condition.broadcast()
                return result
            }
            condition.wait()
        }
    }

    /// Stops handing out positions (workers finish the document they hold).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
