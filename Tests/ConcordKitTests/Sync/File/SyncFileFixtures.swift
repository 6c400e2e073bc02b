import Foundation
import GRDB
@testable import ConcordKit

/// Replicas and edits for the transport tests: seeded knowledge bases in temporary
/// folders, and small local writes made through `KnowledgeBase.write` so the engine
/// captures them as real changes.
enum SyncFileFixtures {
    /// A fresh seeded replica (each copy of the template gets its own replica id).
    static func replica(author: String) throws -> KnowledgeBase {
        try TestKnowledgeBase.seeded(author: author).knowledgeBase
    }

    /// Makes every one of `knowledgeBases` trust every other's key, as `concord trust add` would.
    static func trustEachOther(_ knowledgeBases: KnowledgeBase...) throws {
        for truster in knowledgeBases {
            for trusted in knowledgeBases where trusted !== truster {
                try trust(trusted.signingKey.publicKey, name: trusted.author + "-" + trusted.replicaID.prefix(8), by: truster)
            }
        }
    }

    /// Makes `knowledgeBase` trust `publicKey` under `name`.
    static func trust(_ publicKey: Data, name: String, by knowledgeBase: KnowledgeBase) throws {
        try knowledgeBase.database.write { db in
            _ = try TrustStore().add(name: name, publicKey: publicKey, ownKey: knowledgeBase.signingKey.publicKey, in: db)
        }
    }

    /// Adds a person named `name` as one local change; returns its id.
    @discardableResult
    static func addPerson(_ name: String, to knowledgeBase: KnowledgeBase) throws -> String {
        let id = "person:" + String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))
        try knowledgeBase.write("add person \(name)") { db in
            try db.execute(sql: "INSERT INTO entities (id, kind, name) VALUES (?, 'person', ?)", arguments: [id, name])
        }
        return id
    }

    /// Sets an entity's summary as one local change.
    static func setSummary(_ summary: String, of id: String, in knowledgeBase: KnowledgeBase) throws {
        try knowledgeBase.write("set summary of \(id)") { db in
            try db.execute(sql: "UPDATE entities SET summary = ? WHERE id = ?", arguments: [summary, id])
        }
    }

    static func name(of id: String, in knowledgeBase: KnowledgeBase) throws -> String? {
        try knowledgeBase.read { db in try String.fetchOne(db, sql: "SELECT name FROM entities WHERE id = ?", arguments: [id]) }
    }

    static func digest(_ knowledgeBase: KnowledgeBase) throws -> String {
        try knowledgeBase.read { db in try ContentHash().digest(in: db) }
    }

    static func changeCount(_ knowledgeBase: KnowledgeBase) throws -> Int {
        try knowledgeBase.read { db in try ChangeLog().count(in: db) }
    }

    /// A path for a new file in a fresh temporary folder.
    static func filePath(_ name: String = "changes.concord") throws -> String {
        try TestKnowledgeBase.temporaryDirectory() + "/" + name
    }

    /// Exports from `knowledgeBase` to a new file.
    static func export(
        _ knowledgeBase: KnowledgeBase, _ selection: ChangesetExporter.Selection = .everything, name: String = "changes.concord"
    ) throws -> String {
        let path = try filePath(name)
        _ = try ChangesetExporter().export(to: path, selection: selection, from: knowledgeBase)
        return path
    }
}
