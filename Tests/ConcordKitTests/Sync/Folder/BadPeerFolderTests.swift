import Foundation
import Testing
@testable import ConcordKit

/// One bad peer does not stall a shared folder: its refused files are reported once, then counted;
/// `sync` says by its exit status that something was refused; `trust ignore` silences the peer.
@Suite struct BadPeerFolderTests {
    @Test func anUntrustedPeerIsReportedOncePerFileThenSummarised() throws {
        let folder = try TestKnowledgeBase.temporaryDirectory() + "/shared"
        let ana = try SyncFileFixtures.replica(author: "Ana"), bo = try SyncFileFixtures.replica(author: "Bo")
        let stranger = try SyncFileFixtures.replica(author: "Stranger")
        try SyncFileFixtures.trustEachOther(ana, bo)
        try SyncFileFixtures.addPerson("From Ana", to: ana)
        try SyncFileFixtures.addPerson("From the stranger", to: stranger)
        _ = try SyncFolder().synchronize(folder: folder, knowledgeBase: ana)
        _ = try SyncFolder().synchronize(folder: folder, knowledgeBase: stranger)

        let first = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        #expect(first.applied == 1 && first.refusals.count == 1 && first.refusedSome)
        #expect(first.refusals.first?.contains(stranger.signingKey.fingerprint) == true)
        let second = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        #expect(second.refusals.isEmpty && second.stillRefused == [stranger.replicaID: 1] && second.refusedSome)

        // A new file of the stranger is reported once.
        try SyncFileFixtures.addPerson("More from the stranger", to: stranger)
        _ = try SyncFolder().synchronize(folder: folder, knowledgeBase: stranger, now: Date().addingTimeInterval(1))
        let third = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        #expect(third.refusals.count == 1 && third.stillRefused == [stranger.replicaID: 1])

        // Ignored: not read, not reported.
        #expect(try bo.database.write { db in try SyncFolderRefusals().ignore(stranger.replicaID, in: db) })
        let ignored = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        #expect(!ignored.refusedSome && ignored.ignoredFiles == 2)

        // Trusted after all (and no longer ignored): its files import.
        _ = try bo.database.write { db in try SyncFolderRefusals().unignore(stranger.replicaID, in: db) }
        try SyncFileFixtures.trust(stranger.signingKey.publicKey, name: "Stranger", by: bo)
        let trusted = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        #expect(trusted.applied == 2 && !trusted.refusedSome)
    }

    @Test func theCommandExitsWithADistinctStatusAndTrustIgnoreSilencesThePeer() throws {
        let folder = try TestKnowledgeBase.temporaryDirectory() + "/shared"
        let stranger = try SyncFileFixtures.replica(author: "Stranger")
        try SyncFileFixtures.addPerson("From the stranger", to: stranger)
        _ = try SyncFolder().synchronize(folder: folder, knowledgeBase: stranger)
        let database = try TestKnowledgeBase.seededCopyPath()
        let first = try ConcordProcess.run(["sync", folder, "--db", database])
        #expect(first.status == SyncFolder.someRefusedStatus, "\(first.errors)")
        #expect(first.errors.split(separator: "\n").count == 1 && first.errors.contains(stranger.signingKey.fingerprint))
        let second = try ConcordProcess.run(["sync", folder, "--db", database])
        #expect(second.status == SyncFolder.someRefusedStatus)
        #expect(second.errors.contains("still refused (reported before): 1 file of replica \(stranger.replicaID.prefix(8))"), "\(second.errors)")
        let ignore = try ConcordProcess.run(["trust", "ignore", String(stranger.replicaID.prefix(10)), "--db", database])
        #expect(ignore.status == 0 && ignore.output.contains(stranger.replicaID), "\(ignore.errors)")
        let third = try ConcordProcess.run(["sync", folder, "--db", database])
        #expect(third.status == 0 && third.errors.isEmpty, "\(third.errors)")
        #expect(third.output.contains("left 1 file of ignored replicas unread"))
    }
}
