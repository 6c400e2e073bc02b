import Foundation
import GRDB

/// What happened to a change handed to ``ChangeIntegrator/integrate(_:in:)``.
public enum IntegrationOutcome: String, Sendable, Hashable {
    /// Applied now (and perhaps waiting changes after it).
    case applied
    /// Already applied, or already waiting: nothing to do (re-import is idempotent).
    case alreadyPresent
    /// Kept in `sync_pending` until the changes it depends on arrive.
    case waiting
}

/// A received change that waits for changes it depends on.
public struct PendingChange: Sendable, Hashable {
    public var replicaID: String
    public var sequence: Int64
    public var author: String
    public var summary: String
    /// The changes still missing, as (replica, highest sequence needed).
    public var missing: [String: Int64]
}

/// Integrates changes from other replicas: in causal order, merged field by field,
/// never re-captured as local changes.
///
/// Call ``integrate(_:in:)`` any number of times inside one transaction
/// (`knowledgeBase.database.write { db in … }`). A change whose dependencies are not all
/// applied waits in `sync_pending` and is applied as soon as they are. Because every
/// replica merges the same set of changes into the same per-field heads (a multi-value
/// register per field), the result does not depend on the order changes arrive in.
public struct ChangeIntegrator: Sendable {
    /// This replica's id (changes under it must be ones this replica made).
    public let localReplicaID: String
    /// What this integrator knows of the transaction it runs in (see ``IntegrationCache``).
    private let cache = IntegrationCache()

    public init(localReplicaID: String) {
        self.localReplicaID = localReplicaID
    }

    public init(knowledgeBase: KnowledgeBase) {
        self.localReplicaID = knowledgeBase.replicaID
    }

    /// Applies `record` if its dependencies are present (then any waiting change it unblocks), else keeps it waiting.
    @discardableResult
    public func integrate(_ record: ChangeRecord, in db: Database) throws -> IntegrationOutcome {
        let state = try transactionState(in: db)
        if (state.vector[record.replicaID] ?? 0) >= record.sequence {
            if record.replicaID == localReplicaID,
                try ChangeLog().record(replica: record.replicaID, sequence: record.sequence, in: db)?.changeset != record.changeset
            {
                throw SyncError.replicaIDCollision(replica: record.replicaID, sequence: record.sequence)
            }
            return .alreadyPresent
        }
        if record.replicaID == localReplicaID {
            throw SyncError.replicaIDCollision(replica: record.replicaID, sequence: record.sequence)
        }
        if state.hasPending, try isWaiting(record, in: db) { return .alreadyPresent }
        guard Self.missing(for: record, in: state.vector).isEmpty else {
            try keepWaiting(record, in: db)
            cache.update { $0.hasPending = true }
            return .waiting
        }
        if !state.foreignKeysDeferred {
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            cache.update { $0.foreignKeysDeferred = true }
        }
        try apply(record, in: db)
        if state.hasPending { try applyUnblocked(in: db) }
        return .applied
    }

    /// The changes waiting for others, with what each still misses.
    public func pending(in db: Database) throws -> [PendingChange] {
        let vector = try ChangeLog().versionVector(in: db)
        return try waitingRecords(in: db).map { record in
            PendingChange(
                replicaID: record.replicaID, sequence: record.sequence, author: record.author, summary: record.summary,
                missing: Self.missing(for: record, in: vector))
        }
    }

    /// The dependencies of `record` not yet covered by `vector` (its own replica's previous change included).
    static func missing(for record: ChangeRecord, in vector: [String: Int64]) -> [String: Int64] {
        var needed = record.dependencies
        needed[record.replicaID] = record.sequence - 1
        return needed.filter { replica, sequence in sequence > 0 && (vector[replica] ?? 0) < sequence }
    }

    private func apply(_ record: ChangeRecord, in db: Database) throws {
        try ChangeApplier(
            db: db, replicaID: record.replicaID, sequence: record.sequence, timestamp: record.timestamp,
            dependencies: record.dependencies, isLocal: false
        ).apply(record.changeset)
        let clock = HybridLogicalClock.receive(record.timestamp, after: try transactionState(in: db).clock)
        try SyncState.setClock(clock, in: db)
        try ChangeLog().append(record, in: db)
        cache.update { state in
            state.clock = clock
            state.vector[record.replicaID] = max(state.vector[record.replicaID] ?? 0, record.sequence)
        }
    }

    /// Applies waiting changes whose dependencies are now all present, until none is left ready.
    private func applyUnblocked(in db: Database) throws {
        var progressed = true
        while progressed {
            progressed = false
            let vector = try transactionState(in: db).vector
            for record in try waitingRecords(in: db) where Self.missing(for: record, in: vector).isEmpty {
                try apply(record, in: db)
                try db.cachedStatement(sql: "DELETE FROM sync_pending WHERE replica_id = ? AND sequence = ?")
                    .execute(arguments: [record.replicaID, record.sequence])
                progressed = true
            }
        }
        let left = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM sync_pending)")) ?? false
        cache.update { $0.hasPending = left }
    }

    /// The version vector, clock and pending flag as of now: read once per transaction, then kept
    /// up to date in memory by this integrator (nothing else writes them inside an import's transaction).
    private func transactionState(in db: Database) throws -> IntegrationCache.State {
        if db.isInsideTransaction, let state = cache.state { return state }
        let state = IntegrationCache.State(
            vector: try ChangeLog().versionVector(in: db), clock: try SyncState.clock(in: db),
            hasPending: try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM sync_pending)")) ?? false,
            foreignKeysDeferred: false)
        if db.isInsideTransaction {
            cache.begin(state)
            let cache = self.cache
            db.afterNextTransaction(onCommit: { _ in cache.end() }, onRollback: { _ in cache.end() })
        }
        return state
    }

    private func isWaiting(_ record: ChangeRecord, in db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM sync_pending WHERE replica_id = ? AND sequence = ?)"),
            arguments: [record.replicaID, record.sequence]) ?? false
    }

    private func keepWaiting(_ record: ChangeRecord, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO sync_pending
                  (replica_id, sequence, timestamp, author, summary, dependencies, changeset, received_at, signature,
                   chain_signature)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                record.replicaID, record.sequence, Int64(bitPattern: record.timestamp), record.author, record.summary,
                try DependencyCoding.encode(record.dependencies), record.changeset, Timestamp.now(), record.signature,
                record.chainSignature,
            ])
    }

    private func waitingRecords(in db: Database) throws -> [ChangeRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM sync_pending ORDER BY replica_id, sequence").map(ChangeLog.record(from:))
    }
}
