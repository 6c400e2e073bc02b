import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The SQLite work of the command running at the prompt, which Ctrl-C interrupts.
///
/// Whoever runs statements that may take long registers a way to interrupt them
/// (`sqlite3_interrupt` on a raw connection, GRDB's `interrupt()` on a pool) for as
/// long as they run. The prompt's SIGINT handler writes a byte to a pipe; the thread
/// started by ``watch(descriptor:)`` reads it and interrupts everything registered,
/// outside the signal handler. An interrupted statement fails with `SQLITE_INTERRUPT`
/// and its transaction rolls back, so nothing is half-written.
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/interrupt.html>.
public final class QueryInterruption: @unchecked Sendable {
    /// The error a command ends with when Ctrl-C stopped it.
    public struct Interrupted: LocalizedError, Equatable {
        public init() {}
        public var errorDescription: String? { "interrupted" }
    }

    public static let shared = QueryInterruption()

    private let lock = NSLock()
    private var targets: [Int: @Sendable () -> Void] = [:]
    private var nextToken = 0
    private var watchedDescriptor: Int32 = -1

    /// Runs `body` with `interrupt` registered: Ctrl-C meanwhile calls it.
    public func whileRunning<T>(interruptedBy interrupt: @escaping @Sendable () -> Void, _ body: () throws -> T) rethrows -> T {
        let token = register(interrupt)
        defer { unregister(token) }
        return try body()
    }

    func register(_ interrupt: @escaping @Sendable () -> Void) -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextToken += 1
        targets[nextToken] = interrupt
        return nextToken
    }

    /// Removes a registration; waits if an interruption is calling it right now, so a
    /// connection can be closed safely once this returns.
    func unregister(_ token: Int) {
        lock.lock()
        targets[token] = nil
        lock.unlock()
    }

    /// Interrupts everything registered.
    public func interruptAll() {
        lock.lock()
        defer { lock.unlock() }
        for interrupt in targets.values { interrupt() }
    }

    /// Starts (once) a thread that calls ``interruptAll()`` for every byte read from `descriptor`.
    public func watch(descriptor: Int32) {
        lock.lock()
        defer { lock.unlock() }
        guard descriptor >= 0, watchedDescriptor < 0 else { return }
        watchedDescriptor = descriptor
        let thread = Thread { [self] in
            // Ctrl-C must reach the thread reading the terminal (so libedit's read is interrupted), never this one.
            var signals = sigset_t()
            sigemptyset(&signals)
            sigaddset(&signals, SIGINT)
            sigaddset(&signals, SIGWINCH)
            pthread_sigmask(SIG_BLOCK, &signals, nil)
            var byte: UInt8 = 0
            while true {
                let count = read(descriptor, &byte, 1)
                if count == 1 { interruptAll(); continue }
                if count < 0 && errno == EINTR { continue }
                return
            }
        }
        thread.name = "concord-interrupt"
        thread.start()
    }
}
