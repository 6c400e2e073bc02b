import Foundation
import GRDB

/// Ingests many documents with reading and extraction on worker threads while one
/// writer stores them, in the order given.
///
/// Reading and extracting a document needs nothing but its text, so workers prepare the
/// next documents while the writer stores the current ones. The writer alone touches the
/// database, in input order: entities are inserted in the same order as by one
/// ``Ingestor/ingest(text:sourceName:into:)`` call per document, so the knowledge base ends
/// up the same, row for row. Workers stay at most ``window`` documents ahead of the writer,
/// which bounds memory.
///
/// The writer stores the documents that are ready in one transaction (group commit), each
/// captured as its own change, exactly as its own transaction would be: committing (the WAL
/// write, its fsync and checkpoints) cost more than storing a typical document. A batch
/// commits once it holds ``batchDocuments`` documents or ``batchCharacters`` characters of
/// text, or when the next document is not ready within ``batchWait``, so a few files commit
/// at once; each outcome is reported once its document is committed.
struct IngestPipeline: Sendable {
    var ingestor: Ingestor
    /// Threads preparing documents (the writer is one more).
    var workers: Int
    /// How many documents may wait prepared ahead of the writer.
    var window: Int
    /// Most documents stored in one transaction.
    var batchDocuments = 64
    /// Most characters of document text stored in one transaction (a batch may pass it by one document).
    var batchCharacters = 4_000_000
    /// The writer's page cache while the pipeline runs, in KiB: a batch's pages that do not
    /// fit are written to the WAL before commit, and read back, mid-transaction.
    var batchCacheKibibytes = BulkWritePageCache.kibibytes
    /// How long an open batch waits for the next document before committing.
    var batchWait: Duration = .zero

    init(ingestor: Ingestor, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.ingestor = ingestor
        self.workers = max(1, workers)
        window = 4 * self.workers
    }

    /// Prepares `count` documents with `prepare` (any thread, any order) and stores them in
    /// order on the calling thread, handing each outcome to `each` once it is committed. The
    /// first error (from preparing or storing, in document order) stops the run after the
    /// documents before it; they stay stored (and are handed to `each`) even when they
    /// shared a transaction with the failing one.
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
        let settings = try IngestWriterSettings.apply(cacheKibibytes: batchCacheKibibytes, to: knowledgeBase.database)
        defer { settings.restore(knowledgeBase.database) }
        var next = 0
        while next < count {
            let first = try slots.take(next).get()
            let batch = try storeBatch(startingWith: first, at: next, count: count, from: slots, into: knowledgeBase)
            next += batch.outcomes.count
            for outcome in batch.outcomes { try each(outcome) }
            if let failure = batch.failure { throw failure }
        }
    }

    /// Stores `first` (document `index`) and the documents after it that are ready, up to a
    /// batch, in one transaction. A document that cannot be stored rolls the transaction
    /// back; the documents before it are then stored again in one of their own (the same
    /// rows: they succeeded on the same state), so it fails after them, as alone. This costs
    /// less than a savepoint per document, whose journal of changed pages spills to a
    /// temporary file past 64 KiB (https://www.sqlite.org/tempfiles.html#stmtjrnl).
    private func storeBatch(
        startingWith first: PreparedDocument, at index: Int, count: Int, from slots: PreparedSlots,
        into knowledgeBase: KnowledgeBase
    ) throws -> (outcomes: [Ingestor.Outcome], failure: (any Error)?) {
        var batch: [PreparedDocument] = []
        var outcomes: [Ingestor.Outcome] = []
        var failure: (any Error)?
        do {
            try knowledgeBase.database.write { db in
                // find's name index is brought up to date once, before the batch commits.
                try NameSearchMaintenance.deferring(in: db) {
                    let deadline = ContinuousClock.now + batchWait
                    var characters = 0
                    var prepared = first
                    while true {
                        batch.append(prepared)
                        outcomes.append(try ingestor.store(prepared, in: db, by: knowledgeBase))
                        characters += prepared.content?.document.characterCount ?? 0
                        let next = index + batch.count
                        guard next < count, batch.count < batchDocuments, characters < batchCharacters,
                              let result = slots.take(next, before: deadline) else { return }
                        do { prepared = try result.get() } catch {
                            // Not read: the run stops after the documents stored so far, which commit.
                            failure = error
                            return
                        }
                    }
                }
            }
        } catch {
            guard outcomes.count < batch.count else { throw error }  // the commit failed: nothing is stored
            failure = error
            let before = batch.prefix(outcomes.count)
            outcomes = []
            if !before.isEmpty {
                outcomes = try knowledgeBase.database.write { db in
                    try NameSearchMaintenance.deferring(in: db) { try before.map { try ingestor.store($0, in: db, by: knowledgeBase) } }
                }
            }
        }
        return (outcomes, failure)
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
        // Without a deadline the wait ends only when the document is there.
        take(index, waitingUntil: nil)!
    }

    /// The prepared document at `index` if it is ready by `deadline`, else `nil`.
    func take(_ index: Int, before deadline: ContinuousClock.Instant) -> Result<PreparedDocument, any Error>? {
        take(index, waitingUntil: deadline)
    }

    private func take(_ index: Int, waitingUntil deadline: ContinuousClock.Instant?) -> Result<PreparedDocument, any Error>? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result = ready.removeValue(forKey: index) {
                nextToTake = index + 1
                condition.broadcast()
                return result
            }
            guard let deadline else {
                condition.wait()
                continue
            }
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return nil }
            let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18
            _ = condition.wait(until: Date(timeIntervalSinceNow: seconds))
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
