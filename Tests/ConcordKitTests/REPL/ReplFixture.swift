import Foundation
import GRDB
@testable import ConcordKit

/// A seeded knowledge base with a few hand-made entities whose names tests can
/// rely on (extraction quality does not matter), plus private HOME and
/// XDG_STATE_HOME folders so the prompt's history never touches the user's files.
struct ReplFixture {
    let databasePath: String
    let home: String
    let stateHome: String

    /// Entities added by the fixture: (id, kind, name, aliases).
    static let entities: [(String, String, String, [String])] = [
        ("body:00000000000000a1", "body", "Zanzibar Listening Council", ["ZLC"]),
        ("body:00000000000000a2", "body", "Zanzibar Harbour Board", []),
        ("person:00000000000000b1", "person", "Ms. Quilliam-Oduya", ["Ada Quilliam"]),
        ("person:00000000000000b2", "person", "Mr. Élan Tervo", []),
    ]

    init() throws {
        databasePath = try TestKnowledgeBase.seededCopyPath()
        let folder = (databasePath as NSString).deletingLastPathComponent
        home = folder + "/home"
        stateHome = folder + "/state"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let knowledgeBase = try KnowledgeBase.open(path: databasePath, author: "tester")
        try knowledgeBase.write("add test entities") { db in
            for (id, kind, name, aliases) in Self.entities {
                try db.execute(sql: "INSERT INTO entities (id, kind, name) VALUES (?, ?, ?)", arguments: [id, kind, name])
                for alias in [name] + aliases {
                    try Alias(entityID: id, alias: alias).insert(db, onConflict: .ignore)
                }
            }
        }
        try knowledgeBase.close()
    }

    /// Gives two different entities the same name, so that name is ambiguous.
    func addAmbiguousName() throws {
        let knowledgeBase = try KnowledgeBase.open(path: databasePath, author: "tester")
        try knowledgeBase.write("add twins") { db in
            for id in ["person:00000000000000c1", "person:00000000000000c2"] {
                try db.execute(sql: "INSERT INTO entities (id, kind, name) VALUES (?, 'person', 'Twin Name')", arguments: [id])
                try Alias(entityID: id, alias: "Twin Name").insert(db, onConflict: .ignore)
            }
        }
        try knowledgeBase.close()
    }

    /// The environment for a `concord` run: private home and state folders, no colour, `cat` as pager.
    var environment: [String: String] {
        ["HOME": home, "XDG_STATE_HOME": stateHome, "NO_COLOR": "1", "PAGER": "cat", "CONCORD_AUTHOR": "tester", "LANG": "C.UTF-8"]
    }

    /// Row counts of every synced table plus a digest of their contents: equal before
    /// and after a failed command means the database is unchanged.
    func fingerprint() throws -> String {
        let queue = try DatabaseQueue(path: databasePath)
        defer { try? queue.close() }
        return try queue.read { db in
            var parts: [String] = []
            for table in ["documents", "paragraphs", "entities", "entity_attributes", "aliases", "relations", "mentions", "annotations"] {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2")
                parts.append("\(table):\(rows.count):\(rows.map(\.description).joined().hashValue)")
            }
            return parts.joined(separator: " ")
        }
    }
}
