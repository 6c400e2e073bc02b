import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// `log`, `undo`, `conflicts`, `resolve` and `hash` as a user runs them, through the command tree.
@Suite struct SyncCommandTests {
    /// Runs one command line against `replica` and returns what it printed.
    private func run(_ arguments: [String], on replica: SyncTestReplica) throws -> String {
        let output = Console.buffer(width: 80), errors = Console.buffer(width: 80)
        let context = CommandContext(
            output: output.console, errors: errors.console, environment: [:], isSession: true,
            knowledgeBase: replica.knowledgeBase)
        var command = try ConcordCommand.parseAsRoot(arguments)
        try context.run { try command.run() }
        return output.text
    }

    @Test func logShowsWhoWhenAndWhatNewestFirst() throws {
        let ana = try SyncTestReplica.make("ana")
        let id = try ana.addEntity("Ms. Diallo")
        try ana.edit("set place of Ms. Diallo", "UPDATE entities SET place = 'Geneva' WHERE id = ?", [id])
        let text = try run(["log"], on: ana)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("when (UTC)"))
        #expect(lines[1].contains("ana") && lines[1].contains("#2") && lines[1].hasSuffix("set place of Ms. Diallo"))
        #expect(lines[2].contains("add Ms. Diallo"))
        let json = try run(["log", "--json", "--limit", "1"], on: ana)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["sequence"] as? Int == 2 && object["author"] as? String == "ana" && object["local"] as? Bool == true)
        #expect(Set(object.keys) == ["replica", "sequence", "author", "summary", "time", "timestamp", "local", "undone", "applied_at"])
    }

    @Test func undoRevertsTheLastChangeAsANewChangeAndWalksBack() throws {
        let ana = try SyncTestReplica.make("ana"), ben = try SyncTestReplica.make("ben")
        let id = try ana.addEntity("Ms. Diallo")
        try ana.edit("set place", "UPDATE entities SET place = 'Geneva' WHERE id = ?", [id])
        try ana.edit("alias", "INSERT INTO aliases VALUES (?, 'Diallo', 'diallo')", [id])
        #expect(try run(["undo"], on: ana) == "undid change #3: alias\n")
        #expect(try ana.value("SELECT count(*) FROM aliases WHERE entity_id = ?", [id]) == 0.databaseValue)
        #expect(try run(["undo"], on: ana).hasPrefix("undid change #2: set place"))
        #expect(try ana.entityField(id, "place") == nil)
        #expect(try run(["undo"], on: ana).hasPrefix("undid change #1: add Ms. Diallo"))
        #expect(try ana.entityField(id, "is_deleted") == "1")
        #expect(throws: SyncError.nothingToUndo) { try run(["undo"], on: ana) }
        // The reverts are changes like any other: they sync.
        try ana.send(to: ben)
        #expect(try ben.hash() == ana.hash())
        #expect(try ben.entityField(id, "is_deleted") == "1")
        #expect(try run(["log"], on: ana).contains("(undone)"))
    }

    @Test func undoLeavesAFieldChangedSinceAlone() throws {
        let ana = try SyncTestReplica.make("ana"), ben = try SyncTestReplica.make("ben")
        let id = try ana.addEntity("Ms. Diallo")
        try ana.send(to: ben)
        try ana.edit("ana's summary", "UPDATE entities SET summary = 'Chair' WHERE id = ?", [id])
        try ana.send(to: ben)
        try ben.edit("ben's summary", "UPDATE entities SET summary = 'Vice-Chair' WHERE id = ?", [id])
        try ben.send(to: ana)
        let said = try run(["undo"], on: ana)
        #expect(said.contains("nothing was left to revert"))
        #expect(try ana.entityField(id, "summary") == "Vice-Chair")
    }

    @Test func conflictsAndResolveAsAUserSeesThem() throws {
        let ana = try SyncTestReplica.make("ana"), ben = try SyncTestReplica.make("ben")
        let id = try ana.addEntity("Ms. Diallo")
        try ana.send(to: ben)
        try ana.edit("a", "UPDATE entities SET place = 'Geneva' WHERE id = ?", [id])
        try ben.edit("b", "UPDATE entities SET place = 'New York' WHERE id = ?", [id])
        try ana.send(to: ben)
        try ben.send(to: ana)
        let listing = try run(["conflicts"], on: ana)
        let conflictID = try #require(try ana.conflicts().first?.id)
        #expect(listing.hasPrefix("\(conflictID)  place of Ms. Diallo (\(id))\n"))
        #expect(listing.contains("\"Geneva\"") && listing.contains("\"New York\"") && listing.contains("ana (you)"))
        let json = try run(["conflicts", "--json"], on: ben)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["id"] as? String == conflictID && object["field"] as? String == "place")
        #expect((object["versions"] as? [[String: Any]])?.count == 2)
        let said = try run(["resolve", String(conflictID.prefix(6)), "--keep", "Lausanne"], on: ana)
        #expect(said.hasPrefix("resolved \(conflictID): place of Ms. Diallo is \"Lausanne\""))
        #expect(try run(["conflicts"], on: ana) == "no open conflicts\n")
        try ana.send(to: ben)
        #expect(try run(["conflicts"], on: ben) == "no open conflicts\n")
        #expect(try run(["hash"], on: ana) == run(["hash"], on: ben))
        #expect(try run(["hash"], on: ana).count == 65)
        #expect(throws: SyncError.unknownConflict("zzz")) { try run(["resolve", "zzz", "--keep", "mine"], on: ana) }
    }

    @Test func theHashChangesWithContentAndNotWithDeliveryOrder() throws {
        let ana = try SyncTestReplica.make("ana"), ben = try SyncTestReplica.make("ben"), cai = try SyncTestReplica.make("cai")
        let before = try ana.hash()
        #expect(try ben.hash() == before)
        let id = try ana.addEntity("Ms. Diallo")
        #expect(try ana.hash() != before)
        try ben.edit("tag", "INSERT INTO annotations VALUES ('annotation:1', 'paragraph', 'x', 'tag', 'urgent', 'ben', '2026-01-01T00:00:00Z', 0)")
        let fromAna = try ana.changes(missingFrom: ben), fromBen = try ben.changes(missingFrom: ana)
        try cai.receive(fromBen + fromAna)
        try ben.receive(fromAna)
        try ana.receive(fromBen)
        #expect(try ana.hash() == ben.hash() && ben.hash() == cai.hash())
        try ana.edit("delete", "UPDATE entities SET is_deleted = 1 WHERE id = ?", [id])
        #expect(try ana.hash() != ben.hash())
    }
}
