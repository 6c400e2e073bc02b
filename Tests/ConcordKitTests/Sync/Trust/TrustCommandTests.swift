import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// `key` and `trust add|list|remove` as a user runs them, through the command tree and the real binary.
@Suite struct TrustCommandTests {
    /// Runs one command line against `knowledgeBase`; returns what it printed.
    private func run(_ arguments: [String], on knowledgeBase: KnowledgeBase) throws -> String {
        let output = Console.buffer(width: 80), errors = Console.buffer(width: 80)
        let context = CommandContext(
            output: output.console, errors: errors.console, environment: [:], isSession: true, knowledgeBase: knowledgeBase)
        var command = try ConcordCommand.parseAsRoot(arguments)
        try context.run { try command.run() }
        return output.text
    }

    @Test func keyPrintsThePublicKeyAndItsFingerprint() throws {
        let database = try TestKnowledgeBase.seededCopyPath()
        let text = try ConcordProcess.run(["key", "--db", database])
        #expect(text.status == 0)
        let lines = text.output.split(separator: "\n").map(String.init)
        let json = try ConcordProcess.run(["key", "--json", "--db", database])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: String])
        #expect(Set(object.keys) == ["replica", "public_key", "fingerprint", "key_file"])
        let publicKey = try #require(object["public_key"])
        let fingerprint = try #require(object["fingerprint"])
        #expect(PublicKeyText.parse(publicKey).map(PublicKeyText.fingerprint) == fingerprint)
        #expect(object["key_file"] == database + ".key")
        #expect(lines.count == 4)
        #expect(lines[0] == "public key:  " + publicKey)
        #expect(lines[1] == "fingerprint: " + fingerprint)
        #expect(lines[2] == "replica:     " + (object["replica"] ?? "?"))
        #expect(lines[3].contains("concord trust add NAME " + publicKey))
        // The same key on the next run: it is kept beside the database.
        #expect(try ConcordProcess.run(["key", "--json", "--db", database]).output == json.output)
    }

    @Test func trustAddListRemoveRoundTrip() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana")
        let bo = try SyncFileFixtures.replica(author: "Bo"), cy = try SyncFileFixtures.replica(author: "Cy")
        let boKey = PublicKeyText.hex(bo.signingKey.publicKey), cyKey = PublicKeyText.hex(cy.signingKey.publicKey)
        #expect(try run(["trust", "add", "Bo", boKey], on: ana)
            == "trusted Bo: key \(bo.signingKey.fingerprint); changes it signs are imported from now on\n")
        _ = try run(["trust", "add", "Cy laptop", cyKey.uppercased()], on: ana)
        let list = try run(["trust", "list"], on: ana).split(separator: "\n").map(String.init)
        #expect(list[0] == "this replica: key \(ana.signingKey.fingerprint) (always trusted)")
        #expect(list[1].hasPrefix("name") && list[1].contains("fingerprint"))
        #expect(list[2].hasPrefix("Bo ") && list[2].contains(bo.signingKey.fingerprint) && list[2].contains(boKey))
        #expect(list[3].hasPrefix("Cy laptop ") && list[3].contains(cyKey))
        #expect(list.count == 4)
        let json = try JSONSerialization.jsonObject(with: Data(try run(["trust", "list", "--json"], on: ana).utf8)) as? [String: Any]
        #expect(Set(json?.keys.map { $0 } ?? []) == ["own", "trusted", "accepted_once"])
        #expect((json?["trusted"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Bo", "Cy laptop"])

        #expect(try run(["trust", "remove", "Bo"], on: ana).hasPrefix("no longer trusted: Bo (key \(bo.signingKey.fingerprint))"))
        let byFingerprint = cy.signingKey.fingerprint.replacingOccurrences(of: " ", with: "")
        #expect(try run(["trust", "remove", byFingerprint], on: ana).hasPrefix("no longer trusted: Cy laptop"))
        #expect(try ana.read { db in try TrustStore().trusted(in: db) }.isEmpty)
        #expect(try run(["trust", "list"], on: ana).contains("no other key is trusted"))
    }

    @Test func trustRefusesBadKeysDuplicatesAndUnknownNamesWithOneLine() throws {
        let ana = try SyncFileFixtures.replica(author: "Ana")
        let bo = try SyncFileFixtures.replica(author: "Bo")
        let boKey = PublicKeyText.hex(bo.signingKey.publicKey)
        #expect(throws: TrustError.invalidPublicKey("abc123")) { try run(["trust", "add", "Bo", "abc123"], on: ana) }
        #expect(throws: TrustError.invalidPublicKey(String(boKey.dropLast()) + "x")) {
            try run(["trust", "add", "Bo", String(boKey.dropLast()) + "x"], on: ana)
        }
        _ = try run(["trust", "add", "Bo", boKey], on: ana)
        #expect(throws: TrustError.duplicateName("Bo")) {
            try run(["trust", "add", "Bo", PublicKeyText.hex(ReplicaSigningKey().publicKey)], on: ana)
        }
        #expect(throws: TrustError.alreadyTrusted(fingerprint: bo.signingKey.fingerprint, name: "Bo")) {
            try run(["trust", "add", "Bo again", boKey], on: ana)
        }
        #expect(throws: TrustError.ownKey) { try run(["trust", "add", "me", PublicKeyText.hex(ana.signingKey.publicKey)], on: ana) }
        #expect(throws: TrustError.unknownTrust("Nobody")) { try run(["trust", "remove", "Nobody"], on: ana) }
        for error in [TrustError.invalidPublicKey("abc"), .duplicateName("Bo"), .unknownTrust("x"), .ownKey] {
            #expect(error.localizedDescription.split(separator: "\n").count == 1)
        }
        // Through the binary: a one-line error and a failure status.
        let database = try TestKnowledgeBase.seededCopyPath()
        let result = try ConcordProcess.run(["trust", "add", "Bo", "not-hex", "--db", database])
        #expect(result.status != 0)
        #expect(result.errors.split(separator: "\n").count == 1 && result.errors.contains("is not a public key"))
    }
}
