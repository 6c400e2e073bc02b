import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// A knowledge base is made from nothing by the migrations, and refuses files it
/// cannot safely open.
@Suite struct MigrationTests {
    static let tables = [
        "replica_settings", "documents", "paragraphs", "paragraph_search", "entities", "entity_attributes",
        "aliases", "relations", "mentions", "annotations",
    ]

    private func schema(_ knowledgeBase: KnowledgeBase) throws -> [String] {
        try knowledgeBase.read { db in
            try String.fetchAll(db, sql: "SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_master ORDER BY name")
        }
    }

    @Test func aFreshFileGetsEveryTableAndRecordsEveryMigration() throws {
        let path = try TestKnowledgeBase.temporaryDirectory() + "/fresh.db"
        #expect(!FileManager.default.fileExists(atPath: path))
        let knowledgeBase = try KnowledgeBase.open(path: path, author: "tester")
        let (tables, applied) = try knowledgeBase.read { db in
            (try Self.tables.filter { try db.tableExists($0) },
             try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid"))
        }
        #expect(tables == Self.tables)
        #expect(applied == StoreSchema.migrator.migrations)
        #expect(knowledgeBase.replicaID.count == 32)
        try knowledgeBase.close()
    }

    @Test func reopeningIsANoOp() throws {
        let path = try TestKnowledgeBase.temporaryDirectory() + "/again.db"
        let first = try KnowledgeBase.open(path: path, author: "tester")
        let (schemaBefore, replica) = (try schema(first), first.replicaID)
        try first.close()
        let second = try KnowledgeBase.open(path: path, author: "someone else")
        #expect(try schema(second) == schemaBefore)
        #expect(second.replicaID == replica)
        let migrationRows = try second.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") }
        #expect(migrationRows == StoreSchema.migrator.migrations.count)
        try second.close()
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let path = try TestKnowledgeBase.temporaryDirectory() + "/notes.db"
        try String(repeating: "These are my notes, not a database.\n", count: 200).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.notAKnowledgeBase(path: path)) { try KnowledgeBase.open(path: path, author: "tester") }
        // The file is left as it was.
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("These are my notes"))
    }

    @Test func aDatabaseFromANewerConcordIsRefused() throws {
        let path = try TestKnowledgeBase.temporaryDirectory() + "/newer.db"
        try KnowledgeBase.open(path: path, author: "tester").close()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')") }
        try queue.close()
        #expect(throws: StoreError.newerSchema(path: path, migration: "v99: from the future")) {
            try KnowledgeBase.open(path: path, author: "tester")
        }
    }

    @Test func v10KeepsTheNameIndexOfAnOlderFileAndItsTriggersFollowEveryWrite() throws {
        let path = try TestKnowledgeBase.temporaryDirectory() + "/v8.db"
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: NameSearchSchema.migrationName)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO entities (id, kind, name) VALUES ('person:1', 'person', 'Ana Kabedori'), ('person:2', 'person', 'Bo Lee');
                INSERT INTO aliases VALUES ('person:1', 'AK', 'ak');
                """)
        }
        try StoreSchema.migrator.migrate(queue)
        let names = { try queue.read { db in try String.fetchAll(db, sql: "SELECT entity_id || '|' || name FROM name_search ORDER BY 1") } }
        #expect(try names() == ["person:1|AnaKabedori", "person:1|ak", "person:2|BoLee"])
        try queue.write { db in
            try db.execute(sql: "UPDATE entities SET name = 'Ana K. Luz' WHERE id = 'person:1'")
            try NameSearchMaintenance.deferring(in: db) {
                try db.execute(sql: "UPDATE entities SET name = 'Bo Lee-Ray' WHERE id = 'person:2'")
                try db.execute(sql: "DELETE FROM aliases WHERE entity_id = 'person:1'")
            }
        }
        #expect(try names() == ["person:1|AnaKLuz", "person:2|BoLeeRay"])
        try queue.close()
    }
}

extension MigrationTests {
    @Test func v12ReplacesTheNameAndAliasIndexesWithCoveringOnesAndMergesTheNameIndex() throws {
        let path = try TestKnowledgeBase.temporaryDirectory() + "/v11.db"
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: RelationPairIndexSchema.migrationName)
        // One transaction per entity: each writes its own segment of the trigram index.
        for (index, name) in ["Ana Kabedori", "Bo Lee", "Neto Lamati", "Netochka Forum 2001"].enumerated() {
            try queue.write { db in
                try db.execute(sql: "INSERT INTO entities (id, kind, name) VALUES (?, 'person', ?)", arguments: ["person:\(index)", name])
                try db.execute(sql: "INSERT INTO aliases VALUES (?, ?, ?)", arguments: ["person:\(index)", name, name.lowercased()])
            }
        }
        let segments = { try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM name_search_idx") ?? 0 } }
        #expect(try segments() > 1)
        let found = { try queue.read { db in try EntityFinder().find("neto", in: db).map(\.entity.id) } }
        let before = try found()
        try StoreSchema.migrator.migrate(queue)
        let indexes = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('entities', 'aliases') ORDER BY name")
        }
        #expect(indexes.contains("entities_by_name_covering") && indexes.contains("aliases_by_normalized_alias_covering"))
        #expect(!indexes.contains("entities_by_name") && !indexes.contains("aliases_by_normalized_alias"))
        #expect(try segments() == 1)
        #expect(try found() == before)
        #expect(before == ["person:2", "person:3"])
        try queue.close()
    }
}
