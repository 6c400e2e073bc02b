import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// Each replica's signing key: made at creation, private to its owner, kept across
/// reopening, never shared with a copy, and signing every change the replica makes.
@Suite struct ReplicaKeyTests {
    @Test func theKeyIsMadeAtCreationOwnerOnlyAndStableAcrossReopen() throws {
        let path = try TestKnowledgeBase.temporaryDirectory() + "/concord.db"
        let first = try KnowledgeBase.open(path: path, author: "ana")
        let keyFile = ReplicaKeyFile.path(forDatabase: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: keyFile)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try String(contentsOfFile: keyFile, encoding: .utf8)
        #expect(text.hasPrefix("concord-signing-key 1\nreplica \(first.replicaID)\nprivate-key "))
        let publicKey = first.signingKey.publicKey
        #expect(publicKey.count == 32)
        try first.close()
        let again = try KnowledgeBase.open(path: path, author: "ana")
        #expect(again.signingKey.publicKey == publicKey)
        #expect(try again.read { db in try ReplicaKeyDirectory().key(of: again.replicaID, in: db) } == publicKey)
    }

    @Test func aCopiedDatabaseWithItsKeyFileSignsWithANewKey() throws {
        let folder = try TestKnowledgeBase.temporaryDirectory()
        let original = try KnowledgeBase.open(path: folder + "/a.db", author: "ana")
        try SyncFileFixtures.addPerson("Before the copy", to: original)
        let originalKey = original.signingKey.publicKey
        try original.close()
        for suffix in ["", ".key"] {
            try FileManager.default.copyItem(atPath: folder + "/a.db" + suffix, toPath: folder + "/b.db" + suffix)
        }
        let copy = try KnowledgeBase.open(path: folder + "/b.db", author: "ana")
        #expect(copy.signingKey.publicKey != originalKey)
        // The original's changes keep the original's signature; the copy knows the original's key as another replica's.
        let previous = try copy.read { db in try ChangeLog().records(notCoveredBy: [:], in: db) }
        #expect(previous.count == 1 && previous[0].replicaID != copy.replicaID)
        #expect(ChangeChain.isProved(previous[0], after: ChangeChain.origin, publicKey: originalKey))
        #expect(try copy.read { db in try ReplicaKeyDirectory().key(of: previous[0].replicaID, in: db) } == originalKey)
        let reopened = try KnowledgeBase.open(path: folder + "/a.db", author: "ana")
        #expect(reopened.signingKey.publicKey == originalKey)
    }

    @Test func everyLocalChangeIsSignedByItsReplica() throws {
        let ana = try SyncTestReplica.make("ana")
        try ana.addEntity("Ms. Diallo")
        let records = try ana.knowledgeBase.read { db in try ChangeLog().records(notCoveredBy: [:], in: db) }
        #expect(records.count == 1)
        #expect(records[0].chainSignature?.count == 64 && records[0].chainHash?.count == 32)
        #expect(ChangeChain.isProved(records[0], after: ChangeChain.origin, publicKey: ana.knowledgeBase.signingKey.publicKey))
        #expect(!ChangeChain.isProved(records[0], after: ChangeChain.origin, publicKey: ReplicaSigningKey().publicKey))
        var altered = records[0]
        altered.summary += "!"
        #expect(!ChangeChain.isProved(altered, after: ChangeChain.origin, publicKey: ana.knowledgeBase.signingKey.publicKey))
    }

    @Test func changesMadeBeforeSigningAreSignedWhenTheDatabaseIsNextOpened() throws {
        let (knowledgeBase, path) = try TestKnowledgeBase.seeded(author: "ana")
        try SyncFileFixtures.addPerson("Old change", to: knowledgeBase)
        // As a database migrated from before signing looks: no signatures, no own key recorded.
        try knowledgeBase.database.write { db in
            try db.execute(sql: "UPDATE sync_changes SET signature = NULL, chain_signature = NULL")
            try db.execute(sql: "DELETE FROM sync_replica_keys")
        }
        try knowledgeBase.close()
        let reopened = try KnowledgeBase.open(path: path, author: "ana")
        let records = try reopened.read { db in try ChangeLog().records(notCoveredBy: [:], in: db) }
        #expect(records.count == 1)
        #expect(ChangeChain.isProved(records[0], after: ChangeChain.origin, publicKey: reopened.signingKey.publicKey))
    }

    @Test func aDamagedKeyFileIsAnErrorNotSilentlyReplaced() throws {
        let path = try TestKnowledgeBase.temporaryDirectory() + "/concord.db"
        try KnowledgeBase.open(path: path, author: "ana").close()
        try Data("not a key\n".utf8).write(to: URL(fileURLWithPath: ReplicaKeyFile.path(forDatabase: path)))
        let error = #expect(throws: TrustError.self) { try KnowledgeBase.open(path: path, author: "ana") }
        #expect(error?.localizedDescription.contains("signing key file cannot be read") == true)
        #expect(try String(contentsOfFile: ReplicaKeyFile.path(forDatabase: path), encoding: .utf8) == "not a key\n")
    }

    @Test func fingerprintsAndKeysReadAsTyped() throws {
        let key = Data((0..<32).map { UInt8($0) })
        let hex = PublicKeyText.hex(key)
        #expect(hex == "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
        #expect(PublicKeyText.parse(hex.uppercased()) == key)
        #expect(PublicKeyText.parse(String(hex.dropLast())) == nil)
        #expect(PublicKeyText.parse(String(hex.dropLast()) + "g") == nil)
        let fingerprint = PublicKeyText.fingerprint(key)
        #expect(fingerprint.count == 19 && fingerprint.split(separator: " ").map(\.count) == [4, 4, 4, 4])
        #expect(PublicKeyText.parseFingerprint(fingerprint.replacingOccurrences(of: " ", with: "").uppercased()) == fingerprint)
        #expect(PublicKeyText.parseFingerprint("abc") == nil)
    }
}
