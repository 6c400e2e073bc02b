import CSQLiteSession
import Foundation
import GRDB

/// Captures a local write with SQLite's session extension and records it as this
/// replica's next change.
///
/// ``KnowledgeBase/write(_:_:)`` runs every write through ``capture(_:by:in:_:)``:
/// a session attached to the synced tables by name (never the FTS tables) watches the
/// updates; their changeset, if not empty, becomes a ``ChangeRecord`` (next sequence,
/// a hybrid-logical-clock tick, the author, the version vector as dependencies), chained to the
/// replica's previous change and chain-signed with this replica's key (see ``ChangeChain``), appended to the change log with its field
/// versions — all in the caller's transaction.
/// https://www.sqlite.org/sessionintro.html
public enum ChangeCapture {
    /// Runs `updates` under a session and records what they changed.
    static func capture<T>(
        _ summary: String, by knowledgeBase: KnowledgeBase, in db: Database, _ updates: (Database) throws -> T
    ) throws -> T {
        guard let connection = db.sqliteConnection else { return try updates(db) }
        var session: OpaquePointer?
        let created = sqlite3session_create(connection, "main", &session)
        guard created == SQLITE_OK, let session else { throw SyncError.sessionUnavailable(code: created) }
        var sessionIsOpen = true
        defer { if sessionIsOpen { sqlite3session_delete(session) } }
        for table in SyncedTable.names {
            let attached = sqlite3session_attach(session, table)
            guard attached == SQLITE_OK else { throw SyncError.sessionUnavailable(code: attached) }
        }
        let touches = TouchRegistry.shared
        touches.begin(connection)
        defer { touches.end(connection) }
        let result = try updates(db)
        var size: Int32 = 0
        var bytes: UnsafeMutableRawPointer?
        let taken = sqlite3session_changeset(session, &size, &bytes)
        guard taken == SQLITE_OK else { throw SyncError.sessionUnavailable(code: taken) }
        var changeset = bytes.map { Data(bytes: $0, count: Int(size)) } ?? Data()
        sqlite3_free(bytes)
        // Delete the session before recording, so nothing the engine writes next is captured.
        sqlite3session_delete(session)
        sessionIsOpen = false
        changeset = try touches.merged(into: changeset, for: connection)
        if !changeset.isEmpty {
            try recordLocalChange(changeset, summary: summary, by: knowledgeBase, in: db)
        }
        return result
    }

    /// Records a field write even if it leaves the value as it was (a resolution keeping the shown value):
    /// call inside a ``KnowledgeBase/write(_:_:)`` block. `change` is an UPDATE with old and new value equal.
    public static func recordEvenIfUnchanged(_ change: ChangesetChange, in db: Database) {
        guard let connection = db.sqliteConnection else { return }
        TouchRegistry.shared.add(change, for: connection)
    }

    /// Appends `changeset` as this replica's next change and records its field versions.
    static func recordLocalChange(
        _ changeset: Data, summary: String, by knowledgeBase: KnowledgeBase, in db: Database
    ) throws {
        let log = ChangeLog()
        var dependencies = try log.versionVector(in: db)
        let sequence = (dependencies.removeValue(forKey: knowledgeBase.replicaID) ?? 0) + 1
        let timestamp = HybridLogicalClock.tick(after: try SyncState.clock(in: db))
        try SyncState.setClock(timestamp, in: db)
        var record = ChangeRecord(
            replicaID: knowledgeBase.replicaID, sequence: sequence, timestamp: timestamp, author: knowledgeBase.author,
            summary: summary, dependencies: dependencies, changeset: changeset)
        // Signed at capture, so every change of this replica can end a signed run in a file (export only reads).
        let chainHash = try ChangeChain.hash(of: record, after: try log.chainHash(before: record, in: db))
        record.chainHash = chainHash
        record.chainSignature = try ChangeChain.sign(
            replicaID: record.replicaID, sequence: sequence, chainHash: chainHash, with: knowledgeBase.signingKey)
        // A change every peer would refuse would also hold back every later change of this replica: refuse it here.
        do {
            try IncomingChangeValidator.shared(in: db).checkRows(of: record, local: true)
        } catch let error as IncomingChangeError {
            throw SyncError.changePeersWouldRefuse(reason: error.reason)
        }
        try ChangeApplier(
            db: db, replicaID: record.replicaID, sequence: sequence, timestamp: timestamp, dependencies: dependencies,
            isLocal: true
        ).apply(changeset)
        try log.append(record, in: db)
    }
}

/// Field writes registered during a write that the session would not see.
final class TouchRegistry: @unchecked Sendable {
    static let shared = TouchRegistry()
    private let lock = NSLock()
    private var touches: [OpaquePointer: [ChangesetChange]] = [:]

    func begin(_ connection: OpaquePointer) { lock.lock(); touches[connection] = []; lock.unlock() }
    func end(_ connection: OpaquePointer) { lock.lock(); touches[connection] = nil; lock.unlock() }
    func add(_ change: ChangesetChange, for connection: OpaquePointer) {
        lock.lock()
        touches[connection]?.append(change)
        lock.unlock()
    }

    /// `changeset` plus the registered writes to rows it does not already change.
    func merged(into changeset: Data, for connection: OpaquePointer) throws -> Data {
        lock.lock()
        let registered = touches[connection] ?? []
        lock.unlock()
        if registered.isEmpty { return changeset }
        let captured = Set(try ChangesetIterator.changes(in: changeset).map { [$0.table] + $0.primaryKey.map(\.description) })
        var encoder = ChangesetEncoder()
        var appended = false
        for change in registered.sorted(by: { $0.table < $1.table })
        where !captured.contains([change.table] + change.primaryKey.map(\.description)) {
            encoder.append(change)
            appended = true
        }
        if !appended { return changeset }
        return changeset + encoder.changeset
    }
}
