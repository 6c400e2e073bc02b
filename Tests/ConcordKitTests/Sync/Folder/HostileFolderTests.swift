import Foundation
import Testing
@testable import ConcordKit

#if canImport(Glibc)
import Glibc
#endif

/// `sync DIR` on a folder someone has tampered with: odd names, links leading out,
/// huge files, FIFOs and devices, files claiming to be from this replica. Each is
/// refused with a one-line reason; nothing is written outside the folder and nothing
/// of them reaches the database.
@Suite struct HostileFolderTests {
    let root: String
    let folder: String
    let outside: String
    let ana: KnowledgeBase
    let bo: KnowledgeBase
    let third: KnowledgeBase

    init() throws {
        root = try TestKnowledgeBase.temporaryDirectory()
        folder = root + "/shared"
        outside = root + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        ana = try SyncFileFixtures.replica(author: "Ana")
        bo = try SyncFileFixtures.replica(author: "Bo")
        third = try SyncFileFixtures.replica(author: "Third")
        try SyncFileFixtures.trustEachOther(ana, bo, third)
        try SyncFileFixtures.addPerson("From Ana", to: ana)
        _ = try SyncFolder().synchronize(folder: folder, knowledgeBase: ana)
        try SyncFileFixtures.addPerson("From Third", to: third)
    }

    static func replicaFolderName(_ byte: String) -> String { String(repeating: byte, count: 16) }

