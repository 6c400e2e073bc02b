import GRDB
import Testing
@testable import ConcordKit

/// Deferred maintenance of `find`'s name index (``NameSearchMaintenance``) leaves the index
/// exactly as immediate maintenance does, and never leaves it behind after a write.
@Suite struct NameSearchMaintenanceTests {
    static let person = "person:00000000000000d1"

    /// The index as a sorted multiset of (entity id, name).
    func index(_ knowledgeBase: KnowledgeBase) throws -> [String] {
        try knowledgeBase.read { db in
            try String.fetchAll(db, sql: "SELECT entity_id || '|' || name FROM name_search ORDER BY 1")
        }
    }

    func leftovers(_ knowledgeBase: KnowledgeBase) throws -> Int {
        try knowledgeBase.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM name_search_queue) + (SELECT count(*) FROM name_search_deferral)") ?? -1
        }
    }

    @Test func deferredWritesAreQueuedThenIndexedBeforeTheWriteEnds() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        try knowledgeBase.write("add") { db in
            try NameSearchMaintenance.deferring(in: db) {
                try Entity(id: Self.person, kind: .person, name: "Ms. Ana Kabedori").insert(db)
                try Alias(entityID: Self.person, alias: "AK").insert(db)
                let indexed = try Int.fetchOne(db, sql: "SELECT count(*) FROM name_search WHERE entity_id = ?", arguments: [Self.person])
                #expect(indexed == 0)
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM name_search_queue") == 2)
            }
        }
        #expect(try index(knowledgeBase) == ["\(Self.person)|MsAnaKabedori", "\(Self.person)|ak"])
        #expect(try leftovers(knowledgeBase) == 0)
        #expect(try knowledgeBase.read { db in try EntityFinder().find("Kabedori", in: db) }.map(\.entity.id) == [Self.person])
        // Outside `deferring` the triggers index at once again.
        try knowledgeBase.write("rename") { db in
            try db.execute(sql: "UPDATE entities SET name = 'Dr. Ana Kabedori' WHERE id = ?", arguments: [Self.person])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM name_search WHERE name = 'DrAnaKabedori'") == 1)
        }
    }

    @Test func equalCompactedAliasesAndShortNamesAreAddedAndRemovedOneRowEach() throws {
        let knowledgeBase = try TestKnowledgeBase.empty()
        try knowledgeBase.database.write { db in
            try NameSearchMaintenance.deferring(in: db) {
                try Entity(id: Self.person, kind: .person, name: "U.N.").insert(db)
                try db.execute(sql: "INSERT INTO aliases VALUES (?, 'UN', 'un'), (?, 'U N', 'u n'), (?, 'U-N', 'u-n')",
                               arguments: [Self.person, Self.person, Self.person])
            }
        }
        #expect(try index(knowledgeBase) == ["\(Self.person)|UN"] + Array(repeating: "\(Self.person)|un", count: 3))
        try knowledgeBase.database.write { db in
            try NameSearchMaintenance.deferring(in: db) {
                try db.execute(sql: "DELETE FROM aliases WHERE alias IN ('UN', 'U N')")
                try db.execute(sql: "UPDATE entities SET name = 'United Nations' WHERE id = ?", arguments: [Self.person])
            }
        }
        #expect(try index(knowledgeBase) == ["\(Self.person)|UnitedNations", "\(Self.person)|un"])
        #expect(try leftovers(knowledgeBase) == 0)
    }

    @Test func randomWritesLeaveTheSameIndexDeferredOrNot() throws {
        var generator = SeededGenerator(seed: 7)
        let names = ["Ana", "Bo", "Ana Kabedori", "Lee", "Müller", "U.N.", "un", "Zoë Ba", "Ba", "O'Neil"]
        var statements: [(String, StatementArguments)] = []
        for step in 0..<300 {
            let entity = "person:\(Int.random(in: 0..<12, using: &generator))"
            let name = names.randomElement(using: &generator)!
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: statements.append(("INSERT OR IGNORE INTO entities (id, kind, name) VALUES (?, 'person', ?)", [entity, name]))
            case 1: statements.append(("UPDATE entities SET name = ? WHERE id = ?", [name, entity]))
            case 2:
                statements.append((
                    "INSERT OR IGNORE INTO aliases SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM entities WHERE id = ?)",
                    [entity, "\(name) \(step % 3)", name.lowercased(), entity]))
            case 3: statements.append(("UPDATE aliases SET normalized_alias = ? WHERE entity_id = ?", [name.lowercased(), entity]))
            case 4: statements.append(("DELETE FROM aliases WHERE entity_id = ? AND normalized_alias = ?", [entity, name.lowercased()]))
            default: statements.append(("DELETE FROM entities WHERE id = ? AND NOT EXISTS (SELECT 1 FROM aliases WHERE entity_id = ?)", [entity, entity]))
            }
        }
        let immediate = try TestKnowledgeBase.empty(), deferred = try TestKnowledgeBase.empty()
        for batch in stride(from: 0, to: statements.count, by: 50) {
            let slice = statements[batch..<min(batch + 50, statements.count)]
            try immediate.database.write { db in for (sql, arguments) in slice { try db.execute(sql: sql, arguments: arguments) } }
            try deferred.database.write { db in
                try NameSearchMaintenance.deferring(in: db) {
                    for (sql, arguments) in slice { try db.execute(sql: sql, arguments: arguments) }
                }
            }
            #expect(try index(deferred) == index(immediate))
        }
        #expect(try !index(immediate).isEmpty)
        #expect(try leftovers(deferred) == 0)
    }

    @Test func aFailedBodyStillLeavesTheIndexCurrentForACallerThatCommits() throws {
        struct Refused: Error {}
        let knowledgeBase = try TestKnowledgeBase.empty()
        try knowledgeBase.database.write { db in
            #expect(throws: Refused.self) {
                try NameSearchMaintenance.deferring(in: db) {
                    try Entity(id: Self.person, kind: .person, name: "Ana Kabedori").insert(db)
                    // Nested calls leave the flush to the outermost.
                    try NameSearchMaintenance.deferring(in: db) { try Alias(entityID: Self.person, alias: "Ana K").insert(db) }
                    let deferring = try NameSearchMaintenance.isDeferring(in: db)
                    #expect(deferring)
                    throw Refused()
                }
            }
            let stillDeferring = try NameSearchMaintenance.isDeferring(in: db)
            #expect(!stillDeferring)
        }
        #expect(try index(knowledgeBase) == ["\(Self.person)|AnaKabedori", "\(Self.person)|anak"])
        #expect(try leftovers(knowledgeBase) == 0)
    }
}
