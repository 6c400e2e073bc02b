import ConcordKit
import Foundation
import GRDB

/// Makes benchmark replicas trust each other's signing keys, as people who sync do once
/// (`concord trust add`), so imports run the normal trusted path.
enum SyncBenchmarkTrust {
    /// Makes `knowledgeBase` trust `source`'s own key and the keys of the replicas in `source`'s change log.
    static func trust(everyKeyOf source: KnowledgeBase, in knowledgeBase: KnowledgeBase) throws {
        var keys = [source.signingKey.publicKey]
        try source.read { db in
            let replicas = try String.fetchAll(db, sql: "SELECT DISTINCT replica_id FROM sync_changes")
            keys += try ReplicaKeyDirectory().keys(of: replicas, in: db).values
        }
        let own = knowledgeBase.signingKey.publicKey
        try knowledgeBase.database.write { db in
            let known = Set(try TrustStore().trusted(in: db).map(\.publicKey))
            for key in Set(keys) where key != own && !known.contains(key) {
                try TrustStore().add(name: "bench-" + PublicKeyText.hex(key).prefix(12), publicKey: key, ownKey: own, in: db)
            }
        }
    }
}
