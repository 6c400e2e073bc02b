import Foundation
import GRDB

/// Gives a knowledge base whose key file is lost (or replaced by another replica's) a new key and
/// the new replica id derived from it (`concord key --reset`).
///
/// Changes made under the old id stay in the log with their old signatures, which peers that know
/// the old key still accept; from now on the replica signs as a new replica, whose key peers must
/// trust (`concord trust add`). A missing key is never replaced without this explicit step.
public enum ReplicaKeyReset {
    /// Makes the new key and id for the database at `databasePath`; returns the new replica id.
    public static func reset(databasePath: String) throws -> String {
        var configuration = Configuration()
        configuration.busyMode = .timeout(KnowledgeBase.busyTimeout)
        let queue = try DatabaseQueue(path: databasePath, configuration: configuration)
        defer { try? queue.close() }
        let key = ReplicaSigningKey()
        return try queue.write { db in
            guard let current = try String.fetchOne(db, sql: "SELECT value FROM replica_settings WHERE key = 'replica_id'") else {
                throw StoreError.missingReplicaID(path: databasePath)
            }
            let fresh = try ReplicaBinding.renew(db, current: current, key: key)
            // Written before the new id commits: the id never lacks its key.
            try ReplicaKeyFile.store(key, replicaID: fresh, to: ReplicaKeyFile.path(forDatabase: databasePath))
            return fresh
        }
    }
}