    /// Every path under `path` with its size and modification time: equal means nothing was written there.
    static func inventory(_ path: String) throws -> [String] {
        let manager = FileManager.default
        return try (manager.subpathsOfDirectory(atPath: path)).sorted().map { entry in
            var status = stat()
            _ = lstat(path + "/" + entry, &status)
            return "\(entry) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        }
    }

    /// Everything next to the sync folder (its parent) and inside the folder `outside`, where links lead.
    func outsideState() throws -> [String] {
        let parent = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        return parent + (try Self.inventory(outside))
    }

    func makeFolder(_ name: String) throws -> String {
        let path = folder + "/" + name
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func tamperedEntriesAreRefusedOneLineEachAndNothingOfThemApplies() throws {
        let manager = FileManager.default
        let thirdFile = try SyncFileFixtures.export(third)
        let anaFolder = folder + "/" + ana.replicaID
        #expect(try !manager.contentsOfDirectory(atPath: anaFolder).isEmpty)
        // Names with dots: hidden ones (files being written) are skipped, others must still be plain.
        try manager.copyItem(atPath: thirdFile, toPath: anaFolder + "/..concord")
        try manager.copyItem(atPath: thirdFile, toPath: folder + "/..concord")
        try manager.copyItem(atPath: thirdFile, toPath: folder + "/stray.concord")
        let dotted = try makeFolder(Self.replicaFolderName("a1"))
        try manager.copyItem(atPath: thirdFile, toPath: dotted + "/a..b.concord")
        try manager.createDirectory(atPath: dotted + "/nested/deeper", withIntermediateDirectories: true)
        try manager.copyItem(atPath: thirdFile, toPath: dotted + "/nested/deeper/x.concord")
        try manager.createDirectory(atPath: dotted + "/folder.concord", withIntermediateDirectories: true)
        // Links: to a file outside, to a folder outside as a replica folder.
        try manager.copyItem(atPath: thirdFile, toPath: outside + "/outside.concord")
        let links = try makeFolder(Self.replicaFolderName("b2"))
        try manager.createSymbolicLink(atPath: links + "/out.concord", withDestinationPath: outside + "/outside.concord")
        try manager.createSymbolicLink(atPath: links + "/up.concord", withDestinationPath: "../../outside/outside.concord")
        try manager.createDirectory(atPath: outside + "/" + third.replicaID, withIntermediateDirectories: true)
        try manager.copyItem(atPath: thirdFile, toPath: outside + "/" + third.replicaID + "/linked.concord")
        try manager.createSymbolicLink(atPath: folder + "/" + third.replicaID, withDestinationPath: outside + "/" + third.replicaID)
        // A 2 GB sparse file: refused by its size, never read.
        let huge = try makeFolder(Self.replicaFolderName("c3")) + "/huge.concord"
        try manager.copyItem(atPath: thirdFile, toPath: huge)
        #expect(truncate(huge, 2 << 30) == 0)
        // A FIFO (opening it to read would block) and, where allowed, a device node.
        let special = try makeFolder(Self.replicaFolderName("d4"))
        #expect(mkfifo(special + "/pipe.concord", 0o600) == 0)
        let madeDevice = mknod(special + "/device.concord", mode_t(S_IFCHR) | 0o600, dev_t(0x103)) == 0  // 1,3: /dev/null
        // A file planted in Bo's own folder, which Bo did not write.
        let planted = try makeFolder(bo.replicaID) + "/planted.concord"
        try manager.copyItem(atPath: thirdFile, toPath: planted)
        let before = try outsideState()

        let report = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)

        let expected: [(String, String)] = [
            ("stray.concord", "outside any replica folder"), ("a..b.concord", "was written by"),
            ("folder.concord", "not a regular file"), ("out.concord", "symbolic link"), ("up.concord", "symbolic link"),
            (third.replicaID, "symbolic link"), ("huge.concord", "larger than a sync file may be"),
            ("pipe.concord", "not a regular file"),
        ] + (madeDevice ? [("device.concord", "not a regular file")] : [])
        for (name, reason) in expected {
            #expect(report.refusals.contains { $0.contains(name) && $0.contains(reason) }, "\(name): \(report.refusals)")
        }
        #expect(report.refusals.count == expected.count, "\(report.refusals)")
        #expect(report.refusals.allSatisfy { !$0.contains("\n") })
        #expect(report.warnings.contains { $0.contains("planted.concord") && $0.contains("not written by this knowledge base") })
        // Only Ana's real file was applied; the third replica's change arrived by no path.
        #expect(report.applied == 1)
        #expect(try SyncFileFixtures.digest(bo) == SyncFileFixtures.digest(ana))
        #expect(try SyncFileFixtures.changeCount(bo) == 1)
        #expect(try outsideState() == before)
    }

    @Test func aFileClaimingToComeFromThisReplicaIsRefused() throws {
        try SyncFileFixtures.addPerson("From Bo", to: bo)
        let boFile = try SyncFileFixtures.export(bo)
        let claimed = try makeFolder(Self.replicaFolderName("e5"))
        try FileManager.default.copyItem(atPath: boFile, toPath: claimed + "/mine.concord")
        let changes = try SyncFileFixtures.changeCount(bo)
        let report = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        #expect(report.refusals.count == 1 && report.refusals[0].contains("mine.concord"), "\(report.refusals)")
        #expect(report.applied == 1)
        #expect(try SyncFileFixtures.changeCount(bo) == changes + 1)
    }

    @Test func thisReplicasOwnFolderAsALinkStopsTheRunAndWritesNothing() throws {
        try SyncFileFixtures.addPerson("From Bo", to: bo)
        let target = outside + "/bo-elsewhere"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/" + bo.replicaID, withDestinationPath: target)
        let before = try outsideState()
        let changes = try SyncFileFixtures.changeCount(bo)
        #expect(throws: SyncFolderError.symbolicLink(folder + "/" + bo.replicaID)) {
            try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        }
        #expect(try outsideState() == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).isEmpty)
        #expect(try SyncFileFixtures.changeCount(bo) == changes)
    }

    @Test func aSyncFolderGivenThroughDotDotStaysThatFolder() throws {
        // `shared/sub/../` is `shared`: the run works there and nowhere else.
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        let before = try outsideState()
        let report = try SyncFolder().synchronize(folder: folder + "/sub/..", knowledgeBase: bo)
        #expect(report.folder == folder && report.applied == 1 && report.refusals.isEmpty)
        #expect(try outsideState() == before)
    }

    @Test func anUnreadableFileIsRefusedWithItsReason() throws {
        // Permissions do not stop root; the check only means something for other users.
        guard geteuid() != 0 else { return }
        let unreadable = try makeFolder(Self.replicaFolderName("f6")) + "/locked.concord"
        try FileManager.default.copyItem(atPath: try SyncFileFixtures.export(third), toPath: unreadable)
        #expect(chmod(unreadable, 0) == 0)
        let report = try SyncFolder().synchronize(folder: folder, knowledgeBase: bo)
        #expect(report.refusals.contains { $0.contains("locked.concord") && $0.contains("cannot be read") }, "\(report.refusals)")
    }
}
