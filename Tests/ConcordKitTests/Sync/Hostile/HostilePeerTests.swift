import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// A trusted peer's crafted files cannot hurt: every invalid value, edit of a source row, bound
/// overstepped, clock far ahead or identity not its own is refused whole, on the victim and on a
/// third replica, with the content hash unchanged and the database intact.
@Suite struct HostilePeerTests {
    /// The victim and a third replica, both trusting Mallory's key.
    struct Peers {
        let victim: KnowledgeBase
        let third: KnowledgeBase
        let mallory: KnowledgeBase
        var baseline: String

        init() throws {
            victim = try SyncFileFixtures.replica(author: "Vic")
            third = try SyncFileFixtures.replica(author: "Tri")
            mallory = try SyncFileFixtures.replica(author: "Mal")
            for knowledgeBase in [victim, third] { try SyncFileFixtures.trust(mallory.signingKey.publicKey, name: "Mallory", by: knowledgeBase) }
            baseline = try HostileFiles.baseline(of: victim)
        }

        /// A file of Mallory's first changes holding `changesets`, signed by Mallory.
        func file(_ changesets: [Data], timestamp: UInt64? = nil) throws -> String {
            let records = changesets.enumerated().map { index, changeset in
                HostileFiles.record(mallory.replicaID, Int64(index + 1), changeset, timestamp: timestamp)
            }
            return try HostileFiles.write(records, writer: mallory.replicaID, key: mallory.signingKey, baseline: baseline)
        }

        /// Imports `file` into the victim and the third replica: both refuse it, naming `expected`, and change nothing.
        func expectRefused(_ file: String, naming expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            for knowledgeBase in [victim, third] {
                let digest = try SyncFileFixtures.digest(knowledgeBase), changes = try SyncFileFixtures.changeCount(knowledgeBase)
                var message = ""
                do {
                    _ = try ChangesetImporter().importFile(at: file, into: knowledgeBase)
                } catch {
                    message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
                }
                #expect(message.contains(expected), "\(message)", sourceLocation: sourceLocation)
                #expect(!message.contains("\u{1B}") && !message.contains("\n"), sourceLocation: sourceLocation)
                #expect(try SyncFileFixtures.digest(knowledgeBase) == digest, sourceLocation: sourceLocation)
                #expect(try SyncFileFixtures.changeCount(knowledgeBase) == changes, sourceLocation: sourceLocation)
                #expect(try HostileFiles.integrity(knowledgeBase) == "ok", sourceLocation: sourceLocation)
            }
        }

        func firstID(_ sql: String) throws -> String {
            try #require(try victim.read { db in try String.fetchOne(db, sql: sql) })
        }
    }

    static let entityKeys = [true] + Array(repeating: false, count: 7)
    static let mentionKeys = [true, true, true, false, false]
    static let paragraphKeys = [true] + Array(repeating: false, count: 6)

    @Test func aValueOfTheWrongTypeOrInvalidTextIsRefused() throws {
        let peers = try Peers()
        try peers.expectRefused(
            try peers.file([HostileFiles.changeset([HostileFiles.person("person:00000000000000b1", name: .blob(Data([0xFF, 0xFE, 0x41])))])]),
            naming: "entities.name of row person:00000000000000b1 holds bytes that are not valid UTF-8")
        try peers.expectRefused(
            try peers.file([HostileFiles.changeset([HostileFiles.person("person:00000000000000b2", name: .text("x" + HostileFiles.invalidTextMarker))])]),
            naming: "not valid UTF-8")
        try peers.expectRefused(
            try peers.file([HostileFiles.changeset([HostileFiles.person("person:00000000000000b3", name: .text("Yes Man"), isDeleted: .text("yes"))])]),
            naming: "entities.is_deleted of row person:00000000000000b3 holds text 'yes' where an integer is expected")
        try peers.expectRefused(
            try peers.file([HostileFiles.changeset([HostileFiles.person("person:00000000000000b4", name: .text("Two"), isDeleted: .integer(2))])]),
            naming: "is 0 or 1")
        try peers.expectRefused(
            try peers.file([HostileFiles.changeset([HostileFiles.person("wizard:00000000000000b5", name: .text("Merlin"), kind: "wizard")])]),
            naming: "entities.kind of row wizard:00000000000000b5 holds 'wizard', which is not one of its values")
        try peers.expectRefused(
            try peers.file([HostileFiles.changeset([HostileFiles.person("person:00000000000000b6", name: .null)])]),
            naming: "entities.name of row person:00000000000000b6 is NULL")
        // A NUL inside text: find's index maintenance matches names through FTS5, which stops at a NUL.
        try peers.expectRefused(
            try peers.file([HostileFiles.changeset([HostileFiles.person("person:00000000000000b7", name: .text("Ms.\u{0}Null"))])]),
            naming: "entities.name of row person:00000000000000b7 holds a NUL character")
    }

