import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// Values a peer could store before received changes were validated (a BLOB name, text offsets,
/// 'yes' in is_deleted) made reading commands trap; the v16 migration repairs them.
@Suite struct StoredBadValueRepairTests {
    @Test func readingCommandsWorkOnAKnowledgeBaseThatHeldBadValues() throws {
        let path = try TestKnowledgeBase.seededCopyPath()
        try KnowledgeBase.open(path: path, author: "a").close()
        let queue = try DatabaseQueue(path: path)
        let (blobbed, deleted) = try queue.write { db -> (String, String) in
            // As before the migration, with the values an older Concord accepted from a peer.
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [SyncFolderRefusalSchema.migrationName])
            try db.execute(sql: "DROP TABLE sync_folder_refusals; DROP TABLE sync_ignored_replicas")
            let people = try String.fetchAll(db, sql: "SELECT id FROM entities WHERE kind = 'person' ORDER BY id LIMIT 2")
            try db.execute(sql: "UPDATE entities SET name = x'ff41' WHERE id = ?", arguments: [people[0]])
            try db.execute(sql: "UPDATE entities SET is_deleted = 'yes' WHERE id = ?", arguments: [people[1]])
            try db.execute(sql: "UPDATE mentions SET start_offset = 'abc' WHERE rowid = (SELECT min(rowid) FROM mentions)")
            return (people[0], people[1])
        }
        try queue.close()
        for arguments in [["entities"], ["find", "Mr"], ["show", blobbed], ["mentions", "Lewis"], ["search", "Committee"], ["hash"]] {
            let result = try ConcordProcess.run(arguments + ["--db", path])
            #expect(result.status == 0 || (result.status == 1 && !result.errors.isEmpty), "\(arguments): \(result.errors)")
            #expect(result.status != 132 && result.status < 128, "\(arguments) crashed")
        }
        let repaired = try KnowledgeBase.open(path: path, author: "a")
        let (nameType, isDeleted, badMentions) = try repaired.read { db in
            (try String.fetchOne(db, sql: "SELECT typeof(name) FROM entities WHERE id = ?", arguments: [blobbed]),
             try Int.fetchOne(db, sql: "SELECT is_deleted FROM entities WHERE id = ?", arguments: [deleted]),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM mentions WHERE typeof(start_offset) <> 'integer'"))
        }
        #expect(nameType == "text" && isDeleted == 1 && badMentions == 0)
    }
}
