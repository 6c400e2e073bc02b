import Foundation

/// Compresses batches of bytes with a ``Deflater`` on a thread of its own, handing the compressed
/// bytes to a sink on that thread, so a writer encodes the next batch while this one compresses.
///
/// Exporting a changeset file spent ≈ 38% of its CPU in zlib on the one thread that also read the
/// change log and encoded records; on two cores the two halves now overlap. At most
/// ``queueCapacity`` batches wait, so memory stays bounded when compression is the slower half.
/// Batches are compressed in the order given. A failure (of zlib or of the sink) is thrown by
/// the next ``submit(_:finish:)`` or by ``waitUntilFinished()``; after it, nothing more is
/// compressed. Dropping the compressor without finishing stops its thread.
final class BackgroundDeflater {
    /// Batches allowed to wait for the compressor thread.
    static let queueCapacity = 4

    private let channel: Channel

    /// Starts a thread compressing with `deflater`; `sink` runs on that thread with each run of
    /// compressed bytes, in order.
    init(_ deflater: Deflater, sink: @escaping (ArraySlice<UInt8>) throws -> Void) {
        channel = Channel(deflater: deflater, sink: sink)
        let channel = self.channel
        let thread = Thread { channel.run() }
        thread.name = "concord.deflate"
        thread.start()
    }

    deinit { channel.cancel() }

    /// Queues `bytes` for compression (waiting while the queue is full); with `finish`, they
    /// are the last and end the stream. Throws the failure of an earlier batch, if any.
    func submit(_ bytes: [UInt8], finish: Bool) throws {
        try channel.submit(Batch(bytes: bytes, finish: finish))
    }

    /// Waits until the finishing batch is compressed and handed to the sink; throws the failure
    /// of any batch. Call it once, after submitting with `finish`.
    func waitUntilFinished() throws {
        try channel.waitUntilFinished()
    }

    private struct Batch {
        var bytes: [UInt8]
        var finish: Bool
    }

    /// The state the caller's thread and the compressor thread share, guarded by one condition.
    private final class Channel: @unchecked Sendable {
        private let condition = NSCondition()
        private let deflater: Deflater
        private let sink: (ArraySlice<UInt8>) throws -> Void
        private var waiting: [Batch] = []
        private var failure: (any Error)?
        /// Set once the finishing batch is done, a batch failed, or the owner went away.
        private var stopped = false
        private var cancelled = false

        init(deflater: Deflater, sink: @escaping (ArraySlice<UInt8>) throws -> Void) {
            self.deflater = deflater
            self.sink = sink
        }

        func submit(_ batch: Batch) throws {
            condition.lock()
            defer { condition.unlock() }
            while waiting.count >= BackgroundDeflater.queueCapacity && failure == nil && !stopped { condition.wait() }
            if let failure { throw failure }
            guard !stopped else { throw Deflater.Failure(reason: "the stream is already finished") }
            waiting.append(batch)
            condition.broadcast()
        }

        func waitUntilFinished() throws {
            condition.lock()
            defer { condition.unlock() }
            while !stopped { condition.wait() }
            if let failure { throw failure }
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }

        /// The compressor thread: takes batches in order until the finishing one, a failure or cancellation.
        func run() {
            while let batch = next() {
                do {
                    try deflater.compress(batch.bytes, finish: batch.finish, into: sink)
                    if batch.finish { stop(failure: nil) }
                } catch {
                    stop(failure: error)
                }
            }
        }

        private func next() -> Batch? {
            condition.lock()
            defer { condition.unlock() }
            while waiting.isEmpty && !stopped && !cancelled { condition.wait() }
            guard !stopped, !cancelled else { return nil }
            let batch = waiting.removeFirst()
            condition.broadcast()
            return batch
        }

        private func stop(failure: (any Error)?) {
            condition.lock()
            self.failure = failure
            stopped = true
            waiting.removeAll()
            condition.broadcast()
            condition.unlock()
        }
    }
}