    @Test func mentionsWithBadOffsetsOrTextAreRefused() throws {
        let peers = try Peers()
        let paragraph = try peers.firstID("SELECT id FROM paragraphs ORDER BY id LIMIT 1")
        let entity = try peers.firstID("SELECT id FROM entities ORDER BY id LIMIT 1")
        func mention(_ start: ChangesetValue, _ end: ChangesetValue, _ surface: ChangesetValue) -> Data {
            HostileFiles.changeset([HostileFiles.insert("mentions", [.text(entity), .text(paragraph), start, end, surface], keys: Self.mentionKeys)])
        }
        try peers.expectRefused(try peers.file([mention(.text("abc"), .integer(3), .text("abc"))]), naming: "mentions.start_offset")
        try peers.expectRefused(try peers.file([mention(.integer(0), .integer(3), .blob(Data([0x41, 0x42])))]), naming: "mentions.surface_text")
        try peers.expectRefused(try peers.file([mention(.integer(5), .integer(2), .text("x"))]), naming: "ends (2) before it starts (5)")
        try peers.expectRefused(try peers.file([mention(.integer(0), .integer(1_000_000), .text("x"))]), naming: "past its paragraph's")
    }

    @Test func sourceRowsCannotBeRewrittenByAPeer() throws {
        let peers = try Peers()
        let paragraph = try peers.firstID("SELECT id FROM paragraphs ORDER BY id LIMIT 1")
        let text = try peers.firstID("SELECT text FROM paragraphs ORDER BY id LIMIT 1")
        let forged = HostileFiles.update(
            "paragraphs", keys: Self.paragraphKeys, old: [.text(paragraph), nil, nil, nil, nil, nil, .text(text)],
            new: [nil, nil, nil, nil, nil, nil, .text("The Committee approved torture.")])
        try peers.expectRefused(try peers.file([HostileFiles.changeset([forged])]), naming: "it would change paragraphs row")
        let document = try peers.firstID("SELECT id FROM documents ORDER BY id LIMIT 1")
        let sha = try peers.firstID("SELECT content_sha256 FROM documents ORDER BY id LIMIT 1")
        // Every column documents has here (later schemas add some): the change must fit the table to reach the checks.
        let columns = try peers.victim.read { db in try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('documents') ORDER BY cid") }
        let keys = columns.map { $0 == "id" }
        let shaIndex = try #require(columns.firstIndex(of: "content_sha256"))
        var old: [ChangesetValue?] = Array(repeating: nil, count: columns.count), new: [ChangesetValue?] = Array(repeating: nil, count: columns.count)
        old[0] = .text(document); old[shaIndex] = .text(sha); new[shaIndex] = .text(String(repeating: "0", count: 64))
        try peers.expectRefused(
            try peers.file([HostileFiles.changeset([HostileFiles.update("documents", keys: keys, old: old, new: new)])]),
            naming: "it would change documents row")
        let mention = try #require(try peers.victim.read { db in try Row.fetchOne(db, sql: "SELECT * FROM mentions LIMIT 1") })
        let moved = HostileFiles.update(
            "mentions", keys: Self.mentionKeys,
            old: [.text(mention["entity_id"]), .text(mention["paragraph_id"]), .integer(mention["start_offset"]), .integer(mention["end_offset"]), nil],
            new: [nil, nil, nil, .integer((mention["end_offset"] as Int64) + 5), nil])
        try peers.expectRefused(try peers.file([HostileFiles.changeset([moved])]), naming: "it would change mentions row")
        let removed = ChangesetChange(
            table: "paragraphs", operation: .delete, primaryKeyColumns: Self.paragraphKeys,
            oldValues: [.text(paragraph), .text(document), .integer(1), .null, .text("text"), .null, .text(text)], newValues: Array(repeating: nil, count: 7))
        try peers.expectRefused(try peers.file([HostileFiles.changeset([removed])]), naming: "it would remove paragraphs row")
        let fakeDocument = HostileFiles.insert(
            "documents",
            [.text("doc:0123456789abcdef"), .text("fake.txt"), .null, .text("other"), .null, .null, .null, .null,
             .text(String(repeating: "a", count: 64)), .integer(1), .text("2026-01-01T00:00:00Z")]
                + Array(repeating: ChangesetValue.null, count: columns.count - 11),
            keys: keys)
        try peers.expectRefused(try peers.file([HostileFiles.changeset([fakeDocument])]), naming: "not derived from its content_sha256")
    }

    @Test func changesToTablesThatDoNotSyncAreRefused() throws {
        let peers = try Peers()
        let trusted = HostileFiles.insert(
            "sync_trusted_keys", [.text("evil"), .blob(Data(repeating: 7, count: 32)), .text("x"), .text("y")], keys: [true, false, false, false])
        try peers.expectRefused(try peers.file([HostileFiles.changeset([trusted])]), naming: "sync_trusted_keys")
    }

    @Test func valuesOverTheBoundsAreRefused() throws {
        let peers = try Peers()
        let long = String(repeating: "n", count: IncomingLimits.nameBytes + 1)
        try peers.expectRefused(
            try peers.file([HostileFiles.changeset([HostileFiles.person("person:00000000000000c1", name: .text(long))])]),
            naming: "is \(IncomingLimits.nameBytes + 1) bytes long, over the limit of \(IncomingLimits.nameBytes)")
        let note = HostileFiles.insert(
            "annotations",
            [.text("note:1"), .text("entity"), .text("person:x"), .text("note"), .text(String(repeating: "b", count: IncomingLimits.textBytes + 1)),
             .text("mallory"), .text("2026-01-01T00:00:00Z"), .integer(0)],
            keys: [true] + Array(repeating: false, count: 7))
        try peers.expectRefused(try peers.file([HostileFiles.changeset([note])]), naming: "annotations.body")
    }

    @Test func aClockFarAheadIsRefusedAndDoesNotPoisonTheReceiversClock() throws {
        let peers = try Peers()
        let year9999 = HybridLogicalClock.physical(Date(timeIntervalSince1970: 253_370_000_000))
        let file = try peers.file(
            [HostileFiles.changeset([HostileFiles.person("person:00000000000000d1", name: .text("Future"))])], timestamp: year9999)
        try peers.expectRefused(file, naming: "ahead of this machine's")
        #expect(try peers.victim.read { db in try SyncState.clock(in: db) } < year9999)
        // Within the drift is fine.
        let soon = HybridLogicalClock.physical(Date().addingTimeInterval(IncomingLimits.clockDrift / 2))
        let accepted = try peers.file([HostileFiles.changeset([HostileFiles.person("person:00000000000000d2", name: .text("Soon"))])], timestamp: soon)
        #expect(try ChangesetImporter().importFile(at: accepted, into: peers.victim).applied == 1)
    }

    @Test func aTrustedKeyCannotSpeakForAnotherReplica() throws {
        let peers = try Peers()
        let carol = try SyncFileFixtures.replica(author: "Carol")
        try SyncFileFixtures.trust(carol.signingKey.publicKey, name: "Carol", by: peers.victim)
        #expect(carol.replicaID == ReplicaKeyBinding.derivedReplicaID(for: carol.signingKey.publicKey))
        let change = HostileFiles.changeset([HostileFiles.person("person:00000000000000e1", name: .text("Forged"))])
        // Under Carol's id, in Mallory's file and signed by Mallory; then with Carol as the claimed writer.
        let relayed = try HostileFiles.write(
            [HostileFiles.record(carol.replicaID, 1, change)], writer: peers.mallory.replicaID, key: peers.mallory.signingKey, baseline: peers.baseline)
        try peers.expectRefused(relayed, naming: "whose id is derived from another key")
        let claimed = try HostileFiles.write(
            [HostileFiles.record(carol.replicaID, 1, change)], writer: carol.replicaID, key: peers.mallory.signingKey, baseline: peers.baseline)
        try peers.expectRefused(claimed, naming: "signs for replica \(carol.replicaID.prefix(8))")
        // An id made by an earlier Concord is learned only from a file that replica wrote itself.
        let legacy = "7fa81c956aa94fada7bd8f38a8c42f00"
        let legacyFile = try HostileFiles.write(
            [HostileFiles.record(legacy, 1, change)], writer: peers.mallory.replicaID, key: peers.mallory.signingKey, baseline: peers.baseline)
        try peers.expectRefused(legacyFile, naming: "an older replica")
        // Carol's genuine file still imports: her identity was not taken.
        let id = try SyncFileFixtures.addPerson("Carol's own", to: carol)
        #expect(try ChangesetImporter().importFile(at: try SyncFileFixtures.export(carol), into: peers.victim).applied == 1)
        #expect(try SyncFileFixtures.name(of: id, in: peers.victim) == "Carol's own")
    }

    @Test func aHostileChangeRelayedByAnOlderReplicaIsStillRefused() throws {
        let peers = try Peers()
        let relay = try SyncFileFixtures.replica(author: "Relay")
        try SyncFileFixtures.trust(relay.signingKey.publicKey, name: "Relay", by: peers.victim)
        try SyncFileFixtures.trust(relay.signingKey.publicKey, name: "Relay", by: peers.third)
        // The relay took the change in without checking (as a Concord before validation did), then relays it.
        var record = HostileFiles.record(
            peers.mallory.replicaID, 1, HostileFiles.changeset([HostileFiles.person("person:00000000000000f1", name: .blob(Data([0xC3, 0x28])))]))
        record.signature = try ChangeSignature.sign(record, with: peers.mallory.signingKey)
        try relay.database.write { db in
            _ = try ChangeIntegrator(localReplicaID: relay.replicaID).integrate(record, in: db)
            try ReplicaKeyDirectory().bind(peers.mallory.replicaID, to: peers.mallory.signingKey.publicKey, in: db)
        }
        let relayed = try SyncFileFixtures.export(relay)
        try peers.expectRefused(relayed, naming: "not valid UTF-8")
    }

    @Test func textWithTerminalEscapesIsStoredExactlyAndPrintedEscaped() throws {
        let peers = try Peers()
        let title = "Evil\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}]52;c;aGVsbG8=\u{07}\u{9B}31m"
        let file = try peers.file([HostileFiles.changeset([HostileFiles.person("person:00000000000000a1", name: .text(title))])])
        #expect(try ChangesetImporter().importFile(at: file, into: peers.victim).applied == 1)
        #expect(try SyncFileFixtures.name(of: "person:00000000000000a1", in: peers.victim) == title)
        let database = try #require(peers.victim.path)
        try peers.victim.close()
        for arguments in [["show", "person:00000000000000a1"], ["find", "Evil"], ["entities", "--kind", "person"], ["changeset", "show", file]] {
            let result = try ConcordProcess.run(arguments + ["--db", database])
            #expect(!result.output.contains("\u{1B}") && !result.output.contains("\u{07}") && !result.output.contains("\u{9B}"), "\(arguments)")
            #expect(!result.errors.contains("\u{1B}"), "\(arguments)")
        }
        let shown = try ConcordProcess.run(["show", "person:00000000000000a1", "--db", database])
        #expect(shown.output.contains("Evil^[]0;pwned^G^[[2J"), "\(shown.output)")
        let json = try ConcordProcess.run(["show", "person:00000000000000a1", "--json", "--db", database])
        #expect(json.output.contains("\\u001b]0;pwned\\u0007"), "\(json.output)")
    }

    @Test func anUntrustedFileNamedWithEscapesIsRefusedWithTheNameEscaped() throws {
        let stranger = try SyncFileFixtures.replica(author: "Stranger")
        let victim = try SyncFileFixtures.replica(author: "Vic")
        try SyncFileFixtures.addPerson("Hello", to: stranger)
        let file = try SyncFileFixtures.export(stranger, name: "evil\u{1B}[2J.concord")
        let database = try #require(victim.path)
        try victim.close()
        let result = try ConcordProcess.run(["import", file, "--db", database])
        #expect(result.status == 1)
        #expect(!result.errors.contains("\u{1B}") && result.errors.contains("evil^[[2J.concord"), "\(result.errors)")
    }

    @Test func aLocalChangeEveryPeerWouldRefuseIsNotMade() throws {
        let knowledgeBase = try SyncFileFixtures.replica(author: "Me")
        let changes = try SyncFileFixtures.changeCount(knowledgeBase)
        let long = String(repeating: "n", count: IncomingLimits.nameBytes + 1)
        #expect(throws: SyncError.self) { try SyncFileFixtures.addPerson(long, to: knowledgeBase) }
        #expect(throws: SyncError.self) {
            try knowledgeBase.write("yes") { db in
                try db.execute(sql: "UPDATE entities SET is_deleted = 'yes' WHERE id = (SELECT min(id) FROM entities)")
            }
        }
        #expect(try SyncFileFixtures.changeCount(knowledgeBase) == changes)
    }
}
