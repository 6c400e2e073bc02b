import Foundation

/// What a ``ChangeIntegrator`` keeps in memory while it integrates the records of one
/// transaction: the version vector, the clock, whether any change waits, and whether
/// foreign keys are already deferred.
///
/// Reading these from the database for every record cost more than applying most
/// records. They are read once when the transaction's first record arrives and kept up
/// to date by the integrator itself, which is the only writer of them inside an import's
/// transaction; the cache is dropped when the transaction commits or rolls back, so the
/// next transaction reads them afresh (another process may have written in between).
/// Integration never runs inside a savepoint that is rolled back while its transaction
/// goes on; if that were ever needed, the cache would have to be dropped with it.
final class IntegrationCache: @unchecked Sendable {
    /// The cached facts.
    struct State {
        var vector: [String: Int64]
        var clock: UInt64
        var hasPending: Bool
        /// `PRAGMA defer_foreign_keys` lasts until the transaction ends; set once per transaction.
        var foreignKeysDeferred: Bool
    }

    private let lock = NSLock()
    private var current: State?

    /// The state of the running transaction, if it was read already.
    var state: State? {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Starts caching `state` for the running transaction.
    func begin(_ state: State) {
        lock.lock()
        current = state
        lock.unlock()
    }

    /// Changes the cached state, if there is one.
    func update(_ change: (inout State) -> Void) {
        lock.lock()
        if var state = current {
            change(&state)
            current = state
        }
        lock.unlock()
    }

    /// Forgets the state (the transaction ended).
    func end() {
        lock.lock()
        current = nil
        lock.unlock()
    }
}
