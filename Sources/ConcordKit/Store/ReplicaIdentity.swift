import Foundation
import GRDB

/// The identity of this copy of the knowledge base, and of the person using it.
public enum ReplicaIdentity {
    /// Reads this replica's id from `replica_settings`; the first time, stores the id derived from
    /// `newKey` (see ``ReplicaKeyBinding``). `created` is `true` when the id was made now.
    static func loadOrCreate(_ db: Database, newKey: ReplicaSigningKey) throws -> (id: String, created: Bool) {
        if let existing = try String.fetchOne(db, sql: "SELECT value FROM replica_settings WHERE key = 'replica_id'") {
            return (existing, false)
        }
        let id = ReplicaKeyBinding.derivedReplicaID(for: newKey.publicKey)
        try db.execute(
            sql: "INSERT INTO replica_settings (key, value) VALUES ('replica_id', ?), ('created_at', ?)",
            arguments: [id, Timestamp.now()])
        return (id, true)
    }

    /// The author name: the explicit option, else `CONCORD_AUTHOR`, else the login name.
    public static func author(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let fromEnvironment = environment["CONCORD_AUTHOR"], !fromEnvironment.isEmpty { return fromEnvironment }
        if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty { return user }
        return NSUserName().isEmpty ? "unknown" : NSUserName()
    }
}
