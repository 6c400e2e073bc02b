import Foundation
import GRDB

/// The identity of this copy of the knowledge base, and of the person using it.
public enum ReplicaIdentity {
    /// Reads this replica's id from `replica_settings`, making a random one the first time.
    static func loadOrCreate(_ db: Database) throws -> String {
        if let existing = try String.fetchOne(db, sql: "SELECT value FROM replica_settings WHERE key = 'replica_id'") {
            return existing
        }
        let id = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try db.execute(
            sql: "INSERT INTO replica_settings (key, value) VALUES ('replica_id', ?), ('created_at', ?)",
            arguments: [id, Timestamp.now()])
        return id
    }

    /// The author name: the explicit option, else `CONCORD_AUTHOR`, else the login name.
    public static func author(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let fromEnvironment = environment["CONCORD_AUTHOR"], !fromEnvironment.isEmpty { return fromEnvironment }
        if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty { return user }
        return NSUserName().isEmpty ? "unknown" : NSUserName()
    }
}
